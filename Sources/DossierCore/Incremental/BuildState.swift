import DossierTemplates
import Foundation

/// What the last build of a dossier read and wrote, kept in the dossier's hidden `.dossier/` folder, so
/// that a build with nothing changed writes nothing: the inputs (every file's path, size and time, the
/// options, the dossier program and its templates) and the files it published.
public struct BuildState: Codable, Sendable, Equatable {
    static let folderName = ".dossier"
    static let fileName = "last-build.json"

    /// The output folder, absolute.
    public var output: String
    var inputs: FileTreeDigest
    var settings: String
    var outputs: FileTreeDigest?
    /// Warnings of that build, to repeat their number when nothing is rebuilt.
    public var warnings: Int = 0

    /// The state of the inputs now, before building, from a walk of the folder just made, which the build then
    /// loads (the folder is walked once); `outputs` is filled in once the site is published.
    public static func current(output: URL, baseURL: String?, walk: FolderWalk) -> BuildState {
        var settings = FileTreeDigest()
        settings.add("base-url \(baseURL ?? "")")
        // The program by its size and time, as numbers: printing `FileManager`'s attributes, values of type `Any`,
        // looked through every type's conformances on the first build of a process (3 ms, before any work began).
        if let program = Bundle.main.executableURL?.path, let status = FileTreeDigest.status(of: program) {
            settings.add("program \(program) \(status.size) \(status.modified)")
        }
        if let templates = BundledTemplates.folder {
            settings.add("templates \(FileTreeDigest.folder(templates).value)")
        }
        return BuildState(
            output: output.standardizedFileURL.path, inputs: walk.digest,
            settings: String(settings.value, radix: 16), outputs: nil)
    }

    /// The state the last build of this dossier left, if any.
    public static func stored(folder: URL) -> BuildState? {
        guard let data = FileManager.default.contents(atPath: location(folder).path) else { return nil }
        return try? JSONDecoder().decode(BuildState.self, from: data)
    }

    /// Whether `previous` built these very inputs into `output`, and the output still holds what it wrote.
    public func isUnchanged(since previous: BuildState?) -> Bool {
        guard let previous, let written = previous.outputs, previous.output == output, previous.inputs == inputs,
            previous.settings == settings
        else { return false }
        return FileTreeDigest.folder(URL(fileURLWithPath: output), includeTimes: false) == written
    }

    /// This state with the files a build published.
    public func recording(_ files: [(path: String, size: Int)], warnings: Int) -> BuildState {
        var state = self
        state.outputs = FileTreeDigest.outputs(files)
        state.warnings = warnings
        return state
    }

    /// Saves the state; a dossier folder that cannot be written to only loses the shortcut.
    public func save(folder: URL) {
        let url = Self.location(folder)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(self) { try? data.write(to: url, options: .atomic) }
    }

    private static func location(_ folder: URL) -> URL {
        folder.appendingPathComponent(folderName).appendingPathComponent(fileName)
    }
}
