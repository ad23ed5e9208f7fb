import Foundation
import Testing

@testable import DossierCore

/// Inputs that `make fuzz` found breaking a component (`Fixtures/fuzz/<target>/`), replayed through it on every
/// `swift test` with the checks the fuzz target makes, plus what a reader of the page sees.
@Suite struct FuzzRegressionTests {
    private static let linkingRegistry: Registry = {
        let url = TestSupport.fixture("linking").appendingPathComponent("entities.yml")
        var diagnostics: [Diagnostic] = []
        return RegistryLoader.load(try? String(contentsOf: url, encoding: .utf8), diagnostics: &diagnostics)
    }()

    private static func inputs(of target: String) -> [URL] {
        let folder = TestSupport.fixture("fuzz").appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    private static func link(_ url: URL, mode: DossierConfig.LinkMode) throws -> LinkedArticle {
        // As the fuzz target feeds it: the bytes as text, NULs and all (a build refuses such a file before linking).
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let article = Article(file: SourcePath(url.lastPathComponent), slug: "a", title: "A", body: .markdown(text[...], firstLine: 1))
        return EntityLinker(registry: linkingRegistry, mode: mode).link(article)
    }

    @Test("the linker's fuzz findings: every linked mention is a link on the page, inside its sentence",
        arguments: inputs(of: "FuzzLinker").map(\.lastPathComponent))
    func linkerFindings(_ name: String) throws {
        let url = TestSupport.fixture("fuzz").appendingPathComponent("FuzzLinker").appendingPathComponent(name)
        for mode in DossierConfig.LinkMode.allCases {
            let linked = try Self.link(url, mode: mode)
            let linkedMentions = linked.mentions.filter(\.linked).count
            #expect(linkedMentions > 0, "\(name) should hold mentions the linker links")
            // The fuzzer found names linked in table cells vanish from the page (and their nodes leak).
            #expect(linked.html.components(separatedBy: "<a ").count - 1 == linkedMentions)
            for mention in linked.mentions {
                let sentence = try #require(linked.sentences.indices.contains(mention.sentence) ? linked.sentences[mention.sentence] : nil)
                #expect(mention.range.lowerBound >= 0 && mention.range.upperBound <= sentence.utf8.count)
            }
        }
    }

    @Test("a name in a table cell stays on the page, as a link to its entity")
    func tableCell() throws {
        let url = TestSupport.fixture("fuzz").appendingPathComponent("FuzzLinker/table-cells.md")
        let html = try Self.link(url, mode: .first).html
        #expect(html.contains(#"<td><a href="../../towns/raqqa/">Raqqa</a></td>"#))
        #expect(html.contains(#"<td><a href="../../groups/etat-islamique/">EI</a></td>"#))
        #expect(html.contains(#"<td><a href="../../towns/alep/">Alep</a></td>"#))
    }
}
