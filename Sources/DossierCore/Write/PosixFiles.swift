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
    }

    /// Creates each folder, parents before children (the paths must be sorted and include every parent).
    static func makeDirectories(_ paths: [String]) throws {
        for path in paths where mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(path: path, operation: "mkdir", code: errno)
        }
    }

    static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
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
