import Foundation

/// Everything read from a dossier folder: settings, registry and article files. Reading only, no parsing of articles.
public struct DossierSources: Sendable {
    public var folder: URL
    public var config: DossierConfig
    public var registry: Registry
    public var articleFiles: [SourceFile]
    /// The dossier's own `templates/` folder, when it has one.
    public var templateFolder: URL?
}

/// Reads a dossier folder from disk.
public enum DossierLoader {
    /// The dossier's own templates: never articles.
    static let templateFolder = "templates"
    static let maximumFileSize = 10 * 1024 * 1024

    /// Throws only when the folder itself cannot be read; content problems become diagnostics.
    public static func load(
        folder: URL, diagnostics: inout [Diagnostic]
    ) throws -> DossierSources {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DossierError.folderNotFound(folder.path)
        }
        let configText = readText(folder.appendingPathComponent(ConfigLoader.fileName), diagnostics: &diagnostics)
        let config = ConfigLoader.load(configText, diagnostics: &diagnostics)
        let registryText = readText(folder.appendingPathComponent(RegistryLoader.fileName), diagnostics: &diagnostics)
        let registry = RegistryLoader.load(registryText, diagnostics: &diagnostics)
        let files = articleFiles(in: folder, diagnostics: &diagnostics)
        let templates = folder.appendingPathComponent(templateFolder)
        let hasTemplates = manager.fileExists(atPath: templates.path, isDirectory: &isDirectory) && isDirectory.boolValue
        return DossierSources(
            folder: folder, config: config, registry: registry, articleFiles: files,
            templateFolder: hasTemplates ? templates : nil)
    }

    private static func readText(_ url: URL, diagnostics: inout [Diagnostic]) -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let path = SourcePath(url.lastPathComponent)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error("file-unreadable", "cannot read the file", file: path))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error("encoding-not-utf8", "the file is not UTF-8 text", file: path, line: 1))
            return nil
        }
        return text
    }

    /// Every `.txt` and `.md` below the folder, sorted by path; hidden files and `templates/` left out.
    private static func articleFiles(in folder: URL, diagnostics: inout [Diagnostic])
        -> [SourceFile]
    {
        let manager = FileManager.default
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var candidates: [(url: URL, path: String)] = []
        var visited: Set<String> = []
        func walk(_ directory: URL, relative: String) {
            let real = directory.resolvingSymlinksInPath().path
            guard visited.insert(real).inserted else {
                diagnostics.append(
                    .warning("symlink-loop", "the folder is reached twice through a link and is read once",
                        file: SourcePath(relative)))
                return
            }
            guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else {
                diagnostics.append(.error("folder-unreadable", "cannot list the folder", file: SourcePath(relative)))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = directory.appendingPathComponent(name)
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if relative.isEmpty && name == templateFolder { continue }
                    walk(url, relative: path)
                    continue
                }
                let lowered = name.lowercased()
                guard lowered.hasSuffix(".txt") || lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") else {
                    continue
                }
                candidates.append((url, path))
            }
        }
        walk(URL(fileURLWithPath: root), relative: "")
        // Reading is independent per file: on every core, the results kept in path order.
        enum Read: Sendable {
            case file(SourceFile)
            case tooLarge(Int)
            case unreadable
        }
        let reads = candidates.map { (url: $0.url.path, path: $0.path) }.parallelMap { candidate -> Read in
            let size = (try? FileManager.default.attributesOfItem(atPath: candidate.url)[.size] as? Int) ?? 0
            if size > maximumFileSize { return .tooLarge(size) }
            guard let data = FileManager.default.contents(atPath: candidate.url) else { return .unreadable }
            return .file(SourceFile(path: SourcePath(candidate.path), data: data))
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
                        file: SourcePath(candidate.path)))
            case .unreadable:
                diagnostics.append(.error("file-unreadable", "cannot read the file", file: SourcePath(candidate.path)))
            }
        }
        return files
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
