import Foundation

/// Where a build's files go as they are rendered, a batch at a time: the whole site is never held in memory.
public protocol SiteSink: AnyObject {
    func receive(_ files: [RenderedFile]) throws
}

/// A sink that takes files from several threads at once: each page is written by the thread that rendered it,
/// as soon as it is rendered, so no page waits in memory for a writer and no renderer waits for one either.
public protocol ConcurrentSiteSink: SiteSink, Sendable {
    /// Tells the sink which files are coming, before they are written with `write(_:)`.
    func expect(_ paths: [OutputPath])
    /// Writes one file whose path was expected. Safe to call from several threads at once, and with `receive`.
    func write(_ file: RenderedFile) throws
}

/// Keeps every file in memory, for `check`-like uses and tests.
public final class MemorySink: SiteSink {
    public private(set) var files: [RenderedFile] = []

    public init() {}

    public func receive(_ files: [RenderedFile]) throws { self.files += files }
}
