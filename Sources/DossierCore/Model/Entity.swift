import Foundation

/// A kind of entity: the registry's top-level keys (`towns`, `groups`, `people`, `places`…).
public struct EntityKind: Sendable, Hashable, Comparable {
    public var id: String
    /// The order in which kinds are shown: the built-in ones first, then the registry's order.
    public var order: Int

    public init(id: String, order: Int) {
        self.id = id
        self.order = order
    }

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool { (lhs.order, lhs.id) < (rhs.order, rhs.id) }

    /// The kinds every dossier has, in the order pages show them.
    public static let builtIn = ["towns", "groups", "people", "places"]

    /// The French plural label, as an index page title: `Villes`.
    public var label: String {
        switch id {
        case "towns": return "Villes"
        case "groups": return "Groupes et organisations"
        case "people": return "Personnes"
        case "places": return "Lieux"
        default: return id.prefix(1).uppercased() + id.dropFirst().replacingOccurrences(of: "-", with: " ")
        }
    }

    /// The French singular label, as a badge on an entity page: `Ville`.
    public var singular: String {
        switch id {
        case "towns": return "Ville"
        case "groups": return "Groupe ou organisation"
        case "people": return "Personne"
        case "places": return "Lieu"
        default: return label
        }
    }

    public var url: SiteURL { SiteURL("\(id)/") }
}

/// A point on the map, in decimal degrees.
public struct Coordinates: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// `34,453° N, 40,918° E`, as French readers write it.
    public var french: String {
        "\(Self.threeDecimals(abs(latitude)))° \(latitude < 0 ? "S" : "N"), "
            + "\(Self.threeDecimals(abs(longitude)))° \(longitude < 0 ? "O" : "E")"
    }

    /// `34,453`: the value rounded to three decimals as `%.3f` rounds it, with a decimal comma. Worked out on
    /// integers: Foundation's `String(format:)` cost 40 µs a call, and a town's every page shows its coordinates.
    static func threeDecimals(_ value: Double) -> String {
        let scaled = value * 1000
        let below = scaled.rounded(.down)
        // The product is within a billionth of the exact one: only a value that close to halfway could round the
        // other way, and `%.3f` (which rounds the exact value) settles it.
        guard value.isFinite, scaled < 1e9, abs(scaled - below - 0.5) > 1e-6 else {
            return String(format: "%.3f", value).replacingOccurrences(of: ".", with: ",")
        }
        let thousandths = Int(below) + (scaled - below > 0.5 ? 1 : 0)
        let decimals = String(thousandths % 1000)
        return "\(thousandths / 1000)," + String(repeating: "0", count: 3 - decimals.count) + decimals
    }
}

/// A town, group, person or place of the registry.
public struct Entity: Sendable, Hashable, Identifiable {
    public var id: String { didSet { url = Self.url(kind: kind, id: id) } }
    public var kind: EntityKind { didSet { url = Self.url(kind: kind, id: id) } }
    /// The entity's page: `towns/boukamal/`. Made once, as pages link to entities thousands of times.
    public private(set) var url: SiteURL
    public var name: String
    public var aliases: [String]
    public var summary: String?
    public var coordinates: Coordinates?
    /// The id of another entity this one belongs to (a person's organisation).
    public var affiliation: String?
    /// Names and aliases that match only in the case written (`Le Quotidien`, not `le quotidien`).
    public var caseSensitiveNames: [String] = []
    /// Phrases in which one of the names does not mean this entity (`la Douma`, the Russian parliament).
    public var exclusions: [String] = []
    /// Where the entity is declared, for diagnostics.
    public var file: SourcePath
    public var line: Int

    public init(
        id: String, kind: EntityKind, name: String, aliases: [String] = [], summary: String? = nil,
        coordinates: Coordinates? = nil, affiliation: String? = nil, file: SourcePath = SourcePath("entities.yml"),
        line: Int = 1
    ) {
        self.id = id
        self.kind = kind
        self.url = Self.url(kind: kind, id: id)
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.coordinates = coordinates
        self.affiliation = affiliation
        self.file = file
        self.line = line
    }

    private static func url(kind: EntityKind, id: String) -> SiteURL { SiteURL("\(kind.id)/\(id)/") }

    /// The name and every alias: what the linker looks for.
    public var names: [String] { [name] + aliases }
}

/// Every entity of the dossier, by kind.
public struct Registry: Sendable {
    public var kinds: [EntityKind]
    /// In kind order, then French order of names.
    public var entities: [Entity]
    private var indexByID: [String: Int]

    public init(kinds: [EntityKind], entities: [Entity]) {
        self.kinds = kinds.sorted()
        // Each name's collation key made once: made in the comparison, it was made twenty times per entity.
        let keys = entities.map { FrenchCollation.key($0.name) }
        let order = entities.indices.sorted {
            (entities[$0].kind, keys[$0], entities[$0].id) < (entities[$1].kind, keys[$1], entities[$1].id)
        }
        self.entities = order.map { entities[$0] }
        var index: [String: Int] = [:]
        for (position, entity) in self.entities.enumerated() where index[entity.id] == nil {
            index[entity.id] = position
        }
        self.indexByID = index
    }

    public subscript(id: String) -> Entity? { indexByID[id].map { entities[$0] } }

    /// The position in `entities` of the entity with this id.
    public func index(of id: String) -> Int? { indexByID[id] }

    public func entities(of kind: EntityKind) -> [Entity] { entities.filter { $0.kind == kind } }

    /// The entities with these ids, in registry order (kind, then French order); unknown ids are left out.
    public func entities<S: Sequence<String>>(withIDs ids: S) -> [Entity] {
        ids.compactMap { indexByID[$0] }.sorted().map { entities[$0] }
    }
}
