import Foundation
import Testing

@testable import DossierServer

/// The watcher sees a change as soon as the write returns (inotify queues the event during the write), in
/// folders made after it started too, and leaves hidden files alone.
@Suite struct FolderWatcherTests {
    @Test func changesInNewFoldersAreSeenAndHiddenFilesAreNot() throws {
        let folder = try ServerTestSupport.temporaryFolder()
        try "a".write(to: folder.appendingPathComponent("a.md"), atomically: false, encoding: .utf8)
        let watcher = FolderWatcher(folders: [folder])
        #expect(!watcher.changed())

        try "b".write(to: folder.appendingPathComponent("a.md"), atomically: false, encoding: .utf8)
        #expect(watcher.changed())
        #expect(!watcher.changed())

        let nested = folder.appendingPathComponent("2017/novembre")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        #expect(watcher.changed())
        try "c".write(to: nested.appendingPathComponent("c.txt"), atomically: false, encoding: .utf8)
        #expect(watcher.changed())

        let hidden = folder.appendingPathComponent(".dossier")
        try FileManager.default.createDirectory(at: hidden, withIntermediateDirectories: true)
        try "{}".write(to: hidden.appendingPathComponent("last-build.json"), atomically: false, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent(".a.md.swp"), atomically: false, encoding: .utf8)
        #expect(!watcher.changed())

        try FileManager.default.removeItem(at: nested.appendingPathComponent("c.txt"))
        #expect(watcher.changed())
    }
}
