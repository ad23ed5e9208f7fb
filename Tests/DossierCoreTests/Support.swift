import Foundation
import Testing

@testable import DossierCore

/// Paths and helpers shared by the tests: the repository, fixtures, temporary folders, built sites.
enum TestSupport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let seeds = repository.appendingPathComponent("seeds")
    static let fixtures = repository.appendingPathComponent("Tests/DossierCoreTests/Fixtures")

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// The folder every temporary folder of this run goes in, under the system's temporary folder (never under
    /// $HOME); removed when the run ends, so that runs of the tests do not pile up folders there.
    static let temporaryRoot: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestSupport.temporaryRoot) }
        return url
    }()

    /// A new empty folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new dossier folder holding only this registry.
    static func dossier(registry: String) -> URL {
        let folder = try! temporaryFolder().appendingPathComponent("dossier")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try! registry.write(to: folder.appendingPathComponent("entities.yml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// `count` days one after the other from a day, as `yyyy-MM-dd`: dates for a dossier of daily dispatches.
    static func days(from year: Int, _ month: Int, _ day: Int, count: Int) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        let formatter = DateFormatter()
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return (0..<count).map { formatter.string(from: calendar.date(byAdding: .day, value: $0, to: start)!) }
    }

    /// Builds a dossier folder into a fresh temporary output folder, as `dossier build` does.
    static func buildToDisk(_ folder: URL, baseURL: String? = nil) throws -> (report: BuildReport, output: URL) {
        let output = try temporaryFolder().appendingPathComponent("public")
        let report = try DossierBuilder.build(folder: folder, baseURL: baseURL)
        try DiskPublisher.publish(report.files, to: output, input: folder)
        return (report, output)
    }

    static func read(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under a folder, relative paths, sorted.
    static func files(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result.append(path) }
        }
        return result.sorted()
    }

    /// Runs the built `dossier` command and returns its exit status and output. `unprivileged` runs it as
    /// `nobody` when the tests run as root, for whom no file is unreadable.
    static func runDossier(_ arguments: [String], in directory: URL? = nil, unprivileged: Bool = false) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let binary = repository.appendingPathComponent(".build/debug/dossier")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the dossier command first (swift build)")
        let process = Process()
        if unprivileged && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// The values of `href` and `src` attributes in an HTML page.
    static func links(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                found.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return found
    }

    /// The start tags of an HTML page with their attributes (enough to spot injected markup; not a full parser).
    static func tags(in html: String) -> [(name: String, attributes: [String: String])] {
        var result: [(String, [String: String])] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
            CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == ":"
        }
        while index < scalars.count {
            guard scalars[index] == "<", index + 1 < scalars.count, CharacterSet.letters.contains(scalars[index + 1]) else {
                index += 1
                continue
            }
            index += 1
            var name = ""
            while index < scalars.count, isNameCharacter(scalars[index]) { name.unicodeScalars.append(scalars[index]); index += 1 }
            var attributes: [String: String] = [:]
            while index < scalars.count, scalars[index] != ">" {
                if CharacterSet.whitespacesAndNewlines.contains(scalars[index]) || scalars[index] == "/" { index += 1; continue }
                var attribute = ""
                while index < scalars.count, !CharacterSet.whitespacesAndNewlines.contains(scalars[index]),
                    scalars[index] != "=", scalars[index] != ">"
                {
                    attribute.unicodeScalars.append(scalars[index]); index += 1
                }
                var value = ""
                if index < scalars.count, scalars[index] == "=" {
                    index += 1
                    let quote = scalars[index]
                    if quote == "\"" || quote == "'" {
                        index += 1
                        while index < scalars.count, scalars[index] != quote { value.unicodeScalars.append(scalars[index]); index += 1 }
                        index += 1
                    } else {
                        while index < scalars.count, !CharacterSet.whitespacesAndNewlines.contains(scalars[index]), scalars[index] != ">" {
                            value.unicodeScalars.append(scalars[index]); index += 1
                        }
                    }
                }
                if !attribute.isEmpty { attributes[attribute] = value }
            }
            result.append((name, attributes))
        }
        return result
    }
}

/// A small deterministic generator, so that a failure is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

extension TestSupport {
    /// Texts for an escaper: each of `specials` after 0 to 16 plain letters (so that it falls at every offset of
    /// a block of eight bytes), then 2,000 random texts from `alphabet`, the same on every run.
    static func textsAround(_ specials: [String], alphabet: String, seed: UInt64) -> [String] {
        var texts = ["", String(repeating: "a", count: 64)] + specials.map { String(repeating: "a", count: 64) + $0 }
        for special in specials {
            for offset in 0..<17 { texts.append(String(repeating: "a", count: offset) + special + "suite du texte") }
        }
        let letters = Array(alphabet)
        var random = SplitMix(seed: seed)
        for _ in 0..<2_000 {
            texts.append(String((0..<random.next(48)).map { _ in letters[random.next(letters.count)] }))
        }
        return texts
    }
}

extension LinkedArticle {
    /// The body's HTML as text, for assertions on what it holds.
    var html: String { String(decoding: bodyHTML, as: UTF8.self) }
}

extension SearchScript {
    /// The plain text of HTML the tests write as a string.
    static func plainUTF8(fromHTML html: String) -> [UInt8] { plainUTF8(fromHTML: Array(html.utf8)) }

    static func plainText(fromHTML html: String) -> String {
        String(decoding: plainUTF8(fromHTML: html), as: UTF8.self)
    }
}
