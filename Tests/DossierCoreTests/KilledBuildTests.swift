import Foundation
import Testing

@testable import DossierCore

@Suite("A build killed while it writes leaves the published site as it was")
struct KilledBuildTests {
    /// A dossier of 800 articles (the seeds' first article, renamed and dated), big enough to be caught writing.
    private func bigDossier() throws -> (dossier: URL, output: URL) {
        let root = try TestSupport.temporaryFolder()
        let dossier = root.appendingPathComponent("dossier")
        try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
        for name in ["entities.yml", "dossier.yml"] {
            try FileManager.default.copyItem(
                at: TestSupport.seeds.appendingPathComponent(name), to: dossier.appendingPathComponent(name))
        }
        let seed = try String(contentsOf: TestSupport.seeds.appendingPathComponent("000_94cd7e84aae576f1.txt"), encoding: .utf8)
        let body = seed.drop { $0 != "L" }  // after the `date` header
        for number in 1...800 {
            let day = String(format: "2017-%02d-%02d", number % 12 + 1, number % 28 + 1)
            try ("date \(day) Dépêche \(number). " + body).write(
                to: dossier.appendingPathComponent(String(format: "a%04d.txt", number)), atomically: false, encoding: .utf8)
        }
        return (dossier, root.appendingPathComponent("public"))
    }

    /// Every file under a folder with its bytes, to compare two sites.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in TestSupport.files(under: folder) {
            result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return result
    }

    @Test("SIGKILL in the middle of writing: the old site is intact; the next build recycles the leftovers correctly")
    func killedMidWrite() throws {
        let (dossier, output) = try bigDossier()
        let first = try TestSupport.runDossier(["build", dossier.path, "--output", output.path])
        try #require(first.status == 0, "\(first.stderr)")
        let published = try snapshot(output)

        // Change one article. No previous site is kept yet, so the second build writes every file into a new
        // working folder: kill it while it does.
        let edited = dossier.appendingPathComponent("a0001.txt")
        try (try String(contentsOf: edited, encoding: .utf8) + "\nUne phrase ajoutée sur Damas.\n")
            .write(to: edited, atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = TestSupport.repository.appendingPathComponent(".build/debug/dossier")
        process.arguments = ["build", dossier.path, "--output", output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let parent = output.deletingLastPathComponent()
        var caught = false
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            // The working folder is the site kept from the build before (renamed) or a new one: either way,
            // once it holds new pages the build is writing.
            let working = (try? FileManager.default.contentsOfDirectory(atPath: parent.path))?
                .first { $0.hasPrefix(".public.tmp-") }
            if let working,
                let articles = try? FileManager.default.contentsOfDirectory(
                    atPath: parent.appendingPathComponent(working).appendingPathComponent("articles").path),
                articles.count > 20
            {
                kill(process.processIdentifier, SIGKILL)
                caught = true
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        try #require(caught, "the build ended before it could be caught writing")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try snapshot(output) == published, "the published site changed under a killed build")

        // The next build starts from what the killed one left, and must give exactly a clean build's site.
        let again = try TestSupport.runDossier(["build", dossier.path, "--output", output.path])
        #expect(again.status == 0, "\(again.stderr)")
        let clean = try TestSupport.buildToDisk(dossier).output
        #expect(try snapshot(output) == snapshot(clean))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".public.tmp-") }
        #expect(leftovers.isEmpty)
    }
}
