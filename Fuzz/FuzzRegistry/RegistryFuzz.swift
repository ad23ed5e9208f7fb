import Foundation
@testable import DossierCore

/// libFuzzer entry: arbitrary bytes as `entities.yml`, loaded and turned into a matcher as a build does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegistry(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = ArticleParser.text(of: Data(bytes: data, count: size)) else { return 0 }
    var diagnostics: [Diagnostic] = []
    let registry = RegistryLoader.load(text, diagnostics: &diagnostics)
    var ids: Set<String> = []
    for entity in registry.entities {
        // Every entity that loads has a slug id of its own, a name and a page.
        precondition(Slug.isValid(entity.id), "entity id `\(entity.id)` is not a slug")
        precondition(ids.insert(entity.id).inserted, "entity id `\(entity.id)` loaded twice")
        precondition(!entity.name.isEmpty, "entity `\(entity.id)` has no name")
        precondition(registry[entity.id]?.id == entity.id, "entity `\(entity.id)` not found by id")
    }
    for diagnostic in diagnostics {
        if let line = diagnostic.line { precondition(line >= 1, "diagnostic on line \(line)") }
    }
    let linker = EntityLinker(registry: registry, mode: .first)
    _ = linker.registryDiagnostics
    let matcher = EntityMatcher(registry: registry)
    for entity in registry.entities {
        _ = matcher.matches(in: entity.names.joined(separator: " et "))
    }
    return 0
}
