import Foundation
import Testing

@testable import DossierCore

@Suite("Entity pages of a frequently named entity are split into pages")
struct EntityPaginationTests {
    /// 320 articles that all name Damas, one a day from 1 June 2018; the first names it in five sentences.
    static let dossier: URL = {
        let folder = TestSupport.dossier(
            registry: "towns:\n  damas:\n    name: Damas\n  alep:\n    name: Alep\ngroups:\npeople:\n")
        for (number, day) in zip(1..., TestSupport.days(from: 2018, 6, 1, count: 320)) {
            var text = "date \(day) Dépêche numéro \(number) : des frappes ont visé Damas, selon des témoins."
            if number == 1 {
                text += " Damas a été visée deux fois. Le calme est revenu à Damas. Alep aussi. Damas encore. Damas enfin."
            }
            let file = folder.appendingPathComponent(String(format: "%03d.txt", number))
            try! (text + "\n").write(to: file, atomically: true, encoding: .utf8)
        }
        return folder
    }()

    @Test("320 articles make seven pages of at most 50, each article listed once, in date order")
    func pages() throws {
        let (report, output) = try TestSupport.buildToDisk(Self.dossier)
        #expect(!report.diagnostics.hasErrors)
        let first = try TestSupport.read(output, "towns/damas/index.html")
        let second = try TestSupport.read(output, "towns/damas/page/2/index.html")
        let rest = try (3...7).map { try TestSupport.read(output, "towns/damas/page/\($0)/index.html") }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("towns/damas/page/8").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("towns/damas/page/1").path))
        func listed(_ html: String) -> [Int] {
            let list = html.components(separatedBy: "<ol class=\"appearance-list\"")[1].components(separatedBy: "</ol>")[0]
            return list.components(separatedBy: "Dépêche numéro ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        }
        // Titles of each appearance hold the article's number; sentences repeat it, so take distinct ones in order.
        func distinct(_ numbers: [Int]) -> [Int] { numbers.reduce(into: []) { if $0.last != $1 { $0.append($1) } } }
        let all = ([first, second] + rest).flatMap { distinct(listed($0)) }
        #expect(all == Array(1...320))
        #expect(first.contains("<ol class=\"appearance-list\" start=\"1\">"))
        #expect(rest[4].contains("<ol class=\"appearance-list\" start=\"301\">"))
        #expect(rest[4].contains("<title>Damas — page 7 sur 7"))
    }

    @Test("Each page links to the others, relative to itself, and the sitemap lists them")
    func navigation() throws {
        let (_, output) = try TestSupport.buildToDisk(Self.dossier)
        let first = try TestSupport.read(output, "towns/damas/index.html")
        let second = try TestSupport.read(output, "towns/damas/page/2/index.html")
        #expect(first.contains("<a rel=\"next\" href=\"../../towns/damas/page/2/\">"))
        #expect(first.contains("<span aria-current=\"page\">1</span>"))
        #expect(second.contains("<a rel=\"prev\" href=\"../../../../towns/damas/\">"))
        #expect(second.contains("<a rel=\"next\" href=\"../../../../towns/damas/page/3/\">"))
        #expect(second.contains("href=\"../../../../articles/"))
        #expect(second.contains("href=\"../../../../assets/style.css\""))
        let sitemap = try TestSupport.read(output, "sitemap.xml")
        #expect(sitemap.contains("towns/damas/page/7/"))
        // Alep is in one article: one page, no pagination.
        let alep = try TestSupport.read(output, "towns/alep/index.html")
        #expect(!alep.contains("class=\"pagination\""))
    }

    @Test("At most three sentences per article are shown; the rest are counted in words")
    func sentenceCap() throws {
        let (_, output) = try TestSupport.buildToDisk(Self.dossier)
        let first = try TestSupport.read(output, "towns/damas/index.html")
        let appearance = first.components(separatedBy: "<li class=\"appearance\">")[1]
        #expect(appearance.components(separatedBy: "<blockquote>").count - 1 == 3)
        #expect(appearance.contains("Et 2 autres phrases dans l’article."))
    }

    @Test("Built on every core, two builds are still byte-identical")
    func deterministic() throws {
        let one = try DossierBuilder.build(folder: Self.dossier)
        let two = try DossierBuilder.build(folder: Self.dossier)
        #expect(one.files.count > 320)
        #expect(one.files.map(\.path) == two.files.map(\.path))
        #expect(one.files.map(\.data) == two.files.map(\.data))
    }

    @Test("Above 300 articles the timeline is an overview of years and months, with a page per year")
    func timelineByYear() throws {
        let (_, output) = try TestSupport.buildToDisk(Self.dossier)
        let overview = try TestSupport.read(output, "timeline/index.html")
        #expect(!overview.contains("class=\"timeline-item\""))
        #expect(overview.contains("<a href=\"../timeline/2018/\">2018</a>"))
        #expect(overview.contains("<a href=\"../timeline/2019/#mois-2019-04\">avril 2019</a>"))
        let year2018 = try TestSupport.read(output, "timeline/2018/index.html")
        let year2019 = try TestSupport.read(output, "timeline/2019/index.html")
        let items = [year2018, year2019].map { $0.components(separatedBy: "class=\"timeline-item\"").count - 1 }
        #expect(items == [214, 106])  // 1 June to 31 December 2018, then 1 January to 16 April 2019
        #expect(year2019.contains("<title>Chronologie : 2019"))
        #expect(year2019.contains("<a href=\"../../timeline/\">Toutes les années</a>"))
        #expect(try TestSupport.read(output, "sitemap.xml").contains("timeline/2019/"))
    }
}
