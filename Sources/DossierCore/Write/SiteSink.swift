import Foundation

/// Where a build's files go as they are rendered: the whole site is never held in memory. Several threads write to
/// a sink at once: each page is written by the thread that rendered it, as soon as it is rendered, so that no page
/// waits in memory for a writer and no renderer waits for one either.
public protocol SiteSink: AnyObject, Sendable {
    /// Tells the sink which files are coming, before they are written with `write(_:)`.
    func expect(_ paths: [OutputPath])
    /// Writes one file whose path was expected. Safe to call from several threads at once, and with `receive`.
    func write(_ file: RenderedFile) throws
    /// Writes files that were not expected; safe to call with `write`.
    func receive(_ files: [RenderedFile]) throws
}

/// Keeps every file in memory, for `check`-like uses and tests; in the order they came, which two builds need not
/// share (`DossierBuilder.build(folder:)` sorts them).
public final class MemorySink: SiteSink, @unchecked Sendable {
    // @unchecked: `kept` changes only under `lock`.
    private let lock = NSLock()
    private var kept: [RenderedFile] = []

    public init() {}

    public var files: [RenderedFile] { lock.withLock { kept } }

    public func expect(_ paths: [OutputPath]) {}

    public func write(_ file: RenderedFile) throws { lock.withLock { kept.append(file) } }

    public func receive(_ files: [RenderedFile]) throws { lock.withLock { kept += files } }
}
