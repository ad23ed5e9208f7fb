import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A 64-bit digest of a folder's files as `stat` sees them (path, size, modification time), or of a list of
/// paths and sizes: cheap enough to run before every build, so that a build with nothing changed can stop. Each
/// file's entry is digested alone and the entries are added up, so that files can be taken in any order.
struct FileTreeDigest: Sendable, Equatable, Codable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a offset basis
    private(set) var files = 0

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(0x0A)
    }

    /// A file, in any order: its entry's own digest is added to the value, so that the files a build wrote need not
    /// be sorted into the order a walk of the folder meets them (18,000 paths, 10 ms at the end of every build).
    mutating func add(path: String, size: Int, modified: Int? = nil) {
        value &+= Self.entry(path: path, size: size, modified: modified)
        files += 1
    }

    /// Adds the files another digest took, begun as this one was (a part of a folder walked on another core).
    mutating func merge(_ part: FileTreeDigest) {
        value &+= part.value &- FileTreeDigest().value
        files += part.files
    }

    /// The digest of `"\(path)\0\(size)\0\(modified ?? "")"` alone, without making that string: a digest takes
    /// every file of the dossier before a build and every file of the site after it.
    static func entry(path: String, size: Int, modified: Int?) -> UInt64 {
        var entry = FileTreeDigest()
        for byte in path.utf8 { entry.add(byte) }
        entry.add(0)
        entry.add(decimal: size)
        entry.add(0)
        if let modified { entry.add(decimal: modified) }
        entry.add(0x0A)
        return entry.value
    }

    @inline(__always)
    private mutating func add(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The digits of a number, as `String(number)` writes them.
    private mutating func add(decimal number: Int) {
        if number < 0 { add(0x2D) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, one byte each, last digit first
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for position in stride(from: count - 1, through: 0, by: -1) { add(buffer[position]) }
        }
    }

    /// Every file below `folder` (hidden ones left out, a link back up the tree followed once), with size and
    /// modification time. `includeTimes: false` digests paths and sizes only, as `outputs(_:)` does for the files
    /// a build wrote. A dossier's own folder is digested by the walk its build loads (`FolderWalk`).
    static func folder(_ folder: URL, includeTimes: Bool = true) -> FileTreeDigest {
        var digest = FileTreeDigest()
        let top = OpenFolder(open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), relative: nil)
        guard top.descriptor >= 0, let id = identity(of: top.descriptor), let listing = top.entries() else {
            top.release()
            return digest
        }
        // The names one or two levels down are walked on their own, on every core (a site is 12,000 folders, most
        // of them under `articles/`), each walk digesting its own files; the parts are then added up. Each is looked
        // at relative to its open folder: resolving every full path again cost most of the walk. On more threads
        // than cores when the first ones waited for the disk: a check that nothing changed, after a pause long
        // enough for the page cache to let the trees go, took 1.7-2.2 s on two threads and 1.0-1.3 s on sixteen
        // (0.2 s warm).
        var visited: Set<[UInt64]> = [id]
        var folders = [top]
        defer { for folder in folders { folder.release() } }
        var starts: [(folder: Int, entry: Entry)] = []
        for entry in listing {
            // A file here is looked at again by the walk below, in its place in the order: a top folder holds a few.
            guard case .folder(let inner) = look(at: entry, in: top.descriptor, relative: entry.name) else {
                starts.append((0, entry))
                continue
            }
            guard let id = identity(of: inner.descriptor), visited.insert(id).inserted, let children = inner.entries()
            else {
                inner.release()
                continue
            }
            folders.append(inner)
            for child in children { starts.append((folders.count - 1, child)) }
        }
        let (walked, opened) = (visited, folders)
        let parts = starts.parallelMapWaiting { start -> FileTreeDigest in
            var part = FileTreeDigest()
            var visited = walked
            let folder = opened[start.folder]
            let relative = folder.relative.map { $0 + "/" + start.entry.name } ?? start.entry.name
            walk(
                start.entry, in: folder.descriptor, relative: relative, includeTimes: includeTimes, into: &part,
                visited: &visited)
            return part
        }
        for part in parts { digest.merge(part) }
        return digest
    }

    private typealias Entry = FileKind.Listed

    /// A folder open for listing and for looking at its entries; `relative` is its path in the walked tree (nil for
    /// the top). The descriptor is -1 when it cannot be opened.
    private struct OpenFolder: @unchecked Sendable {
        // @unchecked: the stream is read by the one thread that opened it, before the folder is shared.
        private var stream: OpaquePointer?
        var descriptor: Int32 = -1
        var relative: String?

        init(_ descriptor: Int32, relative: String?) {
            self.relative = relative
            guard descriptor >= 0 else { return }
            stream = fdopendir(descriptor)
            if stream == nil { close(descriptor) } else { self.descriptor = descriptor }
        }

        /// The folder's entries, hidden ones left out, sorted by name: the digest does not depend on the order, but
        /// which way a folder reached twice through links is walked (the first in name order) must not vary. A name
        /// that is not UTF-8 is kept, made readable (it then names no file, so that nothing is found there). Read
        /// once, before any child is walked.
        func entries() -> [Entry]? {
            guard let stream else { return nil }
            return FileKind.listing(of: stream).filter { !$0.name.hasPrefix(".") }.sorted { $0.name < $1.name }
        }

        /// Closes the folder (and its descriptor).
        func release() { if let stream { closedir(stream) } }
    }

    /// What an entry of a folder is to the walk: a folder, opened; a file, with its status; or nothing to take
    /// (it is gone, or a folder that cannot be opened).
    private enum Found {
        case folder(OpenFolder)
        case file(Status)
        case nothing
    }

    /// Looks at an entry with one call where its listed type allows: a page's folder is opened straight away, a
    /// regular file is looked at with `stat`. Any other entry (a link, an unknown type, a pipe) is looked at with
    /// `stat` first, links followed, and opened only if it leads to a folder: opening a pipe would wait for a writer.
    private static func look(at entry: Entry, in parent: Int32, relative: String) -> Found {
        if entry.type != Int(DT_DIR) {
            guard let status = status(in: parent, entry.name) else { return .nothing }
            guard status.isDirectory else { return .file(status) }
        }
        let folder = OpenFolder(openat(parent, entry.name, O_RDONLY | O_DIRECTORY | O_CLOEXEC), relative: relative)
        return folder.descriptor >= 0 ? .folder(folder) : .nothing
    }

    /// Digests the files at `entry` of `folder` and below it, in name order. Folders already walked are known by
    /// device and inode: resolving each folder's real path instead cost a look at every component of it.
    private static func walk(
        _ entry: Entry, in folder: Int32, relative: String, includeTimes: Bool, into digest: inout FileTreeDigest,
        visited: inout Set<[UInt64]>
    ) {
        switch look(at: entry, in: folder, relative: relative) {
        case .nothing:
            return
        case .file(let status):
            digest.add(path: relative, size: status.size, modified: includeTimes ? status.modified : nil)
        case .folder(let inner):
            defer { inner.release() }
            guard let id = identity(of: inner.descriptor), visited.insert(id).inserted, let children = inner.entries()
            else { return }
            for child in children {
                let path = relative + "/" + child.name
                walk(
                    child, in: inner.descriptor, relative: path, includeTimes: includeTimes, into: &digest,
                    visited: &visited)
            }
        }
    }

    /// The device and inode of an open file: what knows a folder met twice.
    private static func identity(of descriptor: Int32) -> [UInt64]? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return Status(info).id
    }

    /// The digest `folder(_:includeTimes: false)` gives once these files are written.
    static func outputs(_ files: [(path: String, size: Int)]) -> FileTreeDigest {
        var digest = FileTreeDigest()
        for file in files { digest.add(path: file.path, size: file.size) }
        return digest
    }

    /// What `stat` says of a path; nil when it cannot be read.
    static func status(of path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Status(info)
    }

    /// What `stat` says of a name in an open folder (links followed, as `stat` does); nil when it cannot be read.
    private static func status(in folder: Int32, _ name: String) -> Status? {
        var info = stat()
        guard folder >= 0, fstatat(folder, name, &info, 0) == 0 else { return nil }
        return Status(info)
    }

    /// The part of a `stat` a digest takes; `id` is the device and inode, which know a folder met twice.
    struct Status {
        var isDirectory: Bool
        var size: Int
        var modified: Int
        var id: [UInt64]

        init(_ info: stat) {
            #if canImport(Darwin)
                modified = Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
            #else
                modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            #endif
            isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            size = Int(info.st_size)
            id = [UInt64(info.st_dev), UInt64(info.st_ino)]
        }
    }
}
