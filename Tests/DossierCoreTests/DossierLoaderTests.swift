import Foundation
import Synchronization
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
        #expect(diagnostics.isEmpty)
        #expect(FileKind.names(in: folder.appendingPathComponent("nowhere").path) == nil)
        #expect(
            FileKind.names(in: folder.path)?.names.sorted()
                == [".cache.md", "2017", "Z.TXT", "a.txt", "b.MD", "entities.yml", "notes.yml"])
    }

    /// A name in Latin-1 (`dépêche.txt` written by an old tool) cannot be read as a path: it is skipped, but
    /// never silently.
    @Test func aFileNameThatIsNotUTF8IsReportedNotLost() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-loader-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "towns: {}\ngroups: {}\npeople: {}\n".write(
            to: folder.appendingPathComponent("entities.yml"), atomically: false, encoding: .utf8)
        let latin1: [UInt8] = Array((folder.path + "/d").utf8) + [0xE9] + Array("p".utf8) + [0xEA] + Array("che.txt".utf8) + [0]
        let descriptor = latin1.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        var diagnostics: [Diagnostic] = []
        let sources = try DossierLoader.load(folder: folder, diagnostics: &diagnostics)
        #expect(sources.articleFiles.isEmpty)
        #expect(diagnostics.map(\.code) == ["file-name-not-utf8"])
        #expect(diagnostics.first?.file?.value == "d\u{FFFD}p\u{FFFD}che.txt")
        #expect(diagnostics.first?.severity == .warning)
    }

    /// A file is read with the size its `stat` gave as a first guess: whether it has grown or shrunk since, its
    /// bytes are read whole, and no further than one byte past the limit.
    @Test func aFileIsReadWholeWhateverSizeWasExpected() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bytes-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("a.txt").path
        for size in [0, 1, 4_095, 4_096, 70_001] {
            let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            #expect(FileManager.default.createFile(atPath: file, contents: bytes))
            for expected in [0, 1, size / 3, size - 1, size, size + 1, 2 * size + 100] where expected >= 0 {
                let read = FileBytes.contents(of: file, expected: expected, limit: 1 << 20)
                #expect(read == bytes, "\(size) bytes read from a guess of \(expected)")
            }
            let limit = size / 2
            for expected in [0, size] {
                let capped = FileBytes.contents(of: file, expected: expected, limit: limit)
                #expect(capped == bytes.prefix(min(size, limit + 1)), "\(size) bytes, \(limit) at most")
            }
        }
        #expect(FileBytes.contents(of: folder.appendingPathComponent("gone.txt").path, expected: 10, limit: 100) == nil)
    }

    /// A pipe put where a file was found is read as what it holds now (nothing), never waited on for a writer.
    @Test func aPipeInAFilesPlaceIsNotWaitedOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pipe-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pipe = folder.appendingPathComponent("a.txt").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let read = Mutex<Data??>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let bytes = FileBytes.contents(of: pipe, expected: 100, limit: 1_000)
            read.withLock { $0 = .some(bytes) }
            done.signal()
        }
        let returned = done.wait(timeout: .now() + 10) == .success
        #expect(returned, "reading the pipe waited for a writer")
        if !returned {  // a writer lets the waiting read go, so that the test ends
            close(open(pipe, O_WRONLY))
            done.wait()
        }
        #expect(read.withLock { $0 }.map { $0?.isEmpty ?? true } == true)
    }
}
