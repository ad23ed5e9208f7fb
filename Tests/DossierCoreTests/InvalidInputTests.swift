import Foundation
import Testing

@testable import DossierCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The catalogue of bad input: each folder of `Fixtures/invalid/` is a small dossier with one kind of problem,
/// and its `expected.txt` holds `exit N`, then exactly what `dossier check` prints (diagnostics, then summary).
/// Adding a case is adding a folder. What git cannot hold (a 50 MB file, links, permissions, a pipe) is made
/// by the test from the folder's `setup.txt`.
@Suite("Bad input: the catalogue of invalid dossiers", .serialized)
struct InvalidInputTests {
    static let catalogue = TestSupport.fixture("invalid")
    /// Files of a case folder that describe the case and are not part of the dossier.
    static let caseFiles: Set<String> = ["expected.txt", "setup.txt"]

    static let caseNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: catalogue.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test("dossier check prints the expected diagnostics and exits with the expected status", arguments: caseNames)
    func catalogueCase(_ name: String) throws {
        let folder = Self.catalogue.appendingPathComponent(name)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        let workspace = try Self.prepare(name)
        let setup = (try? String(contentsOf: folder.appendingPathComponent("setup.txt"), encoding: .utf8)) ?? ""
        // Root reads any file whatever its mode: an unreadable file is only unreadable to someone else.
        let unprivileged = setup.contains("unreadable ")
        if unprivileged && getuid() == 0 && !Self.nobodyCanRun(in: workspace) {
            // A clone under a folder only root may enter: the case cannot be made here, and says so.
            print("skipped \(name): user nobody cannot run .build/debug/dossier from this clone")
            return
        }
        let result = try TestSupport.runDossier(["check", name], in: workspace, unprivileged: unprivileged)
        let actual = "exit \(result.status)\n" + result.stderr + result.stdout
        #expect(actual == expected, "\n--- expected\n\(expected)--- actual\n\(actual)")
    }

    @Test("every case has an expected.txt that starts with its exit status")
    func everyCaseIsComplete() throws {
        #expect(Self.caseNames.count >= 30)
        for name in Self.caseNames {
            let expected = try String(
                contentsOf: Self.catalogue.appendingPathComponent(name).appendingPathComponent("expected.txt"),
                encoding: .utf8)
            #expect(expected.hasPrefix("exit 0\n") || expected.hasPrefix("exit 1\n"), "\(name)")
            // Every error and warning of the catalogue says how to fix it.
            let lines = expected.split(separator: "\n").map(String.init)
            for (index, line) in lines.enumerated() where line.contains(": error: ") || line.contains(": warning: ") {
                #expect(lines.indices.contains(index + 1) && lines[index + 1].hasPrefix("  note: "), "\(name): \(line)")
            }
        }
    }

    @Test("a dossier with problems in the settings, registry, articles and templates reports them all in one run")
    func severalProblemsAtOnce() throws {
        let workspace = try Self.prepare("several-problems")
        let result = try TestSupport.runDossier(["check", "several-problems"], in: workspace)
        #expect(result.status == 1)
        for expected in [
            "dossier.yml:2:1: error:", "[config-link]", "entities.yml:12:5: error:", "[affiliation-unknown]",
            "b.md:3:1: error:", "[date-invalid]", "c.txt:1:48: warning:", "[encoding-legacy]",
            "templates/timeline.mustache:4:1: error:", "[template-syntax]", "4 errors: nothing was written",
        ] {
            #expect(result.stderr.contains(expected), "missing \(expected) in\n\(result.stderr)")
        }
    }

    @Test("Windows-1252 and Latin-1 wire copy reach the page as the letters that were meant, never as mojibake")
    func legacyEncodingsReadCorrectly() throws {
        for (name, phrases) in [
            ("encoding-windows-1252", ["L’EI a perdu", "« capitale »", "du groupe — selon l’OSDH", "contrôlent"]),
            ("encoding-latin-1", ["repris", "à l&#39;EI après quatre mois", "était dévastée"]),
        ] {
            let workspace = try Self.prepare(name)
            let (report, output) = try TestSupport.buildToDisk(workspace.appendingPathComponent(name))
            #expect(!report.diagnostics.hasErrors)
            let page = try #require(TestSupport.files(under: output).first { $0.hasPrefix("articles/") })
            let html = try TestSupport.read(output, page)
            for phrase in phrases { #expect(html.contains(phrase), "\(name): \(phrase)") }
            #expect(!html.contains("Ã") && !html.contains("\u{FFFD}") && !html.contains("Â"), "\(name) is garbled")
        }
    }

    /// Whether `nobody` may run the built command and read the copied case (only then can root test an unreadable file).
    static func nobodyCanRun(in workspace: URL) -> Bool {
        let binary = TestSupport.repository.appendingPathComponent(".build/debug/dossier").path
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        probe.arguments = [
            "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", "-c", "test -x \"$0\" && test -r \"$1\"",
            binary, workspace.path,
        ]
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    /// Copies a case into a fresh folder (without its description files) and applies its `setup.txt`; returns
    /// the folder that holds the copy, to run `dossier check NAME` in.
    static func prepare(_ name: String) throws -> URL {
        let source = catalogue.appendingPathComponent(name)
        let workspace = try TestSupport.temporaryFolder()
        let copy = workspace.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: copy)
        for file in caseFiles { try? FileManager.default.removeItem(at: copy.appendingPathComponent(file)) }
        let setup = (try? String(contentsOf: source.appendingPathComponent("setup.txt"), encoding: .utf8)) ?? ""
        for line in setup.split(separator: "\n") where !line.hasPrefix("#") {
            let words = line.split(separator: " ").map(String.init)
            let target = copy.appendingPathComponent(words[1])
            switch words[0] {
            case "large":
                // A sparse file: the size the loader sees, without writing 50 MB.
                #expect(FileManager.default.createFile(atPath: target.path, contents: Data("date 2017 ".utf8)))
                let handle = try FileHandle(forWritingTo: target)
                try handle.truncate(atOffset: UInt64(Int(words[2])!) * 1_048_576)
                try handle.close()
            case "link":
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: words[2])
            case "unreadable":
                try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: target.path)
            case "fifo":
                #expect(mkfifo(target.path, 0o644) == 0)
            default:
                Issue.record("unknown setup step `\(line)` in \(name)/setup.txt")
            }
        }
        return workspace
    }
}
