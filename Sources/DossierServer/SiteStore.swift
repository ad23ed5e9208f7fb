import DossierCore
import Foundation

/// What the server serves: files already made, or a site that renders each one when it is first asked for.
public enum SiteContent: Sendable {
    case files([String: Data])
    case onDemand(SiteOnDemand)

    /// The file at a path from the site's root (`articles/x/index.html`), or nil when there is none.
    /// Rendering on demand can take a while (the search data covers the whole dossier), so it runs off the
    /// concurrency pool. Throws when the data files cannot be made, so that the reader sees why.
    func file(at path: String) async throws -> Data? {
        switch self {
        case .files(let files): return files[path]
        case .onDemand(let site):
            return try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    continuation.resume(with: Result { try site.file(at: path) })
                }
            }
        }
    }
}

/// One state of the served site: the last good build's files, and the problems of a later build that failed.
public struct SiteSnapshot: Sendable {
    /// The site's files.
    public var content: SiteContent
    /// Which build this is, counted from 1; pages carry it, so that they know when they are stale.
    public var generation: Int
    /// The errors (and warnings) of the latest build when it failed: shown over every page until a build succeeds.
    public var problems: [Diagnostic]

    public init(content: SiteContent = .files([:]), generation: Int = 0, problems: [Diagnostic] = []) {
        self.content = content
        self.generation = generation
        self.problems = problems
    }
}

/// The site being served, shared by the request handlers and the rebuilding loop, and the open pages that
/// wait to hear about the next build.
public final class SiteStore: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock` only.
    private let lock = NSLock()
    private var snapshot = SiteSnapshot()
    private var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextListener = 0
    private var closed = false

    public init() {}

    /// The site as it is now.
    public var current: SiteSnapshot { lock.withLock { snapshot } }

    /// A good build: its files replace the site, its problems (none) clear the panel.
    public func publish(files: [RenderedFile]) {
        var table: [String: Data] = [:]
        table.reserveCapacity(files.count)
        for file in files { table[file.path.value] = file.data }
        publish(content: .files(table))
    }

    /// A good build whose files are rendered when they are asked for.
    public func publish(site: SiteOnDemand) {
        publish(content: .onDemand(site))
    }

    private func publish(content: SiteContent) {
        update {
            $0.content = content
            $0.problems = []
        }
    }

    /// A failed build: the last good files stay, and the problems are shown over them.
    public func publish(problems: [Diagnostic]) {
        update { $0.problems = problems }
    }

    private func update(_ change: (inout SiteSnapshot) -> Void) {
        let (generation, targets, replaced) = lock.withLock {
            () -> (Int, [AsyncStream<Int>.Continuation], SiteSnapshot) in
            let replaced = snapshot
            change(&snapshot)
            snapshot.generation += 1
            return (snapshot.generation, Array(listeners.values), replaced)
        }
        for listener in targets { listener.yield(generation) }
        // The replaced site is let go on another thread, after the pages have heard of the new one: freeing
        // ten thousand pages' worth of values is no reason to delay a reload.
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(replaced) {} }
    }

    /// The generations from now on, starting with the current one; it ends when the store is closed.
    public func generations() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let id: Int? = lock.withLock {
            guard !closed else { return nil }
            nextListener += 1
            listeners[nextListener] = continuation
            continuation.yield(snapshot.generation)
            return nextListener
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in self?.removeListener(id) }
        return stream
    }

    /// Ends every open event stream, so that the server can stop without waiting for the pages to go away.
    public func close() {
        let targets = lock.withLock { () -> [AsyncStream<Int>.Continuation] in
            closed = true
            defer { listeners = [:] }
            return Array(listeners.values)
        }
        for listener in targets { listener.finish() }
    }

    private func removeListener(_ id: Int) {
        _ = lock.withLock { listeners.removeValue(forKey: id) }
    }
}
