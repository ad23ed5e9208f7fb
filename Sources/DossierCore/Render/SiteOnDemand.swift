import Foundation

/// A modelled site that renders each of its files the first time it is asked for, with the same renderer, and
/// so the same bytes, as `dossier build`. `dossier serve` publishes one after each edit: the new site is ready
/// as soon as it is modelled, an open page costs only its own rendering when it reloads, and the data that
/// covers the whole dossier (open data, feed, sitemap, search) is made once, when something first asks for it.
public final class SiteOnDemand: @unchecked Sendable {
    // @unchecked: `rendered` and `data` are read and written under `lock` only; `tables` is written once by its
    // worker and read after it has finished; the rest is immutable.
    private let renderer: SiteRenderer
    /// Made on another thread as soon as the site exists, while the open pages hear of it and ask again.
    private let tables: BackgroundWork<Tables>
    private let lock = NSLock()
    private var rendered: [String: Data] = [:]
    private var data: Result<[String: Data], any Error>?

    /// Where each file comes from.
    private struct Tables: Sendable {
        /// Output path (`articles/x/index.html`) → the page it is.
        var pages: [String: SiteRenderer.Page] = [:]
        var pageURLs: [SiteURL] = []
        /// The map, 404.html, the search page and the assets: made at once, they are small and every page
        /// needs some.
        var fixed: [String: Data] = [:]

        init(_ renderer: SiteRenderer) {
            let table = renderer.pages()
            pageURLs = table.map(\.url)
            pages.reserveCapacity(table.count)
            for (url, page) in table { pages[url.outputPath.value] = page }
            for file in renderer.fixedFiles() { fixed[file.path.value] = file.data }
        }
    }

    init(_ renderer: SiteRenderer) {
        self.renderer = renderer
        tables = BackgroundWork { Tables(renderer) }
    }

    private var made: Tables { try! tables.value() }  // making the tables throws nothing

    /// The HTML pages of the site, as `dossier build` counts them.
    public var pageCount: Int { made.pages.count + made.fixed.keys.count { $0.hasSuffix(".html") } }

    /// The file at a path from the site's root (`towns/boukamal/index.html`), or nil when the site has none.
    /// Throws only when the data files cannot be encoded.
    public func file(at path: String) throws -> Data? {
        let made = made
        if let data = made.fixed[path] { return data }
        if let page = made.pages[path] {
            if let data = lock.withLock({ rendered[path] }) { return data }
            let data = renderer.render(page)
            lock.withLock { rendered[path] = data }
            return data
        }
        guard SiteRenderer.mayBeDataFile(path) else { return nil }
        return try dataFiles().get()[path]
    }

    /// Every path of the site, sorted: what `dossier build` would write.
    public func allPaths() throws -> [String] {
        (Array(made.pages.keys) + Array(made.fixed.keys) + Array(try dataFiles().get().keys)).sorted()
    }

    /// Made once, under the lock: a second request waits for the first one's work instead of repeating it.
    private func dataFiles() -> Result<[String: Data], any Error> {
        lock.withLock {
            if let data { return data }
            let pageURLs = made.pageURLs
            let result = Result {
                Dictionary(
                    try renderer.dataFiles(pageURLs: pageURLs).map { ($0.path.value, $0.data) },
                    uniquingKeysWith: { first, _ in first })
            }
            data = result
            return result
        }
    }
}
