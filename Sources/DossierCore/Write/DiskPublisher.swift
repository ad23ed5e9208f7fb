import Foundation

/// Writes a built site to disk atomically: into a folder beside the output, swapped in only when complete,
/// so a failed or interrupted build never leaves a half-written site.
public enum DiskPublisher {
    public static func publish(_ files: [RenderedFile], to output: URL, input: URL) throws {
        let manager = FileManager.default
        let target = output.standardizedFileURL
        try validateOutput(target, input: input.standardizedFileURL)
        let parent = target.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(suffix)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(suffix)")
        PosixFiles.removeTree(staging.path)
        PosixFiles.removeTree(retired.path)  // left by an earlier build that was killed mid-swap
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders: Set<String> = []
            for file in files {
                var folder = (file.path.value as NSString).deletingLastPathComponent
                while !folder.isEmpty, folders.insert(folder).inserted {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            try PosixFiles.makeDirectories(folders.sorted().map { staging.path + "/" + $0 })
            let failures = files.parallelMap { file -> String? in
                do {
                    try PosixFiles.write(file.data, to: staging.path + "/" + file.path.value)
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first {
                throw DossierError.writeFailed(failure)
            }
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: retired)
            }
            try manager.moveItem(at: staging, to: target)
            PosixFiles.removeTree(retired.path)
        } catch {
            PosixFiles.removeTree(staging.path)
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: target)
            }
            throw DossierError.writeFailed("\(target.path): \(error.localizedDescription)")
        }
    }

    /// The output folder is replaced whole, and must stay out of the dossier (its `robots.txt` would be read as an
    /// article): refuse anything whose loss would hurt. Call it before building, to fail at once.
    public static func validateOutput(_ output: URL, input: URL) throws {
        let outputPath = output.standardizedFileURL.resolvingSymlinksInPath().path
        let inputPath = input.standardizedFileURL.resolvingSymlinksInPath().path
        func isInside(_ path: String, _ folder: String) -> Bool {
            path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
        if isInside(inputPath, outputPath) {
            throw DossierError.outputRefused("the output folder \(output.path) holds the dossier itself; choose another --output")
        }
        if isInside(outputPath, inputPath) {
            throw DossierError.outputRefused(
                "the output folder \(output.path) is inside the dossier \(input.path); put it beside the dossier (e.g. --output public)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw DossierError.outputRefused("the output \(output.path) is a file, not a folder")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        if !contents.isEmpty && !contents.contains("index.html") {
            throw DossierError.outputRefused(
                "the output folder \(output.path) is not empty and does not look like a built site (no index.html); it would be replaced whole, so choose an empty or new folder")
        }
    }
}
