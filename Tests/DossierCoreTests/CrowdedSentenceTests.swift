import Foundation
import Testing

@testable import DossierCore

@Suite("A sentence that lists hundreds of names: quoted around each name, company counted among the most named")
struct CrowdedSentenceTests {
    /// 300 registered people named in one sentence (a list of victims), then Alep and Homs, named more often.
    static let dossier: URL = {
        let folder = try! TestSupport.temporaryFolder().appendingPathComponent("dossier")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let people = (1...300).map { "  victime-\($0):\n    name: Victime Numéro\(spelled($0))" }
        try! ("towns:\n  alep:\n    name: Alep\n  homs:\n    name: Homs\ngroups:\npeople:\n" + people.joined(separator: "\n"))
            .write(to: folder.appendingPathComponent("entities.yml"), atomically: true, encoding: .utf8)
        let names = (1...300).map { "Victime Numéro\(spelled($0))" }.joined(separator: ", ")
        let text = "date 2018-03 À Alep, la liste des morts compte \(names), tous tués près de Homs.\n\n"
            + "Alep et Homs ont été bombardées. Alep pleure ses morts, Homs aussi.\n"
        try! text.write(to: folder.appendingPathComponent("liste.txt"), atomically: true, encoding: .utf8)
        return folder
    }()

    /// Distinct one-word suffixes that no other name contains (`Un`, `Deux`… would collide as prefixes).
    private static func spelled(_ number: Int) -> String {
        let letters = Array("bcdfghjklmnpqrstvz")
        var word = ""
        var rest = number
        repeat {
            word.append(letters[rest % letters.count])
            rest /= letters.count
        } while rest > 0
        return "ba" + word + "o"
    }

    @Test("a person's page quotes the list only around their name, between ellipses")
    func quoteWindow() throws {
        let (report, output) = try TestSupport.buildToDisk(Self.dossier)
        #expect(!report.diagnostics.hasErrors)
        let page = try TestSupport.read(output, "people/victime-150/index.html")
        let name = "Victime Numéro\(Self.spelled(150))"
        #expect(page.contains("<mark>\(name)</mark>"))
        #expect(page.contains("… "))
        // Names a hundred places away on either side are not quoted (the title and excerpt hold the first few).
        #expect(!page.contains("Victime Numéro\(Self.spelled(50))"))
        #expect(!page.contains("Victime Numéro\(Self.spelled(250))"))
        #expect(page.contains("Victime Numéro\(Self.spelled(145)), "))
        #expect(!page.contains("tous tués près de"))
        // A short sentence is quoted whole.
        let alep = try TestSupport.read(output, "towns/alep/index.html")
        #expect(alep.contains("<mark>Alep</mark> pleure ses morts, Homs aussi."))
    }

    @Test("mentions marked in a quote whatever order they come in; one past the sentence's end is left out")
    func highlightOrder() {
        let sentence = Array("Alep & Homs, puis Idleb.".utf8)
        func quote(_ ranges: [Range<Int>]) -> String {
            let html = sentence.withUnsafeBufferPointer { PageViews.highlight($0, ranges: ranges) }
            return String(decoding: html, as: UTF8.self)
        }
        let expected = "<mark>Alep</mark> &amp; <mark>Homs</mark>, puis <mark>Idleb</mark>."
        #expect(quote([0..<4, 7..<11, 18..<23]) == expected)
        #expect(quote([18..<23, 0..<4, 7..<11]) == expected)
        #expect(quote([7..<11, 0..<4, 18..<23, 20..<40]) == expected)
        #expect(quote([]) == "Alep &amp; Homs, puis Idleb.")
    }

    @Test("in a crowded article, company is counted among the entities it names most")
    func companions() throws {
        let (_, output) = try TestSupport.buildToDisk(Self.dossier)
        let page = try TestSupport.read(output, "people/victime-150/index.html")
        let company = try #require(page.range(of: "Souvent cité avec")).upperBound
        let section = page[company...].prefix(4_000)
        #expect(section.contains("towns/alep/"))
        #expect(section.contains("towns/homs/"))
    }
}
