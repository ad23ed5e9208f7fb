import Yams

/// Reads `entities.yml`: kinds, then entities by id, every problem reported with its line.
enum RegistryLoader {
    static let fileName = "entities.yml"

    static func load(_ text: String?, diagnostics: inout [Diagnostic]) -> Registry {
        let file = SourcePath(fileName)
        let builtIn = EntityKind.builtIn.enumerated().map { EntityKind(id: $1, order: $0) }
        guard let text else {
            diagnostics.append(
                .error("registry-missing", "entities.yml is missing: the dossier needs a registry of entities",
                    file: file, suggestion: "create entities.yml with `towns:`, `groups:` and `people:`"))
            return Registry(kinds: builtIn, entities: [])
        }
        guard let root = YAMLReader.compose(text, file: file, diagnostics: &diagnostics) else {
            if !diagnostics.hasErrors {
                diagnostics.append(
                    .error("registry-empty", "entities.yml is empty", file: file, line: 1,
                        suggestion: "register entities under `towns:`, `groups:` and `people:`"))
            }
            return Registry(kinds: builtIn, entities: [])
        }
        guard case .mapping(let kindsMapping) = root else {
            diagnostics.append(
                .error("registry-not-mapping", "entities.yml must map kinds (`towns:`, `groups:`…) to entities",
                    file: file, line: YAMLReader.line(of: root), column: root.mark?.column,
                    suggestion: "start with a kind on its own line (`towns:`), its ids indented below it, their fields below them"))
            return Registry(kinds: builtIn, entities: [])
        }
        var kinds = builtIn
        var entities: [Entity] = []
        var seen: [String: (kind: String, line: Int)] = [:]
        var affiliationPositions: [String: (line: Int, column: Int?)] = [:]
        for (kindNode, entitiesNode) in kindsMapping {
            let kindID = kindNode.string ?? ""
            let kindLine = YAMLReader.line(of: kindNode) ?? 1
            guard Slug.isValid(kindID) else {
                diagnostics.append(
                    .error("kind-invalid", "the kind `\(kindID)` is not a lowercase slug", file: file, line: kindLine,
                        column: kindNode.mark?.column, suggestion: "name kinds like `towns` or `places`: a-z, 0-9 and hyphens"))
                continue
            }
            var kind = kinds.first { $0.id == kindID }
            if kind == nil {
                kind = EntityKind(id: kindID, order: kinds.count)
                kinds.append(kind!)
            }
            if case .scalar = entitiesNode, YAMLReader.string(entitiesNode) == nil { continue }  // `places:` left empty
            guard case .mapping(let entityMapping) = entitiesNode else {
                diagnostics.append(
                    .error("kind-not-mapping", "`\(kindID)` must map entity ids to their fields", file: file,
                        line: kindLine, column: kindNode.mark?.column,
                        suggestion: "indent each entity under `\(kindID):` as `id:` followed by its `name:`"))
                continue
            }
            for (idNode, fieldsNode) in entityMapping {
                let id = idNode.string ?? ""
                let line = YAMLReader.line(of: idNode) ?? kindLine
                let column = idNode.mark?.column
                guard Slug.isValid(id) else {
                    // An id becomes a folder of the site: one that names a path must never be written as one.
                    let isPath = id.contains("/") || id.contains("\\") || id.contains("..")
                    let slug = Slug.make(id)
                    diagnostics.append(
                        .error("entity-id-invalid",
                            isPath
                                ? "the id `\(id)` is a path, not a slug: ids are a-z, 0-9 and hyphens"
                                : "the id `\(id)` is not a slug (a-z, 0-9 and hyphens)",
                            file: file, line: line, column: column,
                            suggestion: slug.isEmpty ? "write the id in lowercase ASCII, e.g. `boukamal`" : "try `\(slug)`"))
                    continue
                }
                if let previous = seen[id] {
                    diagnostics.append(
                        .error("entity-id-duplicate",
                            "the id `\(id)` is already used in `\(previous.kind)` (line \(previous.line))", file: file,
                            line: line, column: column,
                            suggestion: "ids are unique across kinds (they name pages): give one of them another id, e.g. `\(id)-\(kindID)`"))
                    continue
                }
                seen[id] = (kindID, line)
                if let entity = entity(
                    id: id, kind: kind!, line: line, fields: fieldsNode, affiliationPositions: &affiliationPositions,
                    diagnostics: &diagnostics)
                {
                    entities.append(entity)
                }
            }
        }
        let registry = Registry(kinds: kinds, entities: entities)
        checkAffiliations(registry, positions: affiliationPositions, diagnostics: &diagnostics)
        return registry
    }

    /// An affiliation names another registered entity; a typo in it gets the closest id as a suggestion.
    private static func checkAffiliations(
        _ registry: Registry, positions: [String: (line: Int, column: Int?)], diagnostics: inout [Diagnostic]
    ) {
        let ids = registry.entities.map(\.id)
        for entity in registry.entities {
            guard let affiliation = entity.affiliation, registry[affiliation] == nil || affiliation == entity.id else {
                continue
            }
            let closest = NameDistance.closest(to: affiliation, in: ids.filter { $0 != entity.id })
            diagnostics.append(
                .error("affiliation-unknown",
                    affiliation == entity.id
                        ? "`\(entity.id)` is affiliated to itself"
                        : "`\(entity.id)` is affiliated to `\(affiliation)`, which is not a registered entity",
                    file: SourcePath(fileName), line: positions[entity.id]?.line ?? entity.line,
                    column: positions[entity.id]?.column,
                    suggestion: closest.map { "did you mean `\($0)`?" }
                        ?? "write the id of a registered entity, or register `\(affiliation)` first"))
        }
    }

