import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells when files change under some folders: inotify on Linux (every folder watched, new ones added as
/// they appear), a cheap comparison of modification times elsewhere. Hidden files and folders (`.dossier/`,
/// editors' swap files) and the folders in `ignoring` are left out.
public final class FolderWatcher: @unchecked Sendable {
    // @unchecked: the watcher is used by one task at a time (the rebuild loop), never concurrently.
    private let roots: [String]
    private let ignoring: Set<String>
    #if canImport(Glibc)
        private var descriptor: Int32 = -1
        private var folders: [Int32: String] = [:]
    #endif
    private var lastStamp: [String: Int] = [:]

    public init(folders: [URL], ignoring: [URL] = []) {
        roots = folders.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        self.ignoring = Set(ignoring.map { $0.standardizedFileURL.resolvingSymlinksInPath().path })
        #if canImport(Glibc)
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if descriptor >= 0 {
                for root in roots { watchTree(root) }
            } else {
                lastStamp = stamps()
            }
        #else
            lastStamp = stamps()
        #endif
    }

    deinit {
        #if canImport(Glibc)
            if descriptor >= 0 { close(descriptor) }
        #endif
    }

    /// What the events read by one look said.
    enum Change {
        case none
        /// Something changed and the last event ended a write: a file closed after writing, moved into
        /// place, deleted, or a folder made.
        case settled
        /// Something changed, but a write may still be under way (a file modified and not yet closed, a
        /// file moved away that an editor is about to replace).
        case unsettled
    }

    /// Whether anything changed since the last call; never blocks.
    public func changed() -> Bool { look() != .none }

    /// What changed since the last look; never blocks.
    func look() -> Change {
        #if canImport(Glibc)
            if descriptor >= 0 { return drainEvents() }
        #endif
        let now = stamps()
        defer { lastStamp = now }
        return now != lastStamp ? .unsettled : .none
    }

    /// Waits for a change, then for the writing to be over: `settledQuiet` seconds without an event after one
    /// that ends a write, `quiet` seconds after any other (an editor's save is often several writes, and one
    /// that renames the old file away first must not be caught half-way). Checks every `interval` seconds.
    /// Returns false when the task is cancelled.
    public func nextChange(interval: Double = 0.002, quiet: Double = 0.02, settledQuiet: Double = 0.004) async -> Bool {
        var pending: Change = .none
        var lastChange = Date.distantPast
        while !Task.isCancelled {
            let change = look()
            if change != .none {
                pending = change
                lastChange = Date()
            } else if pending != .none,
                Date().timeIntervalSince(lastChange) >= (pending == .settled ? settledQuiet : quiet)
            {
                return true
            }
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
        return false
    }

    private func isIgnored(_ name: String, path: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || ignoring.contains(path)
    }

    /// Every file's modification time and size: the fallback where inotify is missing.
    private func stamps() -> [String: Int] {
        var result: [String: Int] = [:]
        var pending = roots
        while let folder = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let path = folder + "/" + name
                guard !isIgnored(name, path: path),
                    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                else { continue }
                if attributes[.type] as? FileAttributeType == .typeDirectory {
                    pending.append(path)
                } else {
                    let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                    result[path] = Int(time * 1_000_000) ^ ((attributes[.size] as? Int) ?? 0)
                }
            }
        }
        return result
    }

    #if canImport(Glibc)
        private static let mask = UInt32(
            IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
                | IN_MOVE_SELF | IN_ATTRIB)

        /// Events after which a file is whole: a write closed, a file moved in or deleted.
        private static let settling = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE)

        /// Watches `folder` and every folder below it that is not ignored.
        private func watchTree(_ folder: String) {
            var pending = [folder]
            while let current = pending.popLast() {
                let watch = inotify_add_watch(descriptor, current, Self.mask | UInt32(IN_ONLYDIR))
                guard watch >= 0 else { continue }
                folders[watch] = current
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
                for name in names {
                    let path = current + "/" + name
                    var isFolder: ObjCBool = false
                    if !isIgnored(name, path: path),
                        FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
                        isFolder.boolValue
                    {
                        pending.append(path)
                    }
                }
            }
        }

        /// Reads every queued event; a new folder is watched at once, so files written into it are seen.
        private func drainEvents() -> Change {
            var changed = Change.none
            let capacity = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
            defer { buffer.deallocate() }
            while true {
                let count = read(descriptor, buffer, capacity)
                guard count > 0 else { break }
                var offset = 0
                while offset < count {
                    let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                    let headerSize = MemoryLayout<inotify_event>.size
                    let name =
                        event.len > 0
                        ? String(cString: buffer.advanced(by: offset + headerSize).assumingMemoryBound(to: CChar.self))
                        : ""
                    offset += headerSize + Int(event.len)
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        // Events were lost, new folders among them maybe: watch the trees again (a folder
                        // already watched keeps its watch) and take it that everything changed.
                        for root in roots { watchTree(root) }
                        changed = .unsettled
                        continue
                    }
                    if event.mask & UInt32(IN_IGNORED) != 0 {
                        folders[event.wd] = nil
                        continue
                    }
                    guard let folder = folders[event.wd] else { continue }
                    let path = name.isEmpty ? folder : folder + "/" + name
                    if !name.isEmpty, isIgnored(name, path: path) { continue }
                    if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        watchTree(path)
                    }
                    if event.mask & Self.settling != 0 {
                        changed = .settled
                    } else if event.mask & UInt32(IN_ATTRIB) == 0 || changed == .none {
                        changed = .unsettled  // a change of mode after a write (vim does it) leaves it whole
                    }
                }
            }
            return changed
        }
    #endif
}
