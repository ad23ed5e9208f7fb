import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

@testable import DossierCore

/// The `hostile` fixture holds every injection the issue lists, in every field a dossier has: Markdown links,
/// images, raw and inline HTML; front matter title, url, source, authors and kept fields; registry names,
/// aliases and summaries; the dossier's title and description. None of it may become markup or a live link.
@Suite("Hostile content never becomes markup or a live link, on any page or data file", .serialized)
struct HostileContentTests {
    let output: URL
    let files: [String]

    init() throws {
        let report: BuildReport
        (report, output) = try TestSupport.buildToDisk(TestSupport.fixture("hostile"))
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        files = TestSupport.files(under: output)
    }

    /// Every kind of page the site has, each built from some hostile field.
    static let pages = [
        "index.html", "404.html", "timeline/index.html", "map/index.html",
        "towns/index.html", "groups/index.html", "people/index.html", "places/index.html",
        "towns/raqqa/index.html", "towns/tabqa/index.html", "groups/etat-islamique/index.html",
        "people/abou-bakr/index.html", "places/syrie/index.html",
    ]

    /// Nothing from another origin, no inline script or style: what every page must declare.
    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'"

    @Test("every page type exists and holds no foreign script, event handler, or javascript:/data: address")
    func noActiveMarkup() throws {
        let articles = files.filter { $0.hasPrefix("articles/") && $0.hasSuffix(".html") }
        #expect(articles.count == 3)
        for page in Self.pages + articles {
            #expect(files.contains(page), "missing \(page)")
            guard files.contains(page) else { continue }
            let html = try TestSupport.read(output, page)
            for tag in TestSupport.tags(in: html) {
                let name = tag.name.lowercased()
                #expect(!["iframe", "img", "object", "embed", "style", "b", "i"].contains(name), "\(page) holds <\(name)>")
                if name == "meta", let equivalent = tag.attributes["http-equiv"] {
                    // Our Content-Security-Policy only: never a refresh, nor a second, looser policy.
                    #expect(equivalent == "Content-Security-Policy", "\(page) holds a meta \(equivalent)")
                    #expect(tag.attributes["content"] == Self.policy, "\(page): a policy not ours")
                }
                if name == "svg" {
                    #expect(["map map-wide", "map map-narrow"].contains(tag.attributes["class"]), "\(page) holds an svg that is not our map")
                }
                if name == "script" {
                    #expect(tag.attributes["src"]?.hasSuffix("assets/dossier.js") == true, "\(page): a script not ours")
                }
                for (attribute, value) in tag.attributes {
                    #expect(!attribute.lowercased().hasPrefix("on"), "\(page): event handler \(attribute)=\(value)")
                    // Text attributes (a description, a label) may say `javascript:`; addresses may not be one.
                    guard ["href", "src", "action", "formaction", "xlink:href", "poster"].contains(attribute.lowercased())
                    else { continue }
                    let address = value.lowercased().filter { !$0.isWhitespace && !$0.isNewline }
                    for scheme in ["javascript:", "vbscript:", "file:"] {
                        #expect(!address.hasPrefix(scheme), "\(page): \(name) \(attribute)=\(value)")
                    }
                    #expect(!address.hasPrefix("data:"), "\(page): \(value)")
                }
            }
            // The only comment a page may hold is cmark's note that raw HTML was left out.
            let uncommented = html.replacingOccurrences(of: "<!-- raw HTML omitted -->", with: "")
            #expect(!uncommented.contains("<!--") && !uncommented.contains("-->"), "\(page) holds a raw comment mark")
            // Map markers have titles too: what matters is that no text closes one it did not open.
            #expect(
                html.components(separatedBy: "</title>").count == html.components(separatedBy: "<title").count,
                "\(page): a </title> that closes nothing")
            #expect(!html.lowercased().contains("<script>"), "\(page): an inline script")
            #expect(html.components(separatedBy: "http-equiv=\"Content-Security-Policy\"").count == 2, "\(page): no policy")
        }
    }

    @Test("the hostile strings are on the pages as text, escaped where they were written")
    func hostileTextShownEscaped() throws {
        let escaped: [(page: String, text: String)] = [
            ("index.html", "Dossier &lt;/title&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"),
            ("index.html", "&lt;!-- --&gt; &lt;b&gt;gras&lt;/b&gt; &lt;img src=x onerror=alert(&#39;description&#39;)&gt;"),
            ("towns/raqqa/index.html", "Ville du nord &lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt; --&gt; &lt;/title&gt;"),
            ("towns/raqqa/index.html", "&lt;b&gt;Rakka&lt;/b&gt;"),
            ("towns/tabqa/index.html", "Tabqa &lt;svg onload=alert(&#39;name&#39;)&gt;"),
            ("towns/index.html", "Tabqa &lt;svg onload=alert(&#39;name&#39;)&gt;"),
            ("people/abou-bakr/index.html", "Abou Bakr &lt;iframe src=javascript:alert(&#39;person&#39;)&gt;"),
            ("people/abou-bakr/index.html", "--&gt; &lt;!-- ]]&gt; &lt;![CDATA[ x ]]&gt; &amp;amp; &amp;lt;script&amp;gt;"),
            ("groups/etat-islamique/index.html", "&lt;img src=x onerror=alert(1)&gt;"),
            ("places/syrie/index.html", "&lt;style&gt;body{display:none}&lt;/style&gt;"),
        ]
        for (page, text) in escaped {
            #expect(try TestSupport.read(output, page).contains(text), "\(page) does not show \(text)")
        }
        let scraped = try articlePage(containing: "l-ei-a-raqqa")
        for text in [
            "L&#39;EI à Raqqa &lt;/title&gt;&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; --&gt; &lt;!--",
            "&lt;a href=&#39;javascript:alert(1)&#39;&gt;AFP&lt;/a&gt;", "&lt;i&gt;Anonyme&lt;/i&gt;",
            "&lt;img src=x onerror=alert(&#39;author&#39;)&gt;",
        ] {
            #expect(scraped.contains(text), "the scraped article does not show \(text)")
        }
        // Images with an unsafe address keep only their alt text.
        #expect(scraped.contains("Des images : image, svg, png."))
        #expect(try articlePage(containing: "baghdadi").contains("Baghdadi &lt;b&gt;gras&lt;/b&gt;"))
    }

    @Test("feed.xml and sitemap.xml stay well-formed XML; dossier.json and towns.geojson parse and keep the text")
    func dataFilesWellFormed() throws {
        for name in ["feed.xml", "sitemap.xml"] {
            let parser = XMLParser(data: try Data(contentsOf: output.appendingPathComponent(name)))
            #expect(parser.parse(), "\(name): \(String(describing: parser.parserError))")
        }
        let feed = try TestSupport.read(output, "feed.xml")
        #expect(feed.contains("&lt;/title&gt;&lt;script&gt;"))
        #expect(!feed.lowercased().contains("javascript:alert(1)\""))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("dossier.json")))
                as? [String: Any])
        let entities = try #require(json["entities"] as? [[String: Any]])
        let names = Set(entities.compactMap { $0["name"] as? String })
        #expect(names.contains("Tabqa <svg onload=alert('name')>"), "\(names)")
        #expect(names.contains("Abou Bakr <iframe src=javascript:alert('person')>"))
        let geojson = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("towns.geojson")))
                as? [String: Any])
        let features = try #require(geojson["features"] as? [[String: Any]])
        #expect(features.count == 2)
    }

    private func articlePage(containing slugPart: String) throws -> String {
        let page = try #require(files.first { $0.hasPrefix("articles/") && $0.contains(slugPart) })
        return try TestSupport.read(output, page)
    }
}
