import Foundation
import Testing

@testable import DossierCore

/// The loader reads every article file and nothing else, whatever the case of its extension, in path order.
@Suite struct DossierLoaderTests {
    @Test(arguments: [
        ("a.txt", true), ("a.md", true), ("a.markdown", true), ("A.TXT", true), ("b.Md", true), ("c.MarkDown", true),
        ("a.yml", false), ("a.txt.bak", false), ("md", false), (".md", true), ("a.mdx", false), ("a.ttxt", false), ("a..txt", true),
        ("a.tx", false), ("dépêche.txt", true), ("a.t\u{0}xt", false),
    ])
    func articleNames(name: String, isArticle: Bool) {
        #expect(isArticleName(name) == isArticle)
    }

    @Test func articleFilesAreFoundInPathOrderWhateverTheirCase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-loader-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("2017/novembre"), withIntermediateDirectories: true)
        try "towns: {}\ngroups: {}\npeople: {}\n".write(
            to: folder.appendingPathComponent("entities.yml"), atomically: false, encoding: .utf8)
        for name in ["b.MD", "a.txt", "notes.yml", "2017/novembre/c.Markdown", "2017/z.txt", ".cache.md", "Z.TXT"] {
            try "date 2017-11 Texte.\n".write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        var diagnostics: [Diagnostic] = []
        let sources = try DossierLoader.load(folder: folder, diagnostics: &diagnostics)
        #expect(sources.articleFiles.map(\.path.value) == ["2017/novembre/c.Markdown", "2017/z.txt", "Z.TXT", "a.txt", "b.MD"])
        #expect(FileKind.names(in: folder.appendingPathComponent("nowhere").path) == nil)
        #expect(FileKind.names(in: folder.path)?.sorted() == [".cache.md", "2017", "Z.TXT", "a.txt", "b.MD", "entities.yml", "notes.yml"])
    }
}
