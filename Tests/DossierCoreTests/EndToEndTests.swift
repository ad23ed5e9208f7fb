import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

@testable import DossierCore

/// Builds the real seed dossier to disk and checks what a reader gets.
@Suite("The seed dossier, built", .serialized)
struct SeedSiteTests {
    let output: URL
    let report: BuildReport

    init() throws {
        (report, output) = try TestSupport.buildToDisk(TestSupport.seeds)
    }

    @Test("the build has no errors and writes every page the brief lists")
    func everyPage() throws {
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let files = Set(TestSupport.files(under: output))
        for page in [
            "index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "dossier.json", "towns.geojson",
            "timeline/index.html", "map/index.html", "towns/index.html", "groups/index.html", "people/index.html",
            "places/index.html", "towns/boukamal/index.html", "groups/etat-islamique/index.html",
            "people/rami-abdel-rahmane/index.html", "places/syrie/index.html", "assets/style.css",
        ] {
            #expect(files.contains(page), "missing \(page)")
        }
        #expect(files.filter { $0.hasPrefix("articles/") }.count == 2)
    }

    @Test("towns/boukamal/ lists both articles, each with a sentence that mentions Boukamal")
    func boukamalPage() throws {
        let html = try TestSupport.read(output, "towns/boukamal/index.html")
        #expect(html.contains("L&#39;armée syrienne et ses alliés ont chassé de nouveau dimanche"))
        #expect(html.contains("L&#39;organisation État islamique est parvenue à reprendre la ville syrienne de Boukamal"))
        #expect(html.contains("Dans l&#39;est syrien, l&#39;EI a perdu <mark>Boukamal</mark>, la dernière ville sous son contrôle en Syrie."))
        #expect(html.contains("leur dernière place forte dans le pays."))
        #expect(html.contains("ultime bastion urbain des jihadistes"))
        // Date order: November 2017 (month only) before 13 November 2017.
        let first = try #require(html.range(of: "ont chassé de nouveau dimanche"))
        let second = try #require(html.range(of: "est parvenue à reprendre la ville"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(html.contains("<time datetime=\"2017-11\">novembre 2017</time>"))
        #expect(html.contains("<time datetime=\"2017-11-13\">13 novembre 2017</time>"))
    }

