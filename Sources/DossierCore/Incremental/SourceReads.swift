import Foundation

/// What identifies one version of a file without reading it: the file (device, inode), its size, and the
/// times of its last write and last change of status. An editor that saves in place moves the times; one that
/// saves by renaming a new file over the old one changes the inode. `touch` alone re-reads a file, harmlessly.
public struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modified: Int64
    var changed: Int64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int(status.st_size)
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
    }
}

/// The article files one load read, by path, with their stamps: the next load of the same folder reads only
/// the files whose stamp moved (`dossier serve` after an edit reads one file, not ten thousand).
/// The registry is kept too, with its text: reading YAML costs more than comparing the text.
public struct SourceReads: Sendable {
    /// By path relative to the dossier folder, in the order of the walk.
    var files = KeptResults<String, (stamp: FileStamp, data: Data)>()
    var registry: (text: String, registry: Registry, diagnostics: [Diagnostic])?

    public init() {}

    mutating func keep(_ sourceFiles: [SourceFile]) {
        files = KeptResults()
        files.keys.reserveCapacity(sourceFiles.count)
        files.values.reserveCapacity(sourceFiles.count)
        for file in sourceFiles {
            guard let stamp = file.stamp else { continue }
            files.keys.append(file.path.value)
            files.values.append((stamp, file.data))
        }
    }
}
