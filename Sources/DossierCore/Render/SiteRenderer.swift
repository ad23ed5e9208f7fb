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

    func render() throws -> [RenderedFile] {
        let views = PageViews(site: site)
        var pages: [(SiteURL, String, [String: Any])] = [(.root, "index", views.index())]
        for index in site.articles.indices {
            pages.append((site.articles[index].article.url, "article", views.article(index)))
        }
        for kind in site.registry.kinds where !views.entities(of: kind).isEmpty {
            pages.append((kind.url, "kind", views.kind(kind)))
            for entity in views.entities(of: kind) {
                pages.append((entity.url, "entity", views.entity(entity)))
            }
        }
        pages.append((SiteURL("timeline/"), "timeline", views.timeline()))
        if let map = views.map() { pages.append((SiteURL("map/"), "map", map)) }

        var files = pages.map { url, template, context in
            RenderedFile(path: url.outputPath, data: Data(templates.render(context, template: template).utf8))
        }
        files.append(RenderedFile(path: OutputPath("404.html"), data: Data(templates.render(views.notFound(), template: "404").utf8)))
        let data = DataRenderer(site: site)
        files.append(RenderedFile(path: OutputPath("dossier.json"), data: try data.json()))
        files.append(RenderedFile(path: OutputPath("towns.geojson"), data: try data.geoJSON()))
        files.append(RenderedFile(path: OutputPath("feed.xml"), data: Data(data.atom().utf8)))
        files.append(RenderedFile(path: OutputPath("sitemap.xml"), data: Data(data.sitemap(pages: pages.map(\.0)).utf8)))
        files.append(RenderedFile(path: OutputPath("robots.txt"), data: Data(data.robots().utf8)))
        for asset in templates.assets {
            files.append(RenderedFile(path: OutputPath("assets/\(asset.path)"), data: asset.data))
        }
        return files.sorted { $0.path < $1.path }
    }
}
