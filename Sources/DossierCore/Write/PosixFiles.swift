import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system calls a publish makes by the thousand, straight to POSIX: Foundation's versions
/// cost several times more per file on Linux, and a site is tens of thousands of small files.
enum PosixFiles {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var operation: String
        var code: Int32
        var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }

        /// The same failure, its relative path given from `folder`.
        func under(_ folder: String) -> Failure { Failure(path: folder + "/" + path, operation: operation, code: code) }
    }

    /// Creates each folder, parents before children (the paths must be sorted and include every parent).
    /// A file in the way of a folder is replaced by it. Relative paths are taken from the folder `base` is open on.
    static func makeDirectories(_ paths: [String], from base: Int32) throws {
        for path in paths where mkdirat(base, path, 0o755) != 0 {
            guard errno == EEXIST else { throw Failure(path: path, operation: "mkdir", code: errno) }
            var info = stat()
            if fstatat(base, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                unlinkat(base, path, 0)
                if mkdirat(base, path, 0o755) != 0 { throw Failure(path: path, operation: "mkdir", code: errno) }
            }
        }
    }

    /// Whether the file at `path` (relative to the folder `base` is open on) holds exactly these bytes (a folder or a
    /// missing file does not).
    static func holds(_ data: Data, at path: String, from base: Int32) -> Bool {
        var info = stat()
        guard fstatat(base, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            Int(info.st_size) == data.count
        else {
            return false
        }
        let descriptor = openat(base, path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: min(max(data.count, 1), 1 << 16))
        var offset = 0
        return data.withUnsafeBytes { expected in
            while offset < data.count {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, min($0.count, data.count - offset)) }
                guard count > 0 else { return false }
                if memcmp(buffer, expected.baseAddress! + offset, count) != 0 { return false }
                offset += count
            }
            return true
        }
    }

    /// Removes everything under `root` that is neither one of `files` nor one of `folders` (paths relative to it).
    static func prune(_ root: String, keepingFiles files: Set<String>, folders: Set<String>) {
        func walk(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    if folders.contains(child) { walk(child) } else { removeRecursively(root + "/" + child) }
                } else if !files.contains(child) {
                    unlink(root + "/" + child)
                }
            }
        }
        walk("")
    }

    /// Writes the file at `path`, relative to the folder `base` is open on: a page's path is resolved from there
    /// rather than from `/`, five or six folders fewer for each of tens of thousands of files. When the file's
    /// folder is missing (or a file stands in its way), makes it first, and the folders above it. With `newFolder`
    /// (a page's own folder, in a site written from empty) the folder is made before the file is opened: opening
    /// first would fail once for each of twelve thousand pages.
    static func write(_ data: Data, to path: String, from base: Int32, newFolder: Bool) throws {
        if newFolder, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            _ = mkdirat(base, String(path[..<slash]), 0o755)  // if its parent is missing too, the open below fails
        }
        var descriptor = openat(base, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0, errno == ENOENT || errno == ENOTDIR {
            try makeFolder(of: path, from: base)
            descriptor = openat(base, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, operation: "write", code: errno)
                }
                offset += written
            }
        }
    }

    /// Makes the folder a file goes in: most often its parent is there already, so one `mkdir` does; else every
    /// folder down from `base`. Several threads may make the same folder at once.
    private static func makeFolder(of path: String, from base: Int32) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let folder = String(path[..<slash])
        if mkdirat(base, folder, 0o755) == 0 { return }
        var chain: [String] = []
        var current = Substring(folder)
        while !current.isEmpty {
            chain.append(String(current))
            current = current[..<(current.utf8.lastIndex(of: UInt8(ascii: "/")) ?? current.startIndex)]
        }
        try makeDirectories(chain.reversed(), from: base)
    }

    /// Opens a folder for the `…at` calls above to resolve paths from; -1 if it cannot be opened.
    static func openFolder(_ path: String) -> Int32 { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #else
            Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// Deletes a folder and everything in it, without following links. The entries two levels down
    /// (`articles/<slug>`…) are removed in parallel: a site is a few folders of thousands of pages.
    static func removeTree(_ path: String) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue, let names = try? manager.contentsOfDirectory(atPath: path) else {
            unlink(path)
            return
        }
        var folders: [String] = []
        var entries: [String] = []
        for name in names {
            let child = path + "/" + name
            var info = stat()
            if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
                let grandchildren = try? manager.contentsOfDirectory(atPath: child)
            {
                folders.append(child)
                entries += grandchildren.map { child + "/" + $0 }
            } else {
                entries.append(child)
            }
        }
        _ = entries.parallelMap { removeRecursively($0) }
        for folder in folders { removeRecursively(folder) }
        rmdir(path)
    }

    private static func removeRecursively(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            unlink(path)
            return
        }
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                removeRecursively(path + "/" + name)
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
