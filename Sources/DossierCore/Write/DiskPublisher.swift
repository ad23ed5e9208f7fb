import Foundation

/// Writes a built site to disk atomically: into a working folder beside the output, swapped in only when
/// complete, so a failed or interrupted build never leaves a half-written site.
///
/// The site the swap replaces is kept beside the output (`.public.previous`) and becomes the next build's
/// working folder: only the files whose bytes changed are written again, and stale ones removed. Creating
/// and deleting tens of thousands of files is what a publish costs most, far more than writing their bytes.
public final class DiskPublisher: SiteSink, @unchecked Sendable {
    // @unchecked: `folders`, `written` and `seconds` change only under `lock`; the rest is set once, in `init`.
    private let lock = NSLock()
    private let target: URL
    private let spare: URL
    private let staging: URL
    private var folders: Set<String> = []
    /// Whether the working folder was made empty for this build: then no file needs comparing or pruning.
    private var startedEmpty = false
    /// The working folder, open: files are written by paths relative to it. It stays the same folder when renamed.
    private var stagingFolder: Int32 = -1
    /// Every file received: its path and size, for the build state.
    public private(set) var written: [(path: String, size: Int)] = []
    /// Time spent writing files (summed over the threads that write them) and finishing, for `--timings`.
    public private(set) var seconds: Double = 0
    public private(set) var finishSeconds: Double = 0

    deinit { if stagingFolder >= 0 { close(stagingFolder) } }

    /// Refuses a dangerous output folder, then prepares the working folder.
    public init(output: URL, input: URL) throws {
        target = output.standardizedFileURL
        try Self.validateOutput(target, input: input.standardizedFileURL)
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        spare = parent.appendingPathComponent(".\(name).previous")
        staging = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            startedEmpty = try Self.prepareStaging(staging, spare: spare, parent: parent, name: name)
            stagingFolder = PosixFiles.openFolder(staging.path)
            guard stagingFolder >= 0 else {
                throw PosixFiles.Failure(path: staging.path, operation: "open", code: errno)
            }
        } catch {
            // Say which folder could not be written to and why, not Foundation's whole error.
            let reason = (error as? PosixFiles.Failure)?.description ?? (error as NSError).localizedDescription
            throw DossierError.outputRefused(
                "cannot write the site \(target.path): the folder \(parent.path) cannot be written to (\(reason)); choose an --output in a folder you can write to")
        }
    }

    /// Writes a batch into the working folder: only files whose bytes differ from what is there.
    public func receive(_ files: [RenderedFile]) throws {
        expect(files.map(\.path))
        let failures = files.parallelMap { file -> String? in
            do {
                try self.write(file)
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw DossierError.writeFailed(failure) }
    }

    /// Notes the folders these files go in, which are kept when stale files are pruned. Each folder is made when
    /// the first file is written into it, by the thread that writes it: made here, twelve thousand page folders
    /// would be made one by one before the first page rendered.
    public func expect(_ paths: [OutputPath]) {
        guard !startedEmpty else { return }  // nothing to prune
        lock.withLock {
            for path in paths {
                var folder = Self.parent(of: path.value)
                while !folder.isEmpty, folders.insert(folder).inserted {
                    folder = Self.parent(of: folder)
                }
            }
        }
    }

    /// Writes one file into the working folder, unless it holds these bytes already.
    public func write(_ file: RenderedFile) throws {
        let started = Date()
        let path = file.path.value
        if startedEmpty || !PosixFiles.holds(file.data, at: path, from: stagingFolder) {
            do {
                try PosixFiles.write(
                    file.data, to: path, from: stagingFolder, newFolder: startedEmpty && path.hasSuffix("/index.html"))
            } catch let failure as PosixFiles.Failure {
                throw DossierError.writeFailed("\(failure.under(staging.path))")
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        lock.withLock {
            written.append((file.path.value, file.data.count))
            seconds += elapsed
        }
    }

    /// The folder of a relative path in the site (`towns/alep` for `towns/alep/index.html`; "" at the root).
    private static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Removes what the working folder holds beyond the files received, then swaps it in.
    public func finish() throws {
        let started = Date()
        defer { finishSeconds += Date().timeIntervalSince(started) }
        let manager = FileManager.default
        if !startedEmpty { PosixFiles.prune(staging.path, keepingFiles: Set(written.map(\.path)), folders: folders) }
        do {
            if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: spare) }
            try manager.moveItem(at: staging, to: target)
        } catch {
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: spare.path) {
                try? manager.moveItem(at: spare, to: target)
            }
            throw DossierError.writeFailed("\(target.path): \(error)")
        }
    }

    /// Leaves the published site as it was; the working folder is kept for the next build.
    public func abandon() {
        let manager = FileManager.default
        if !manager.fileExists(atPath: spare.path) { try? manager.moveItem(at: staging, to: spare) }
    }

    /// Publishes files held in memory in one go.
    public static func publish(_ files: [RenderedFile], to output: URL, input: URL) throws {
        let publisher = try DiskPublisher(output: output, input: input)
        do {
            try publisher.receive(files)
            try publisher.finish()
        } catch {
            publisher.abandon()
            throw error
        }
    }

    /// The working folder: the site kept from the build before, else one left by a build that was killed
    /// (its files are compared byte for byte, so any content will do), else a new folder. True for a new one.
    private static func prepareStaging(_ staging: URL, spare: URL, parent: URL, name: String) throws -> Bool {
        let manager = FileManager.default
        let leftovers = ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { $0.hasPrefix(".\(name).tmp-") || $0.hasPrefix(".\(name).old-") }
            .map { parent.appendingPathComponent($0) }
            .filter { $0.path != staging.path }
        if manager.fileExists(atPath: staging.path) { PosixFiles.removeTree(staging.path) }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: spare.path, isDirectory: &isFolder), !isFolder.boolValue {
            try manager.removeItem(at: spare)  // not a site we kept: something else took the name
        }
        var created = false
        if manager.fileExists(atPath: spare.path) {
            try manager.moveItem(at: spare, to: staging)
        } else if let leftover = leftovers.first {
            try manager.moveItem(at: leftover, to: staging)
        } else {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            created = true
        }
        for leftover in leftovers where manager.fileExists(atPath: leftover.path) { PosixFiles.removeTree(leftover.path) }
        return created
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
