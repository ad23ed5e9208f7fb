import Foundation

/// Everything read from a dossier folder: settings, registry and article files. Reading only, no parsing of articles.
public struct DossierSources: Sendable {
    public var folder: URL
    public var config: DossierConfig
    public var registry: Registry
    public var articleFiles: [SourceFile]
    /// The dossier's own `templates/` folder, when it has one.
    public var templateFolder: URL?
    /// What this load read, for the next load of the same folder to reuse.
    public var reads = SourceReads()
}

/// Reads a dossier folder from disk.
public enum DossierLoader {
    /// The dossier's own templates: never articles.
    static let templateFolder = "templates"
    static let maximumFileSize = 10 * 1024 * 1024

    /// Throws only when the folder itself cannot be read; content problems become diagnostics.
    /// With `reusing`, a file whose stamp has not changed since that read is taken from it instead of the disk.
    /// With `walked`, the articles are those that walk of the folder found (the check before a build made it).
    public static func load(
        folder: URL, diagnostics: inout [Diagnostic], reusing previous: SourceReads? = nil, walked: FolderWalk? = nil
    ) throws -> DossierSources {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DossierError.folderNotFound(folder.path)
        }
        let configText = readText(folder.appendingPathComponent(ConfigLoader.fileName), diagnostics: &diagnostics)
        let config = ConfigLoader.load(configText, diagnostics: &diagnostics)
        let registryText = readText(folder.appendingPathComponent(RegistryLoader.fileName), diagnostics: &diagnostics)
        // The registry is read on another thread while the articles are found and read: reading 500 entities
        // takes as long as a thousand articles, and nothing else would run meanwhile.
        let registryWork = BackgroundWork { () -> (text: String, registry: Registry, diagnostics: [Diagnostic]) in
            if let registryText, let kept = previous?.registry, kept.text == registryText { return kept }
            var problems: [Diagnostic] = []
            return (registryText ?? "", RegistryLoader.load(registryText, diagnostics: &problems), problems)
        }
        // A walk of another folder would build its articles with this folder's registry and settings.
        precondition(walked.map { $0.root == FolderWalk.root(of: folder) } ?? true, "the walk is of another folder")
        let files = articleFiles(walked ?? .walking(folder), diagnostics: &diagnostics, reusing: previous)
        let registryRead = try registryWork.value()
        let registry = registryRead.registry
        diagnostics += registryRead.diagnostics
        var reads = SourceReads()
        reads.registry = registryText == nil ? nil : registryRead
        reads.keep(files)
        let templates = folder.appendingPathComponent(templateFolder)
        let hasTemplates = manager.fileExists(atPath: templates.path, isDirectory: &isDirectory) && isDirectory.boolValue
        return DossierSources(
            folder: folder, config: config, registry: registry, articleFiles: files,
            templateFolder: hasTemplates ? templates : nil, reads: reads)
    }

    /// A settings file's text; nil when it is absent or cannot be read (the diagnostics say why).
    private static func readText(_ url: URL, diagnostics: inout [Diagnostic]) -> String? {
        let path = SourcePath(url.lastPathComponent)
        switch FileKind(url.path) {
        case .missing: return nil
        case .brokenLink:
            diagnostics.append(brokenLink(path))
            return nil
        case .directory, .special:
            diagnostics.append(
                .error("file-not-regular", "\(path) is not a regular file", file: path,
                    suggestion: "make \(path) a plain text file"))
            return nil
        case .regular: break
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(unreadable(path))
            return nil
        }
        let decoded = SourceText.decode(data)
        diagnostics += SourceText.diagnostics(for: decoded, file: path)
        return decoded.text
    }

    private static func unreadable(_ path: SourcePath) -> Diagnostic {
        .error("file-unreadable", "cannot read the file", file: path,
            suggestion: "give the user who builds the dossier the right to read it (chmod a+r)")
    }

    static func brokenLink(_ path: SourcePath) -> Diagnostic {
        .warning(
            "link-broken",
            "the symbolic link leads nowhere (its target is missing, or links lead back to each other) and is skipped",
            file: path, suggestion: "point the link at an existing file or folder, or remove it")
    }

    /// The article files the walk found, read on every core, in its order.
    private static func articleFiles(
        _ walk: FolderWalk, diagnostics: inout [Diagnostic], reusing previous: SourceReads?
    ) -> [SourceFile] {
        diagnostics += walk.diagnostics
        let candidates = walk.candidates
        // Reading is independent per file: on every core, the results kept in path order.
        enum Read: Sendable {
            case file(SourceFile)
            case tooLarge(Int)
            case unreadable
        }
        let kept = (previous?.files ?? KeptResults()).lookup(for: candidates.map(\.relative))
        let reads = Array(candidates.indices).parallelMapWaiting { index -> Read in
            let candidate = candidates[index]
            let size = candidate.stamp.size
            if size > maximumFileSize { return .tooLarge(size) }
            if let kept = kept(index), kept.stamp == candidate.stamp {
                return .file(SourceFile(path: SourcePath(candidate.relative), data: kept.data, stamp: candidate.stamp))
            }
            guard let data = FileBytes.contents(of: candidate.path, expected: size, limit: maximumFileSize) else {
                return .unreadable
            }
            if data.count > maximumFileSize { return .tooLarge(data.count) }  // it grew since it was found
            return .file(SourceFile(path: SourcePath(candidate.relative), data: data, stamp: candidate.stamp))
        }
        var files: [SourceFile] = []
        for (candidate, read) in zip(candidates, reads) {
            switch read {
            case .file(let file):
                files.append(file)
            case .tooLarge(let size):
                diagnostics.append(
                    .error("file-too-large",
                        "the file is \(size / 1_048_576) MB; articles over \(maximumFileSize / 1_048_576) MB are refused",
                        file: SourcePath(candidate.relative),
                        suggestion: "split it into several articles, or move it out of the dossier folder"))
            case .unreadable:
                diagnostics.append(unreadable(SourcePath(candidate.relative)))
            }
        }
        return files
    }
}

