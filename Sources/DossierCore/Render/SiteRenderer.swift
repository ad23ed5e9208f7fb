import Foundation

/// A file of the built site, in memory.
public struct RenderedFile: Sendable {
    public var path: OutputPath
    public var data: Data
}

/// Turns the modelled site into files: HTML pages through the templates, then the data files. No I/O.
struct SiteRenderer: Sendable {
    let site: Site
    let templates: TemplateLibrary
    let views: PageViews

    /// `everyPage`: whether every page will be rendered (a build), rather than the few a reader asks for.
    init(site: Site, templates: TemplateLibrary, everyPage: Bool = true) {
        self.site = site
        self.templates = templates
        self.views = PageViews(site: site, everyPage: everyPage)
    }

    /// A page to render: which view builds its context, and so which template renders it.
    enum Page: Sendable {
        case index, article(Int), kind(EntityKind), entity(Entity, page: Int), timeline(year: String?)
    }

    /// Every page made from a template and the site's articles and entities, in the order they are written.
    func pages() -> [(url: SiteURL, page: Page)] {
        var pages: [(url: SiteURL, page: Page)] = [(.root, .index)]
        pages += site.articles.indices.map { (site.articles[$0].article.url, Page.article($0)) }
        for kind in site.registry.kinds where !views.entities(of: kind).isEmpty {
            pages.append((kind.url, .kind(kind)))
            for entity in views.entities(of: kind) {
                for number in 1...views.pageCount(of: entity) {
                    pages.append((PageViews.url(of: entity, page: number), .entity(entity, page: number)))
                }
            }
        }
        pages.append((SiteURL("timeline/"), .timeline(year: nil)))
        pages += views.timelineYearPages.map { ($0.url, Page.timeline(year: $0.key)) }
        return pages
    }

    /// One page's HTML.
    func render(_ page: Page) -> Data {
        switch page {
        case .index: templates.render(views.index(), template: "index")
        case .article(let index): templates.render(views.article(index), template: "article")
        case .kind(let kind): templates.render(views.kind(kind), template: "kind")
        case .entity(let entity, let number): templates.render(views.entity(entity, page: number), template: "entity")
        case .timeline(let year): templates.render(views.timeline(year: year), template: "timeline")
        }
    }

    /// Renders every page into the sink, each written as soon as it is rendered by the thread that rendered it, while
    /// the search data is made and written on another; returns how many HTML pages there are.
    @discardableResult
    func render(into sink: SiteSink) throws -> Int {
        let pages = pages()
        sink.expect(pages.map(\.url.outputPath))
        let renderer = self
        let failure = FirstFailure()
        let pageURLs = pages.map(\.url)
        // The other files go to the sink as they are made, not held to the end: the open data alone is 10 MB at
        // 10,000 articles. Returns how many of them are HTML pages.
        let extras = BackgroundWork { () throws -> Int in
            var pageCount = 0
            let receive = { (files: [RenderedFile]) in
                guard failure.error == nil else { return }
                pageCount += files.count { $0.path.value.hasSuffix(".html") }
                do { try sink.receive(files) } catch { failure.record(error) }
            }
            receive(renderer.fixedFiles())
            try renderer.dataFiles(pageURLs: pageURLs, emit: receive)
            return pageCount
        }
        pages.withUnsafeBufferPointer { pages in
            nonisolated(unsafe) let pages = pages
            DispatchQueue.concurrentPerform(iterations: pages.count) { index in
                guard failure.error == nil else { return }
                let (url, page) = pages[index]
                do {
                    try sink.write(RenderedFile(path: url.outputPath, data: renderer.render(page)))
                } catch {
                    failure.record(error)
                }
            }
        }
        let otherPages = try extras.value()
        if let error = failure.error { throw error }
        return pages.count + otherPages
    }

    /// The pages that are not made per article or entity (the map, 404.html, the search page), and the assets:
    /// quick to make.
    func fixedFiles() -> [RenderedFile] {
        var files: [RenderedFile] = []
        if let map = views.map() {
            let url = SiteURL("map/")
            files.append(RenderedFile(path: url.outputPath, data: templates.render(map, template: "map")))
        }
        files.append(RenderedFile(path: OutputPath("404.html"), data: templates.render(views.notFound(), template: "404")))
        files.append(RenderedFile(path: OutputPath("robots.txt"), data: Data(DataRenderer(site: site).robots().utf8)))
        files.append(searchWriter.page())
        for asset in templates.assets {
            files.append(RenderedFile(path: OutputPath("assets/\(asset.path)"), data: asset.data))
        }
        return files
    }

    /// The addresses of every HTML page, for the sitemap: the pages, then the map and the search page.
    func sitemapURLs(pages: [SiteURL]) -> [SiteURL] {
        pages + (views.hasMap ? [SiteURL("map/")] : [])
    }

    /// The data files (open data, feed, sitemap) and the search data: they cover the whole dossier, so they
    /// take longest to make.
    func dataFiles(pageURLs: [SiteURL]) throws -> [RenderedFile] {
        var files: [RenderedFile] = []
        try dataFiles(pageURLs: pageURLs) { files += $0 }
        return files
    }

    /// The same, handed to `emit` a few at a time as they are made rather than returned.
    func dataFiles(pageURLs: [SiteURL], emit: ([RenderedFile]) -> Void) throws {
        let data = DataRenderer(site: site)
        emit([RenderedFile(path: OutputPath("dossier.json"), data: try data.json())])
        emit([
            RenderedFile(path: OutputPath("towns.geojson"), data: try data.geoJSON()),
            RenderedFile(path: OutputPath("feed.xml"), data: Data(data.atom().utf8)),
            RenderedFile(path: OutputPath("sitemap.xml"), data: Data(data.sitemap(pages: sitemapURLs(pages: pageURLs)).utf8)),
        ])
        searchWriter.dataFiles(emit: emit)
    }

    /// Whether `dataFiles` may make a file at this path: the files at the root it makes, and the search data.
    /// A server that makes them on demand asks this first, so that a missing page does not cost them.
    static func mayBeDataFile(_ path: String) -> Bool {
        ["dossier.json", "towns.geojson", "feed.xml", "sitemap.xml"].contains(path)
            || (path.hasPrefix("search/") && path.hasSuffix(".js"))
    }

    private var searchWriter: SearchIndexWriter { SearchIndexWriter(site: site, views: views, templates: templates) }
}

/// The first error of work done on several threads, after which the rest of the work is skipped.
private final class FirstFailure: @unchecked Sendable {
    // @unchecked: `first` is guarded by `lock`.
    private let lock = NSLock()
    private var first: Error?

    var error: Error? { lock.withLock { first } }

    func record(_ error: Error) { lock.withLock { if first == nil { first = error } } }
}
