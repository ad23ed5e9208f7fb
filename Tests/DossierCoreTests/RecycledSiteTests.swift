import Foundation
import Testing

@testable import DossierCore

/// A build writes into the site kept from the build before (`.public.previous`), changing only what differs:
/// whatever that folder holds, the result must be exactly a clean build's site.
@Suite("A build that recycles the previous site gives exactly a clean build's site")
struct RecycledSiteTests {
    @Test("files where folders go, folders missing, stale pages and damaged bytes in the kept site are all put right")
    func damagedKeptSite() throws {
        let root = try TestSupport.temporaryFolder()
        let dossier = root.appendingPathComponent("dossier")
        try FileManager.default.copyItem(at: TestSupport.seeds, to: dossier)
        try? FileManager.default.removeItem(at: dossier.appendingPathComponent(".dossier"))
        let output = root.appendingPathComponent("public")
        let kept = root.appendingPathComponent(".public.previous")
        func build(_ extra: [String] = []) throws {
            let result = try TestSupport.runDossier(["build", dossier.path, "--output", output.path] + extra)
            #expect(result.status == 0, "\(result.stderr)")
        }
        // Two builds with other options: the second keeps the first's site beside the output.
        try build()
        try build(["--base-url", "https://example.org/dossier/"])
        try #require(FileManager.default.fileExists(atPath: kept.appendingPathComponent("index.html").path))

        let manager = FileManager.default
        let town = try #require(
            TestSupport.files(under: output).first { $0.hasPrefix("towns/") && $0.hasSuffix("/index.html") })
        let townFolder = kept.appendingPathComponent(String(town.dropLast("/index.html".count)))
        try manager.removeItem(at: townFolder)
        try Data("not a folder".utf8).write(to: townFolder)  // a file where a page's folder goes
        try manager.removeItem(at: kept.appendingPathComponent("timeline"))  // a whole section missing
        try manager.removeItem(at: kept.appendingPathComponent("articles"))
        try Data("a folder now".utf8).write(to: kept.appendingPathComponent("articles"))  // a file above page folders
        let stale = kept.appendingPathComponent("people/personne-disparue/index.html")
        try manager.createDirectory(at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<p>stale</p>".utf8).write(to: stale)
        try Data("damaged".utf8).write(to: kept.appendingPathComponent("index.html"))

        try build()
        let clean = try TestSupport.buildToDisk(dossier).output
        #expect(TestSupport.files(under: output) == TestSupport.files(under: clean))
        for path in TestSupport.files(under: clean) {
            let built = try Data(contentsOf: output.appendingPathComponent(path))
            #expect(built == (try Data(contentsOf: clean.appendingPathComponent(path))), "\(path) differs")
        }
    }
}