    @Test("dossier.json has the mention counts counted by hand")
    func openData() throws {
        let data = try Data(contentsOf: output.appendingPathComponent("dossier.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let articles = try #require(json["articles"] as? [[String: Any]])
        let entities = try #require(json["entities"] as? [[String: Any]])
        let first = try #require(articles.first { $0["file"] as? String == "000_94cd7e84aae576f1.txt" })
        let second = try #require(articles.first { $0["file"] as? String == "001_eaae213581ca3af3.txt" })
        #expect(first["date"] as? String == "2017-11")
        #expect(second["date"] as? String == "2017-11-13")
        let firstMentions = try #require(first["mentions"] as? [String: Int])
        let secondMentions = try #require(second["mentions"] as? [String: Int])
        // Counted by reading the articles: "Boukamal" ×4 and ×6; "EI"/"Etat islamique" ×8 and ×5;
        // "OSDH"/"Observatoire…" ×3 and ×3; "Syrie" ×7 and ×2; "Ghouta" ×3 in the first only.
        #expect(firstMentions["boukamal"] == 4)
        #expect(secondMentions["boukamal"] == 6)
        #expect(firstMentions["etat-islamique"] == 8)
        #expect(secondMentions["etat-islamique"] == 5)
        #expect(firstMentions["osdh"] == 3)
        #expect(secondMentions["osdh"] == 3)
        #expect(firstMentions["syrie"] == 7)
        #expect(firstMentions["ghouta-orientale"] == 3)
        #expect(secondMentions["ghouta-orientale"] == nil)
        let boukamal = try #require(entities.first { $0["id"] as? String == "boukamal" })
        #expect(boukamal["mentions"] as? Int == 10)
        #expect(boukamal["url"] as? String == "towns/boukamal/")
        #expect((boukamal["articles"] as? [String])?.count == 2)
    }

    @Test("an article page links the first mention of each entity, relative to the page")
    func articleLinks() throws {
        let slug = try #require(report.site?.articles.first?.article.slug)
        let html = try TestSupport.read(output, "articles/\(slug)/index.html")
        #expect(html.components(separatedBy: "href=\"../../towns/boukamal/\"").count - 1 >= 1)
        let body = try #require(html.components(separatedBy: "article-body").dropFirst().first)
        let bodyText = body.components(separatedBy: "</div>").first ?? ""
        #expect(bodyText.components(separatedBy: "class=\"mention mention-towns\" href=\"../../towns/boukamal/\"").count - 1 == 1)
        #expect(bodyText.contains("<h2>Escalade autour de Damas</h2>"))
        #expect(!bodyText.contains("Première publication"))
    }

    @Test("every relative link and source in every page resolves to a file of the site")
    func relativeLinksResolve() throws {
        var broken: [String] = []
        for page in TestSupport.files(under: output) where page.hasSuffix(".html") {
            let html = try TestSupport.read(output, page)
            let folder = (page as NSString).deletingLastPathComponent
            for link in TestSupport.links(in: html) {
                if link.hasPrefix("#") || link.hasPrefix("data:") { continue }
                #expect(!link.contains("://"), "\(page) links to another host: \(link)")
                var path = link.components(separatedBy: "#")[0].components(separatedBy: "?")[0]
                if path.isEmpty { continue }
                if path.hasSuffix("/") || path == "." || path == ".." { path += path.hasSuffix("/") ? "index.html" : "/index.html" }
                let resolved = URL(fileURLWithPath: output.appendingPathComponent(folder).appendingPathComponent(path).path)
                    .standardizedFileURL.path
                if !resolved.hasPrefix(output.standardizedFileURL.path) || !FileManager.default.fileExists(atPath: resolved) {
                    broken.append("\(page) → \(link)")
                }
            }
        }
        #expect(broken.isEmpty, "broken links: \(broken)")
    }

    @Test("pages are HTML5 in French, with the reader's dark mode and a print style")
    func pagesAreWellFormed() throws {
        let html = try TestSupport.read(output, "index.html")
        #expect(html.hasPrefix("<!doctype html>") || html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"fr\""))
        let css = try TestSupport.read(output, "assets/style.css")
        #expect(css.contains("prefers-color-scheme: dark"))
        #expect(css.contains("@media print"))
    }

    @Test("two builds of the same input are byte-identical")
    func deterministic() throws {
        let again = try DossierBuilder.build(folder: TestSupport.seeds)
        #expect(again.files.map(\.path) == report.files.map(\.path))
        #expect(again.files.map(\.data) == report.files.map(\.data))
    }
}

@Suite("A site with a public address")
struct BaseURLTests {
    @Test("with --base-url, the feed and sitemap are absolute, pages stay relative, and 404.html links absolutely")
    func baseURL() throws {
        let (report, output) = try TestSupport.buildToDisk(TestSupport.seeds, baseURL: "https://example.org/dossier")
        #expect(!report.diagnostics.hasErrors)
        #expect(try TestSupport.read(output, "sitemap.xml").contains("<loc>https://example.org/dossier/towns/boukamal/</loc>"))
        #expect(try TestSupport.read(output, "feed.xml").contains("href=\"https://example.org/dossier/articles/"))
        let town = try TestSupport.read(output, "towns/boukamal/index.html")
        #expect(town.contains("href=\"../../timeline/\""))
        // Hosts serve 404.html at any depth: every link in it must work from anywhere.
        let notFound = try TestSupport.read(output, "404.html")
        let links = TestSupport.links(in: notFound).filter { !$0.hasPrefix("data:") && !$0.hasPrefix("#") }
        #expect(!links.isEmpty)
        #expect(links.allSatisfy { $0.hasPrefix("https://example.org/dossier/") }, "\(links)")
    }
}

@Suite("Hostile input never becomes markup")
struct HostileInputTests {
    @Test("no script, event handler or javascript: link from articles, front matter or registry reaches any page")
    func noScriptAnywhere() throws {
        let (report, output) = try TestSupport.buildToDisk(TestSupport.fixture("hostile"))
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let files = TestSupport.files(under: output)
        #expect(files.contains { $0.hasPrefix("articles/") })
        for file in files where file.hasSuffix(".html") {
            let html = try TestSupport.read(output, file)
            for tag in TestSupport.tags(in: html) {
                let name = tag.name.lowercased()
                #expect(!["iframe", "img", "object", "embed", "b", "i"].contains(name), "\(file) holds <\(name)>")
                if name == "script" {
                    let source = tag.attributes["src"] ?? ""
                    #expect(
                        source.hasSuffix("assets/dossier.js") || source.hasSuffix("assets/search.js"),
                        "\(file) holds a script that is not ours")
                }
                for (attribute, value) in tag.attributes {
                    #expect(!attribute.lowercased().hasPrefix("on"), "\(file) holds an event handler \(attribute)")
                    let lowered = value.lowercased().trimmingCharacters(in: .whitespaces)
                    #expect(!lowered.hasPrefix("javascript:") && !lowered.hasPrefix("data:text"), "\(file): \(attribute)=\(value)")
                }
            }
        }
        let wire = try TestSupport.files(under: output).first { $0.contains("texte-brut") }.map { try TestSupport.read(output, $0) }
        #expect(wire?.contains("&lt;script&gt;") == true)
        #expect(wire?.contains("*faux*") == true)
        for data in ["dossier.json", "towns.geojson"] {
            _ = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(data)))
        }
        let feed = try TestSupport.read(output, "feed.xml")
        #expect(feed.contains("&lt;/title&gt;&lt;script&gt;"))
        #expect(XMLParser(data: Data(feed.utf8)).parse())
    }
}

