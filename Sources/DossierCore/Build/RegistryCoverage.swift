/// What the articles leave unused in the registry: entities no article mentions (they get no page),
/// and affiliations to such entities (shown without a link). Warnings, so that `check` tells the editor.
enum RegistryCoverage {
    static func diagnostics(registry: Registry, site: Site) -> [Diagnostic] {
        // The modeller has counted every entity's mentions already.
        let mentioned = Set(site.entityFacts.compactMap { $0.value.mentionCount > 0 ? $0.key : nil })
        let file = SourcePath(RegistryLoader.fileName)
        var diagnostics: [Diagnostic] = []
        for entity in registry.entities where !mentioned.contains(entity.id) {
            diagnostics.append(
                .warning("entity-unmentioned",
                    "`\(entity.id)` (\(entity.name)) is registered but no article mentions it, so it has no page",
                    file: file, line: entity.line,
                    suggestion: "add the spelling the articles use to its `aliases`, or remove it"))
        }
        for entity in registry.entities {
            guard let target = entity.affiliation, let affiliation = registry[target], !mentioned.contains(target)
            else { continue }
            diagnostics.append(
                .warning("affiliation-unmentioned",
                    "`\(entity.id)` is affiliated to `\(affiliation.id)`, which no article mentions: the affiliation "
                        + "is shown without a link", file: file, line: entity.line))
        }
        return diagnostics
    }
}
