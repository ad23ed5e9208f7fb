import Foundation
import Testing

@testable import DossierCore

/// A build that reuses the previous build's parsed and linked articles gives byte for byte what a clean build
/// gives, edit after edit, and parses only what changed. So does the site `dossier serve` renders on demand,
/// with its own cache, file by file.
@Suite struct IncrementalBuildTests {
    /// The cache of the on-demand builds, which follow the same edits as `cache`.
    private let onDemandCache = BuildCache()

    private func expectSameAsCleanBuild(_ folder: URL, cache: BuildCache) throws {
        let incremental = try DossierBuilder.build(folder: folder, cache: cache)
        let clean = try DossierBuilder.build(folder: folder)
        #expect(incremental.diagnostics == clean.diagnostics)
        #expect(incremental.files.map(\.path) == clean.files.map(\.path))
        for (mine, theirs) in zip(incremental.files, clean.files) where mine.data != theirs.data {
            Issue.record("\(mine.path) differs from a clean build's")
        }
        #expect(!incremental.files.isEmpty)

        let (report, site) = try DossierBuilder.buildOnDemand(folder: folder, cache: onDemandCache)
        #expect(report.diagnostics == clean.diagnostics)
        let onDemand = try #require(site)
        #expect(site?.pageCount == clean.pageCount)
        // Pages first, in reverse, so that no order of requests is assumed; the data files come last.
        for file in clean.files.reversed() where try onDemand.file(at: file.path.value) != file.data {
            Issue.record("\(file.path) rendered on demand differs from a clean build's")
        }
        #expect(try onDemand.allPaths() == clean.files.map(\.path.value))
        #expect(try onDemand.file(at: "articles/no-such-article/index.html") == nil)
    }

    private func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit must change \(file.lastPathComponent)")
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func editsOfEveryKindGiveTheCleanBuildsSite() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: TestSupport.seeds, to: folder)
        let cache = BuildCache()
        _ = try DossierBuilder.build(folder: folder, cache: cache)
        _ = try DossierBuilder.buildOnDemand(folder: folder, cache: onDemandCache)
        #expect(cache.lastParsed == 2)

        // An edit in place that keeps the file's size (`Damas` for `Homss`): only its stamp tells it changed.
        let wire = folder.appendingPathComponent("000_94cd7e84aae576f1.txt")
        let original = try Data(contentsOf: wire)
        let sameSize = try #require(
            String(data: original, encoding: .utf8)?.replacingOccurrences(of: "Damas", with: "Homss").data(using: .utf8))
        #expect(sameSize.count == original.count && sameSize != original)
        let handle = try FileHandle(forWritingTo: wire)
        try handle.write(contentsOf: sameSize)
        try handle.close()
        try expectSameAsCleanBuild(folder, cache: cache)
        #expect(cache.lastParsed == 1)
        try original.write(to: wire)
        try expectSameAsCleanBuild(folder, cache: cache)

        // An article edit: a new mention of Damas, one of Boukamal gone.
        try edit(folder.appendingPathComponent("000_94cd7e84aae576f1.txt")) {
            $0.replacingOccurrences(of: "de Boukamal, dernière ville", with: "de Damas, dernière ville")
        }
        try expectSameAsCleanBuild(folder, cache: cache)
        #expect(cache.lastParsed == 1)
        #expect(cache.lastLinked == 1)

        // An article added, mentioning entities the others mention.
        try "---\ntitle: Une note sur Boukamal\ndate: 2017-11-20\n---\nL'EI a quitté Boukamal, selon l'OSDH.\n"
            .write(to: folder.appendingPathComponent("note.md"), atomically: true, encoding: .utf8)
        try expectSameAsCleanBuild(folder, cache: cache)
        #expect(cache.lastParsed == 1)

        // An article removed.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("001_eaae213581ca3af3.txt"))
        try expectSameAsCleanBuild(folder, cache: cache)
        #expect(cache.lastParsed == 0)

        // The registry edited so that Boukamal's name no longer occurs: every article is linked again, and
        // no page may keep a link to it.
        try edit(folder.appendingPathComponent("entities.yml")) {
            $0.replacingOccurrences(of: "name: Boukamal\n", with: "name: Boukamalville\n")
                .replacingOccurrences(of: "aliases: [Abou Kamal, Albou Kamal]", with: "aliases: [Abou Kamal]")
        }
        try expectSameAsCleanBuild(folder, cache: cache)
        #expect(cache.lastLinked == 2)

        // A template overridden: the pages that use it change, nothing is parsed again.
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let notFound = try String(
            contentsOf: TestSupport.repository.appendingPathComponent("Templates/default/404.mustache"), encoding: .utf8
        )
        try (notFound + "\n<p>Une page du dossier modifiée.</p>\n")
            .write(to: templates.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        try expectSameAsCleanBuild(folder, cache: cache)
        #expect(cache.lastParsed == 0)
        #expect(cache.lastLinked == 0)
    }
}
