import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A 64-bit digest of a folder's files as `stat` sees them (path, size, modification time), or of a list of
/// paths and sizes: cheap enough to run before every build, so that a build with nothing changed can stop.
struct FileTreeDigest: Sendable, Equatable, Codable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a offset basis
    private(set) var files = 0

    mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        value = (value ^ 0x0A) &* 0x100_0000_01b3
    }

    mutating func add(path: String, size: Int, modified: Int? = nil) {
        add("\(path)\u{0}\(size)\u{0}\(modified.map(String.init) ?? "")")
        files += 1
    }

    /// Every file below `folder` (hidden ones left out, links followed once), with size and modification time.
    /// `includeTimes: false` digests paths and sizes only, as `outputs(_:)` does for the files a build wrote.
    static func folder(_ folder: URL, includeTimes: Bool = true) -> FileTreeDigest {
        var digest = FileTreeDigest()
        // Folders already walked, by device and inode: a link back up the tree is followed once. (Resolving
        // each folder's real path instead cost a look at every component of it, for each of a site's
        // 12,000 page folders.)
        var visited: Set<[UInt64]> = []
        func walk(_ directory: String, relative: String, id: [UInt64]) {
            guard visited.insert(id).inserted, let listing = FileKind.names(in: directory) else { return }
            for name in (listing.names + listing.notUTF8).sorted() where !name.hasPrefix(".") {
                let path = directory + "/" + name
                let relativePath = relative.isEmpty ? name : relative + "/" + name
                guard let status = status(of: path) else { continue }
                if status.isDirectory {
                    walk(path, relative: relativePath, id: status.id)
                } else {
                    digest.add(path: relativePath, size: status.size, modified: includeTimes ? status.modified : nil)
                }
            }
        }
        if let root = status(of: folder.path), root.isDirectory { walk(folder.path, relative: "", id: root.id) }
        return digest
    }

    /// The digest `folder(_:includeTimes: false)` gives once these files are written.
    static func outputs(_ files: [(path: String, size: Int)]) -> FileTreeDigest {
        var digest = FileTreeDigest()
        // The same order as a folder walk (names sorted folder by folder): `/` compared as the lowest byte.
        let sorted = files.sorted {
            $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) { ($0 == 0x2F ? 0 : $0) < ($1 == 0x2F ? 0 : $1) }
        }
        for file in sorted { digest.add(path: file.path, size: file.size) }
        return digest
    }

    private static func status(of path: String) -> (isDirectory: Bool, size: Int, modified: Int, id: [UInt64])? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let modified = Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
        #else
            let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        #endif
        return ((info.st_mode & S_IFMT) == S_IFDIR, Int(info.st_size), modified, [UInt64(info.st_dev), UInt64(info.st_ino)])
    }
}