/// Whether a file's name ends in `.txt`, `.md` or `.markdown`, in any case.
func isArticleName(_ name: String) -> Bool {
    func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
    let bytes = Array(name.utf8.suffix(9))
    return [".txt", ".md", ".markdown"].contains { suffix in
        bytes.count >= suffix.utf8.count && zip(bytes.suffix(suffix.utf8.count), suffix.utf8).allSatisfy { lowered($0) == $1 }
    }
}

/// What a path is, links followed: `FileManager.fileExists` says only "no" for a link that leads nowhere.
enum FileKind {
    case missing, brokenLink, directory, regular(FileStamp), special

    /// A regular file's stamp.
    var stamp: FileStamp? {
        if case .regular(let stamp) = self { return stamp }
        return nil
    }

    init(_ path: String) {
        var status = stat()
        if stat(path, &status) == 0 {
            self.init(status)
        } else {
            self = lstat(path, &status) == 0 ? .brokenLink : .missing
        }
    }

    private init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFDIR: self = .directory
        case S_IFREG: self = .regular(FileStamp(status))
        default: self = .special
        }
    }

    /// The names in a folder, `.` and `..` left out, and apart the names that are not UTF-8 (shown with
    /// U+FFFD), which no path can be made from; nil when it cannot be listed. Read straight from the system:
    /// Foundation's listing costs several times more for a folder of ten thousand files.
    static func names(in folder: String) -> (names: [String], notUTF8: [String])? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        let entries = listing(of: stream)
        return (entries.filter(\.isUTF8).map(\.name), entries.filter { !$0.isUTF8 }.map(\.name))
    }

    /// A name in a folder's listing, with its type as the listing gives it (`d_type`: `DT_UNKNOWN` where the file
    /// system does not say).
    struct Listed: Sendable {
        var name: String
        /// False for a name that is not UTF-8, shown with U+FFFD: no path can be made from it.
        var isUTF8: Bool
        var type: Int
    }

    /// Every entry of an open folder stream but `.` and `..`, in the order the system gives them.
    static func listing(of stream: OpaquePointer) -> [Listed] {
        var entries: [Listed] = []
        while let entry = readdir(stream) {
            let type = Int(entry.pointee.d_type)
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.prefix { $0 != 0 }
                if let name = String(validating: bytes, as: UTF8.self) {
                    if name != "." && name != ".." { entries.append(Listed(name: name, isUTF8: true, type: type)) }
                } else {
                    entries.append(Listed(name: String(decoding: bytes, as: UTF8.self), isUTF8: false, type: type))
                }
            }
        }
        return entries
    }

    /// What each name in a folder is, found on every core and relative to the open folder: a dossier of ten
    /// thousand files is looked at again after each edit, and resolving each full path again costs most of it.
    static func of(_ names: [String], in folder: String) -> [FileKind] {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return names.map { FileKind(folder + "/" + $0) } }
        defer { close(descriptor) }
        return names.parallelMapWaiting { name in
            var status = stat()
            if fstatat(descriptor, name, &status, 0) == 0 { return FileKind(status) }
            return fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 ? .brokenLink : .missing
        }
    }
}

/// Failures of the environment (not of the content): the build cannot go on.
public enum DossierError: Error, CustomStringConvertible {
    case folderNotFound(String)
    case outputRefused(String)
    case writeFailed(String)
    case templatesMissing
    case unreadable(String)

    public var description: String {
        switch self {
        case .folderNotFound(let path): return "error: no dossier folder at \(path)"
        case .outputRefused(let reason): return "error: \(reason)"
        case .writeFailed(let reason): return "error: cannot write the site: \(reason)"
        case .templatesMissing: return "error: the built-in templates are missing from this installation"
        case .unreadable(let path): return "error: cannot read \(path) as UTF-8 text"
        }
    }
}