    private static func entity(
        id: String, kind: EntityKind, line: Int, fields node: Node,
        affiliationPositions: inout [String: (line: Int, column: Int?)], diagnostics: inout [Diagnostic]
    ) -> Entity? {
        let file = SourcePath(fileName)
        guard case .mapping(let fields) = node else {
            diagnostics.append(
                .error("entity-not-mapping", "`\(id)` must be a mapping with at least `name:`", file: file, line: line,
                    suggestion: "write its fields indented below it, e.g. `name: \(id.capitalized)`"))
            return nil
        }
        var entity = Entity(id: id, kind: kind, name: "", file: file, line: line)
        var nameMistyped = false
        var caseSensitiveAll = false
        var caseSensitiveLine: Int?
        for (keyNode, value) in fields {
            let key = keyNode.string ?? ""
            let fieldLine = YAMLReader.line(of: keyNode) ?? line
            let fieldColumn = keyNode.mark?.column
            // Text fields: a list or a mapping where one line of text belongs is reported, not dropped.
            func text() -> String? {
                if case .scalar = value { return YAMLReader.string(value) }
                diagnostics.append(
                    .error("entity-field-type", "`\(key)` of `\(id)` must be text, not a list or a mapping", file: file,
                        line: fieldLine, column: fieldColumn, suggestion: "write it on one line: `\(key): …`"))
                return nil
            }
            switch key {
            case "name":
                guard let name = text() else {
                    if case .scalar = value {} else { nameMistyped = true }
                    continue
                }
                entity.name = name
            case "summary":
                entity.summary = text()
            case "affiliation":
                entity.affiliation = text()
                affiliationPositions[id] = (fieldLine, fieldColumn)
            case "aliases":
                guard let aliases = YAMLReader.strings(value) else {
                    diagnostics.append(
                        .error("aliases-type", "`aliases` of `\(id)` must be a list of names", file: file,
                            line: fieldLine, column: fieldColumn, suggestion: "e.g. aliases: [Abou Kamal, Albou Kamal]"))
                    continue
                }
                entity.aliases = aliases
            case "case_sensitive":
                if case .scalar = value, let flag = value.bool {
                    caseSensitiveAll = flag
                } else if let names = YAMLReader.strings(value) {
                    entity.caseSensitiveNames = names
                    caseSensitiveLine = fieldLine
                } else {
                    diagnostics.append(
                        .error("case-sensitive-type",
                            "`case_sensitive` of `\(id)` must be `true` or a list of its names", file: file,
                            line: fieldLine, suggestion: "e.g. case_sensitive: [Le Quotidien]"))
                }
            case "not":
                guard let phrases = YAMLReader.strings(value) else {
                    diagnostics.append(
                        .error("not-type", "`not` of `\(id)` must be a list of phrases", file: file,
                            line: fieldLine, suggestion: "e.g. not: [la Douma, Douma russe]"))
                    continue
                }
                entity.exclusions = phrases
            case "coordinates":
                guard case .sequence(let pair) = value, pair.count == 2, let latitude = YAMLReader.number(pair[0]),
                    let longitude = YAMLReader.number(pair[1])
                else {
                    diagnostics.append(
                        .error("coordinates-type", "`coordinates` of `\(id)` must be [latitude, longitude]",
                            file: file, line: fieldLine, column: fieldColumn, suggestion: "e.g. coordinates: [34.453, 40.918]"))
                    continue
                }
                guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                    diagnostics.append(
                        .error("coordinates-range",
                            "coordinates of `\(id)` are out of range: latitude must be within ±90, longitude ±180",
                            file: file, line: fieldLine, column: fieldColumn,
                            suggestion: "write [latitude, longitude] in decimal degrees, latitude first, e.g. [34.453, 40.918]"))
                    continue
                }
                entity.coordinates = Coordinates(latitude: latitude, longitude: longitude)
            default:
                diagnostics.append(
                    .warning("entity-field-unknown", "unknown field `\(key)` of `\(id)` is ignored", file: file,
                        line: fieldLine, column: fieldColumn,
                        suggestion: NameDistance.closest(to: key, in: knownFields).map { "did you mean `\($0)`?" }
                            ?? "known fields: \(knownFields.joined(separator: ", "))"))
            }
        }
        guard !entity.name.isEmpty else {
            if nameMistyped { return nil }
            diagnostics.append(
                .error("entity-name-missing", "`\(id)` has no `name`", file: file, line: line,
                    suggestion: "add the name readers know it by, e.g. `name: \(id.capitalized)`"))
            return nil
        }
        if caseSensitiveAll {
            entity.caseSensitiveNames = entity.names
        } else if let caseSensitiveLine {
            for name in entity.caseSensitiveNames where !entity.names.contains(name) {
                diagnostics.append(
                    .error("case-sensitive-unknown",
                        "`case_sensitive` of `\(id)` lists `\(name)`, which is not its name or one of its aliases",
                        file: file, line: caseSensitiveLine,
                        suggestion: "write the name exactly as under `name:` or `aliases:`"))
            }
        }
        return entity
    }

    private static let knownFields = ["name", "aliases", "summary", "coordinates", "affiliation", "case_sensitive", "not"]
}
