import Foundation

/// A file of the built site, in memory.
public struct RenderedFile: Sendable {
    public var path: OutputPath
    public var data: Data
}

/// Turns the modelled site into files: HTML pages through the templates, then the data files. No I/O.
struct SiteRenderer {
    let site: Site
    let templates: TemplateLibrary

    /// A page to render: which view builds its context, and so which template renders it.
    private enum Page: Sendable {
        case index, article(Int), kind(EntityKind), entity(Entity, page: Int), timeline(year: String?)
    }

    /// Pages rendered together, in parallel, before they are handed to the sink.
    static let batchSize = 512

    /// Renders every page into the sink, batch by batch; returns how many HTML pages there are.
    @discardableResult
    func render(into sink: SiteSink) throws -> Int {
        let views = PageViews(site: site)
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

        let templates = self.templates
        let render = { @Sendable (url: SiteURL, page: Page) -> RenderedFile in
            let html: String
            switch page {
            case .index: html = templates.render(views.index(), template: "index")
            case .article(let index): html = templates.render(views.article(index), template: "article")
            case .kind(let kind): html = templates.render(views.kind(kind), template: "kind")
            case .entity(let entity, let number):
                html = templates.render(views.entity(entity, page: number), template: "entity")
            case .timeline(let year): html = templates.render(views.timeline(year: year), template: "timeline")
            }
            return RenderedFile(path: url.outputPath, data: Data(html.utf8))
        }
        // Each batch is handed to the sink on its own queue while the next one renders: writing waits on
        // the disk, rendering on the processor, so the two overlap.
        var pageURLs = pages.map(\.url)
        if views.hasMap { pageURLs.append(SiteURL("map/")) }
        let model = site
        let extras = BackgroundWork { [pageURLs] in
            try Self.otherFiles(site: model, views: views, templates: templates, pageURLs: pageURLs)
        }
        let handoff = BatchHandoff(sink)
        var start = 0
        while start < pages.count, handoff.failure == nil {
            handoff.send(Array(pages[start..<min(start + Self.batchSize, pages.count)]).parallelMap(render))
            start += Self.batchSize
        }
        try handoff.finish()
        let files = try extras.value()
        try sink.receive(files)
        return pages.count + files.count { $0.path.value.hasSuffix(".html") }
    }

    /// The map, 404.html, the data files and the assets: made on another thread while the pages render.
    private static func otherFiles(site: Site, views: PageViews, templates: TemplateLibrary, pageURLs: [SiteURL]) throws
        -> [RenderedFile]
    {
        var files: [RenderedFile] = []
        if let map = views.map() {
            let url = SiteURL("map/")
            files.append(RenderedFile(path: url.outputPath, data: Data(templates.render(map, template: "map").utf8)))
        }
        files.append(RenderedFile(path: OutputPath("404.html"), data: Data(templates.render(views.notFound(), template: "404").utf8)))
        let data = DataRenderer(site: site)
        files.append(RenderedFile(path: OutputPath("dossier.json"), data: try data.json()))
        files.append(RenderedFile(path: OutputPath("towns.geojson"), data: try data.geoJSON()))
        files.append(RenderedFile(path: OutputPath("feed.xml"), data: Data(data.atom().utf8)))
        files.append(RenderedFile(path: OutputPath("sitemap.xml"), data: Data(data.sitemap(pages: pageURLs).utf8)))
        files.append(RenderedFile(path: OutputPath("robots.txt"), data: Data(data.robots().utf8)))
        files += SearchIndexWriter(site: site, views: views, templates: templates).files()
        for asset in templates.assets {
            files.append(RenderedFile(path: OutputPath("assets/\(asset.path)"), data: asset.data))
        }
        return files
    }
}

/// Passes batches of files to a sink on a serial queue, one at a time and in order, and reports its first error.
private final class BatchHandoff: @unchecked Sendable {
    // @unchecked: `sink` is only used on `queue`; `error` is guarded by `lock`.
    private let sink: SiteSink
    private let queue = DispatchQueue(label: "dossier.sink")
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var error: Error?

    init(_ sink: SiteSink) { self.sink = sink }

    var failure: Error? { lock.withLock { error } }

    func send(_ files: [RenderedFile]) {
        group.wait()  // at most one batch waiting to be written: memory stays bounded
        queue.async(group: group) {
            guard self.failure == nil else { return }
            do { try self.sink.receive(files) } catch { self.lock.withLock { self.error = error } }
        }
    }

    func finish() throws {
        group.wait()
        if let failure { throw failure }
    }
}
