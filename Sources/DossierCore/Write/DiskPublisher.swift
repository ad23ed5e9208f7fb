import Foundation

/// Writes a built site to disk atomically: into a folder beside the output, swapped in only when complete,
/// so a failed or interrupted build never leaves a half-written site.
///
/// The site the swap replaces is kept beside the output (`.public.previous`) and becomes the next build's
/// working folder: only the files whose bytes changed are written again, and stale ones removed. Creating
/// and deleting tens of thousands of files is what a publish costs most, far more than writing their bytes.
public enum DiskPublisher {
    public static func publish(_ files: [RenderedFile], to output: URL, input: URL) throws {
        let manager = FileManager.default
        let target = output.standardizedFileURL
        try validateOutput(target, input: input.standardizedFileURL)
        let parent = target.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = target.lastPathComponent
        let spare = parent.appendingPathComponent(".\(name).previous")
        let staging = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try prepareStaging(staging, spare: spare, parent: parent, name: name)
            var folders: Set<String> = []
            for file in files {
                var folder = (file.path.value as NSString).deletingLastPathComponent
                while !folder.isEmpty, folders.insert(folder).inserted {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            PosixFiles.prune(staging.path, keepingFiles: Set(files.map(\.path.value)), folders: folders)
            try PosixFiles.makeDirectories(folders.sorted().map { staging.path + "/" + $0 })
            let failures = files.parallelMap { file -> String? in
                let path = staging.path + "/" + file.path.value
                if PosixFiles.holds(file.data, at: path) { return nil }
                do {
                    try PosixFiles.write(file.data, to: path)
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first {
                throw DossierError.writeFailed(failure)
            }
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: spare)
            }
            try manager.moveItem(at: staging, to: target)
        } catch {
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: spare.path) {
                try? manager.moveItem(at: spare, to: target)
            }
            throw DossierError.writeFailed("\(target.path): \(error)")
        }
    }

    /// The working folder: the site kept from the build before, else one left by a build that was killed
    /// (its files are compared byte for byte, so any content will do), else a new folder.
    private static func prepareStaging(_ staging: URL, spare: URL, parent: URL, name: String) throws {
        let manager = FileManager.default
        let leftovers = ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { $0.hasPrefix(".\(name).tmp-") || $0.hasPrefix(".\(name).old-") }
            .map { parent.appendingPathComponent($0) }
            .filter { $0.path != staging.path }
        if manager.fileExists(atPath: staging.path) { PosixFiles.removeTree(staging.path) }
        if manager.fileExists(atPath: spare.path) {
            try manager.moveItem(at: spare, to: staging)
        } else if let leftover = leftovers.first {
            try manager.moveItem(at: leftover, to: staging)
        } else {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        }
        for leftover in leftovers where manager.fileExists(atPath: leftover.path) { PosixFiles.removeTree(leftover.path) }
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
