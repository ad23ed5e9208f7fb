import Foundation

/// Where a build's files go as they are rendered, a batch at a time: the whole site is never held in memory.
public protocol SiteSink: AnyObject {
    func receive(_ files: [RenderedFile]) throws
}

/// Keeps every file in memory, for `check`-like uses and tests.
public final class MemorySink: SiteSink {
    public private(set) var files: [RenderedFile] = []

    public init() {}

    public func receive(_ files: [RenderedFile]) throws { self.files += files }
}