@Suite("Bad input is reported, nothing is lost", .serialized)
struct CommandLineTests {
    @Test("dossier check on a broken front matter prints file:line: error and exits 1")
    func checkReportsBrokenFrontMatter() throws {
        let result = try TestSupport.runDossier(["check", TestSupport.fixture("broken-front-matter").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.md:1:1: error: the front matter opened on line 1 is never closed [front-matter-unclosed]"))
        #expect(!result.stderr.contains("good.md"))
    }

    @Test("a failed build leaves the previous site untouched")
    func failedBuildKeepsPreviousSite() throws {
        let workspace = try TestSupport.temporaryFolder()
        let output = workspace.appendingPathComponent("public")
        let first = try TestSupport.runDossier(["build", TestSupport.seeds.path, "--output", output.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 articles"))
        let before = try Data(contentsOf: output.appendingPathComponent("index.html"))
        let second = try TestSupport.runDossier(["build", TestSupport.fixture("broken-front-matter").path, "--output", output.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("bad.md:1:1: error:"))
        #expect(try Data(contentsOf: output.appendingPathComponent("index.html")) == before)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("towns/boukamal/index.html").path))
    }

    @Test("an output folder that holds the dossier, lies inside it, is not a site, is a file or cannot be written, is refused")
    func dangerousOutputRefused() throws {
        let workspace = try TestSupport.temporaryFolder()
        try "keep me".write(to: workspace.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try TestSupport.runDossier(["build", TestSupport.seeds.path, "--output", workspace.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not look like a built site"))
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("notes.txt").path))
        let parent = TestSupport.seeds.deletingLastPathComponent()
        let refused = try TestSupport.runDossier(["build", TestSupport.seeds.path, "--output", parent.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("holds the dossier itself"))
        // Inside the dossier, the site's own robots.txt would be read as an article by the next build.
        let inside = try TestSupport.runDossier(["build", TestSupport.seeds.path, "--output", TestSupport.seeds.appendingPathComponent("public").path])
        #expect(inside.status == 1)
        #expect(inside.stderr.contains("is inside the dossier"))
        #expect(!FileManager.default.fileExists(atPath: TestSupport.seeds.appendingPathComponent("public").path))
        // A file where the site should go is refused and kept.
        let file = workspace.appendingPathComponent("notes.txt")
        let onFile = try TestSupport.runDossier(["build", TestSupport.seeds.path, "--output", file.path])
        #expect(onFile.status == 1)
        #expect(onFile.stderr.contains("is a file, not a folder"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        // A folder nobody can create anything in, root included: /proc.
        let unwritable = try TestSupport.runDossier(["build", TestSupport.seeds.path, "--output", "/proc/dossier-site"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("the folder /proc cannot be written to"))
        #expect(unwritable.stderr.contains("choose an --output in a folder you can write to"))
    }
}
