import Foundation
import Testing

@testable import DossierCore

/// A timeline split into year pages: months in date order, an article dated by its year alone in its year's
/// "month unknown", undated articles on a page of their own, each article listed once.
@Suite struct TimelineTests {
    /// 300 articles a day apart from 20 December 2018, two dated by the year 2019 alone, three undated.
    static let dossier: URL = {
        let folder = TestSupport.dossier(registry: "towns:\n  damas:\n    name: Damas\ngroups:\npeople:\n")
        func write(_ name: String, _ text: String) {
            try! text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        for (number, day) in zip(1..., TestSupport.days(from: 2018, 12, 20, count: 300)) {
            write(String(format: "%03d.txt", number), "date \(day) Dépêche numéro \(number) : frappes sur Damas.\n")
        }
        for number in 1...2 {
            write("annee-\(number).md", "---\ntitle: Bilan \(number)\ndate: 2019\n---\nUn bilan de l’année à Damas.\n")
        }
        for number in 1...3 {
            write("sans-date-\(number).md", "---\ntitle: Sans date \(number)\n---\nUne note sur Damas.\n")
        }
        return folder
    }()

    private static func items(_ html: String) -> Int {
        html.components(separatedBy: "class=\"timeline-item\"").count - 1
    }

    /// The ids of the month sections of a page, in order.
    private static func months(_ html: String) -> [String] {
        html.components(separatedBy: "<section class=\"month\" aria-labelledby=\"").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func yearsMonthsAndUndatedArticles() throws {
        let (report, output) = try TestSupport.buildToDisk(Self.dossier)
        #expect(!report.diagnostics.hasErrors)
        let overview = try TestSupport.read(output, "timeline/index.html")
        #expect(overview.contains("<a href=\"../timeline/2018/\">2018</a>"))
        #expect(overview.contains("<a href=\"../timeline/2019/#mois-2019\">2019, mois inconnu</a>"))
        #expect(overview.contains("<a href=\"../timeline/sans-date/\">Sans date</a>"))
        let year2018 = try TestSupport.read(output, "timeline/2018/index.html")
        let year2019 = try TestSupport.read(output, "timeline/2019/index.html")
        let undated = try TestSupport.read(output, "timeline/sans-date/index.html")
        // 20 to 31 December 2018; the rest of the 300 in 2019 with the two of the year alone; three undated.
        #expect([year2018, year2019, undated].map(Self.items) == [12, 290, 3])
        #expect(Self.months(year2018) == ["mois-2018-12"])
        #expect(Self.months(year2019).first == "mois-2019")
        #expect(Array(Self.months(year2019).dropFirst()) == (1...10).map { String(format: "mois-2019-%02d", $0) })
        #expect(year2019.contains("Bilan 1") && year2019.contains("Bilan 2"))
        #expect(Self.months(undated) == ["mois-sans-date"])
        #expect(undated.contains("<title>Chronologie : sans date"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("timeline/2020").path))
    }

    @Test func pagesMadeOnDemandAreTheBuildsPages() throws {
        let clean = try DossierBuilder.build(folder: Self.dossier)
        let (_, site) = try DossierBuilder.buildOnDemand(folder: Self.dossier, cache: BuildCache())
        let onDemand = try #require(site)
        let timeline = clean.files.filter { $0.path.value.hasPrefix("timeline/") }
        #expect(timeline.count == 4)
        for file in timeline {
            #expect(try onDemand.file(at: file.path.value) == file.data, "\(file.path.value)")
        }
    }
}
