import Foundation
import Testing

@testable import DossierCore

@Suite("A second build with nothing changed writes nothing")
struct NoChangeBuildTests {
    /// A copy of the seeds and an output folder beside it, in a fresh temporary folder.
    private func workspace() throws -> (dossier: URL, output: URL) {
        let root = try TestSupport.temporaryFolder()
        let dossier = root.appendingPathComponent("dossier")
        try FileManager.default.copyItem(at: TestSupport.seeds, to: dossier)
        try? FileManager.default.removeItem(at: dossier.appendingPathComponent(".dossier"))
        return (dossier, root.appendingPathComponent("public"))
    }

    private func build(_ dossier: URL, _ output: URL, _ extra: [String] = []) throws -> String {
        let result = try TestSupport.runDossier(["build", dossier.path, "--output", output.path] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    private func modified(_ file: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
    }

    @Test("The second build says it is up to date and leaves every file as it was")
    func upToDate() throws {
        let (dossier, output) = try workspace()
        #expect(try build(dossier, output).hasPrefix("Built "))
        let index = output.appendingPathComponent("index.html")
        let before = try modified(index)
        let second = try build(dossier, output)
        #expect(second.hasPrefix("Up to date: nothing changed in \(dossier.path)"))
        #expect(try modified(index) == before)
    }

    @Test("A folder that links back up the tree is walked once: the check ends, and still sees an edit below it")
    func linkLoop() throws {
        let (dossier, output) = try workspace()
        let archive = dossier.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let article = archive.appendingPathComponent("extra.md")
        try "---\ntitle: Extra\ndate: 2017-11-02\n---\nUne réunion à Damas.\n".write(to: article, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: archive.appendingPathComponent("loop").path, withDestinationPath: "..")
        #expect(try build(dossier, output).hasPrefix("Built "))
        #expect(try build(dossier, output).hasPrefix("Up to date"))
        try "---\ntitle: Extra\ndate: 2017-11-02\n---\nUne réunion à Alep.\n".write(to: article, atomically: true, encoding: .utf8)
        #expect(try build(dossier, output).hasPrefix("Built "))
        #expect(try build(dossier, output).hasPrefix("Up to date"))
    }

    @Test(
        "A pipe, a link to a file and a link to a folder: the check waits on no pipe and sees an edit through a link",
        .timeLimit(.minutes(1)))
    func specialEntries() throws {
        let (dossier, output) = try workspace()
        let outside = try TestSupport.temporaryFolder()
        let file = outside.appendingPathComponent("linked.md")
        try "---\ntitle: Lié\ndate: 2017-11-03\n---\nUne réunion à Damas.\n".write(
            to: file, atomically: true, encoding: .utf8)
        let folder = outside.appendingPathComponent("more")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let inner = folder.appendingPathComponent("other.md")
        try "---\ntitle: Autre\ndate: 2017-11-04\n---\nUn convoi à Alep.\n".write(
            to: inner, atomically: true, encoding: .utf8)
        let manager = FileManager.default
        try manager.createSymbolicLink(
            atPath: dossier.appendingPathComponent("linked.md").path, withDestinationPath: file.path)
        try manager.createSymbolicLink(
            atPath: dossier.appendingPathComponent("more").path, withDestinationPath: folder.path)
        #expect(mkfifo(dossier.appendingPathComponent("pipe.md").path, 0o644) == 0)
        #expect(try build(dossier, output).hasPrefix("Built "))
        #expect(try build(dossier, output).hasPrefix("Up to date"))
        try "---\ntitle: Lié\ndate: 2017-11-03\n---\nUne réunion à Damas, puis à Homs.\n".write(
            to: file, atomically: true, encoding: .utf8)
        #expect(try build(dossier, output).hasPrefix("Built "))
        #expect(try build(dossier, output).hasPrefix("Up to date"))
        try "---\ntitle: Autre\ndate: 2017-11-04\n---\nUn convoi à Alep et à Idleb.\n".write(
            to: inner, atomically: true, encoding: .utf8)
        #expect(try build(dossier, output).hasPrefix("Built "))
    }

    @Test("An edited article, a new file, other options or a damaged output mean a real build")
    func rebuilds() throws {
        let (dossier, output) = try workspace()
        _ = try build(dossier, output)
        let article = try #require(TestSupport.files(under: dossier).first { $0.hasSuffix(".txt") })
        let handle = try FileHandle(forWritingTo: dossier.appendingPathComponent(article))
        handle.seekToEndOfFile()
        handle.write(Data("\nUne phrase de plus à Damas.\n".utf8))
        try handle.close()
        #expect(try build(dossier, output).hasPrefix("Built "))
        #expect(try build(dossier, output).hasPrefix("Up to date"))

        try "Note.\n".write(to: dossier.appendingPathComponent("note.md"), atomically: true, encoding: .utf8)
        #expect(try build(dossier, output).hasPrefix("Built "))

        #expect(try build(dossier, output, ["--base-url", "https://example.org/d/"]).hasPrefix("Built "))
        #expect(try build(dossier, output, ["--base-url", "https://example.org/d/"]).hasPrefix("Up to date"))

        try FileManager.default.removeItem(at: output.appendingPathComponent("towns/boukamal/index.html"))
        #expect(try build(dossier, output, ["--base-url", "https://example.org/d/"]).hasPrefix("Built "))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("towns/boukamal/index.html").path))

        #expect(try build(dossier, output, ["--base-url", "https://example.org/d/", "--force"]).hasPrefix("Built "))
    }

    @Test("A template override, the settings or a link that leads nowhere are inputs too: a change to any means a build")
    func otherInputs() throws {
        let (dossier, output) = try workspace()
        let templates = dossier.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let page = templates.appendingPathComponent("404.mustache")
        let original = try String(
            contentsOf: TestSupport.repository.appendingPathComponent("Templates/default/404.mustache"), encoding: .utf8)
        try original.write(to: page, atomically: true, encoding: .utf8)
        #expect(try build(dossier, output).hasPrefix("Built "))
        #expect(try build(dossier, output).hasPrefix("Up to date"))

        try original.replacingOccurrences(of: "</div>", with: "<p>Revenez plus tard.</p></div>").write(
            to: page, atomically: true, encoding: .utf8)
        #expect(try build(dossier, output).hasPrefix("Built "))
        #expect(try build(dossier, output).hasPrefix("Up to date"))

        let settings = dossier.appendingPathComponent("dossier.yml")
        try (String(contentsOf: settings, encoding: .utf8) + "\n# relu\n").write(
            to: settings, atomically: true, encoding: .utf8)
        #expect(try build(dossier, output).hasPrefix("Built "))
        #expect(try build(dossier, output).hasPrefix("Up to date"))

        // Nothing is read through it, but it brings a warning, which the next check repeats.
        try FileManager.default.createSymbolicLink(
            atPath: dossier.appendingPathComponent("perdu.md").path, withDestinationPath: "nulle-part.md")
        #expect(try build(dossier, output).hasPrefix("Built "))
        let again = try build(dossier, output)
        #expect(again.hasPrefix("Up to date"))
        #expect(again.contains("1 warning"), "\(again)")
    }

    @Test("The digest of the files a build writes equals the digest of the folder it wrote")
    func digestsAgree() throws {
        let (dossier, output) = try workspace()
        let report = try DossierBuilder.build(folder: dossier)
        try DiskPublisher.publish(report.files, to: output, input: dossier)
        let entries = report.files.map { (path: $0.path.value, size: $0.data.count) }
        #expect(FileTreeDigest.outputs(entries) == FileTreeDigest.folder(output, includeTimes: false))
        #expect(FileTreeDigest.outputs(entries).files == report.files.count)
    }

    @Test("A file's entry in the digest is its path, size and time written out as text, as builds before recorded it")
    func entryIsText() {
        let cases: [(String, Int, Int?)] = [
            ("index.html", 0, nil), ("articles/é/index.html", 7, 1_700_000_000_123_456_789),
            ("a", Int.max, Int.min), ("search/docs/12.js", 1_234_567, -5), ("", 10, 0),
        ]
        for (path, size, modified) in cases {
            var text = FileTreeDigest()
            text.add("\(path)\u{0}\(size)\u{0}\(modified.map(String.init) ?? "")")
            #expect(
                FileTreeDigest.entry(path: path, size: size, modified: modified) == text.value,
                "\(path) \(size) \(String(describing: modified))")
        }
    }

    @Test("The digest of a list of files does not depend on their order, and changes with any path or size")
    func digestOfFiles() {
        let files = [(path: "index.html", size: 10), (path: "articles/a/index.html", size: 20), (path: "b.js", size: 3)]
        #expect(FileTreeDigest.outputs(files) == FileTreeDigest.outputs(files.reversed()))
        #expect(FileTreeDigest.outputs(files) == FileTreeDigest.outputs([files[1], files[2], files[0]]))
        #expect(FileTreeDigest.outputs(files) != FileTreeDigest.outputs(Array(files.dropLast())))
        #expect(FileTreeDigest.outputs(files) != FileTreeDigest.outputs(files.map { ($0.path, $0.size + 1) }))
        #expect(FileTreeDigest.outputs(files) != FileTreeDigest.outputs(files.map { ($0.path + "x", $0.size) }))
        // Two files that trade sizes are another site.
        let traded = [(path: "index.html", size: 20), (path: "articles/a/index.html", size: 10), (path: "b.js", size: 3)]
        #expect(FileTreeDigest.outputs(files) != FileTreeDigest.outputs(traded))
    }
}
