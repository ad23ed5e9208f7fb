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
                    file: file, line: YAMLReader.line(of: root)))
            return Registry(kinds: builtIn, entities: [])
        }
        var kinds = builtIn
        var entities: [Entity] = []
        var seen: [String: (kind: String, line: Int)] = [:]
        for (kindNode, entitiesNode) in kindsMapping {
            let kindID = kindNode.string ?? ""
            let kindLine = YAMLReader.line(of: kindNode) ?? 1
            guard Slug.isValid(kindID) else {
                diagnostics.append(
                    .error("kind-invalid", "the kind `\(kindID)` is not a lowercase slug", file: file, line: kindLine))
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
                        line: kindLine))
                continue
            }
            for (idNode, fieldsNode) in entityMapping {
                let id = idNode.string ?? ""
                let line = YAMLReader.line(of: idNode) ?? kindLine
                guard Slug.isValid(id) else {
                    diagnostics.append(
                        .error("entity-id-invalid", "the id `\(id)` is not a slug (a-z, 0-9 and hyphens)", file: file,
                            line: line, suggestion: "try `\(Slug.make(id))`"))
                    continue
                }
                if let previous = seen[id] {
                    diagnostics.append(
                        .error("entity-id-duplicate",
                            "the id `\(id)` is already used in `\(previous.kind)` (line \(previous.line))", file: file,
                            line: line))
                    continue
                }
                seen[id] = (kindID, line)
                if let entity = entity(id: id, kind: kind!, line: line, fields: fieldsNode, diagnostics: &diagnostics) {
                    entities.append(entity)
                }
            }
        }
        let registry = Registry(kinds: kinds, entities: entities)
        for entity in registry.entities {
            if let affiliation = entity.affiliation, registry[affiliation] == nil || affiliation == entity.id {
                diagnostics.append(
                    .error("affiliation-unknown",
                        "`\(entity.id)` is affiliated to `\(affiliation)`, which is not a registered entity", file: file,
                        line: entity.line))
            }
        }
        return registry
    }

    private static func entity(
        id: String, kind: EntityKind, line: Int, fields node: Node, diagnostics: inout [Diagnostic]
    ) -> Entity? {
        let file = SourcePath(fileName)
        guard case .mapping(let fields) = node else {
            diagnostics.append(
                .error("entity-not-mapping", "`\(id)` must be a mapping with at least `name:`", file: file, line: line))
            return nil
        }
        var entity = Entity(id: id, kind: kind, name: "", file: file, line: line)
        var caseSensitiveAll = false
        var caseSensitiveLine: Int?
        for (keyNode, value) in fields {
            let key = keyNode.string ?? ""
            let fieldLine = YAMLReader.line(of: keyNode) ?? line
            switch key {
            case "name":
                entity.name = YAMLReader.string(value) ?? ""
            case "summary":
                entity.summary = YAMLReader.string(value)
            case "affiliation":
                entity.affiliation = YAMLReader.string(value)
            case "aliases":
                guard let aliases = YAMLReader.strings(value) else {
                    diagnostics.append(
                        .error("aliases-type", "`aliases` of `\(id)` must be a list of names", file: file,
                            line: fieldLine))
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
                guard case .sequence(let pair) = value, pair.count == 2, let latitude = pair[0].float,
                    let longitude = pair[1].float
                else {
                    diagnostics.append(
                        .error("coordinates-type", "`coordinates` of `\(id)` must be [latitude, longitude]",
                            file: file, line: fieldLine, suggestion: "e.g. coordinates: [34.453, 40.918]"))
                    continue
                }
                guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                    diagnostics.append(
                        .error("coordinates-range",
                            "coordinates of `\(id)` are out of range: latitude must be within ±90, longitude ±180",
                            file: file, line: fieldLine))
                    continue
                }
                entity.coordinates = Coordinates(latitude: latitude, longitude: longitude)
            default:
                diagnostics.append(
                    .warning("entity-field-unknown", "unknown field `\(key)` of `\(id)` is ignored", file: file,
                        line: fieldLine, suggestion: "known fields: \(knownFields)"))
            }
        }
        guard !entity.name.isEmpty else {
            diagnostics.append(.error("entity-name-missing", "`\(id)` has no `name`", file: file, line: line))
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

    private static let knownFields = "name, aliases, summary, coordinates, affiliation, case_sensitive, not"
}
