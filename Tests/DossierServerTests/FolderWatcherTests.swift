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

    /// A rebuild waits long after a write that may go on, and only briefly after one that is over: a save
    /// caught half-way would show a page without the article for a moment.
    @Test func aWriteIsSettledOnceClosedMovedInOrDeleted() throws {
        let folder = try ServerTestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("a.md")
        try "a".write(to: file, atomically: false, encoding: .utf8)
        let watcher = FolderWatcher(folders: [folder])
        #expect(watcher.look() == .none)

        let descriptor = open(file.path, O_WRONLY | O_TRUNC)
        #expect(write(descriptor, "début", 6) == 6)
        #expect(watcher.look() == .unsettled)
        close(descriptor)
        #expect(watcher.look() == .settled)

        // As vim saves: the old file moved away to a backup (a name the watcher ignores), the new one
        // written, its mode set again, the backup deleted.
        let backup = folder.appendingPathComponent("a.md~")
        try FileManager.default.moveItem(at: file, to: backup)
        #expect(watcher.look() == .unsettled)
        try "b".write(to: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        #expect(watcher.look() == .settled)
        try FileManager.default.removeItem(at: backup)
        #expect(watcher.look() == .none)

        // A file moved into place is whole.
        let draft = folder.appendingPathComponent("b.md~")
        try "c".write(to: draft, atomically: false, encoding: .utf8)
        #expect(watcher.look() == .none)
        #expect(rename(draft.path, file.path) == 0)
        #expect(watcher.look() == .settled)
    }
}
