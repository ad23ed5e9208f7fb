import Foundation
import Testing

@testable import DossierCore

@Suite("Linking evaluation: dossier eval against hand-marked mentions")
struct LinkingEvaluationTests {
    static let seedGold = TestSupport.fixture("seeds-gold.tsv")

    /// A copy of the seed gold with its rows changed by `edit`, in a temporary file.
    private func editedSeedGold(_ edit: (inout [String]) -> Void) throws -> URL {
        var lines = try String(contentsOf: Self.seedGold, encoding: .utf8).split(separator: "\n").map(String.init)
        edit(&lines)
        let url = try TestSupport.temporaryFolder().appendingPathComponent("gold.tsv")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("Every mention of the two real seed articles is found, and nothing else")
    func seedsArePerfect() throws {
        let evaluation = try LinkingEvaluator.evaluate(folder: TestSupport.seeds, gold: Self.seedGold)
        #expect(evaluation.diagnostics.isEmpty)
        #expect(evaluation.articles == 2)
        #expect(evaluation.overall.gold == 79)
        #expect(evaluation.overall.correct == 79)
        #expect(evaluation.misses.isEmpty)
        #expect(evaluation.falseLinks.isEmpty)
        #expect(evaluation.byKind.map(\.kind.id) == ["towns", "groups", "people", "places"])
        #expect(evaluation.byKind.map(\.score.gold).reduce(0, +) == 79)
    }

    @Test("On the French reporting corpus (37 articles, 208 entities, 1,646 marked mentions): precision ≥ 0.99, recall ≥ 0.98")
    func corpusMeetsTheBar() throws {
        let corpus = TestSupport.fixture("linking")
        let evaluation = try LinkingEvaluator.evaluate(folder: corpus, gold: corpus.appendingPathComponent("gold.tsv"))
        #expect(evaluation.diagnostics.isEmpty)
        #expect(evaluation.articles >= 30)
        #expect(evaluation.overall.gold >= 1000)
        #expect(Set(evaluation.byKind.map(\.kind.id)).isSuperset(of: ["towns", "groups", "people", "places"]))
        #expect(evaluation.overall.precision >= 0.99, "false links: \(evaluation.falseLinks.map { "\($0.file):\($0.line ?? 0) \($0.text)" })")
        #expect(evaluation.overall.recall >= 0.98, "misses: \(evaluation.misses.map { "\($0.file):\($0.line ?? 0) \($0.text)" })")
        for kind in evaluation.byKind {
            #expect(kind.score.precision >= 0.98 && kind.score.recall >= 0.98, "\(kind.kind.id): \(kind.score)")
        }
    }

    @Test("A mention inside Markdown emphasis in a list is placed on its own line, not on an earlier one")
    func markdownLines() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("dossier")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "towns:\n  douma:\n    name: Douma\ngroups:\npeople:\n"
            .write(to: folder.appendingPathComponent("entities.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Deux Douma\n---\nDeux *Douma* ici.\n\n- **Douma** : la ville.\n- la *Douma* encore\n"
            .write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let gold = folder.deletingLastPathComponent().appendingPathComponent("gold.tsv")
        try "file\tline\tentity\ttext\na.md\t4\tdouma\tDouma\na.md\t6\tdouma\tDouma\na.md\t7\tdouma\tDouma\n"
            .write(to: gold, atomically: true, encoding: .utf8)
        let evaluation = try LinkingEvaluator.evaluate(folder: folder, gold: gold)
        #expect(evaluation.misses.isEmpty)
        #expect(evaluation.falseLinks.isEmpty)
        #expect(evaluation.overall.correct == 3)
    }

    @Test("A gold row the linker cannot satisfy is a miss with file:line; an unmarked mention is a false link")
    func missesAndFalseLinks() throws {
        // Mark `Ghouta` on line 35 as Damas instead, and drop the row of `Sana` on line 17.
        let gold = try editedSeedGold { lines in
            lines = lines.map { $0.hasSuffix("\t35\tghouta-orientale\tGhouta") ? $0.replacingOccurrences(of: "ghouta-orientale", with: "damas") : $0 }
            lines.removeAll { $0.contains("\tsana\t") }
        }
        let evaluation = try LinkingEvaluator.evaluate(folder: TestSupport.seeds, gold: gold)
        #expect(evaluation.misses.map { "\($0.file):\($0.line ?? 0) \($0.entity)" } == ["000_94cd7e84aae576f1.txt:35 damas"])
        #expect(evaluation.misses.first?.context.hasPrefix("Ailleurs en Syrie") == true)
        #expect(
            evaluation.falseLinks.map { "\($0.file):\($0.line ?? 0) \($0.entity) \($0.text)" } == [
                "000_94cd7e84aae576f1.txt:17 sana Sana", "000_94cd7e84aae576f1.txt:35 ghouta-orientale Ghouta",
            ])
        #expect(evaluation.falseLinks.first?.context.hasPrefix("L'agence de presse officielle syrienne Sana") == true)
        #expect(evaluation.overall.found == 79)
        #expect(evaluation.overall.gold == 78)
        #expect(evaluation.overall.correct == 77)
        let groups = try #require(evaluation.byKind.first { $0.kind.id == "groups" })
        #expect(groups.score.found == 39)
        #expect(groups.score.correct == 38)
    }

    @Test("A mention marked on the wrong line is a miss and a false link, not a hit")
    func wrongLine() throws {
        let gold = try editedSeedGold { lines in
            lines = lines.map { $0.hasPrefix("001_eaae213581ca3af3.txt\t13\tdonald-trump") ? $0.replacingOccurrences(of: "\t13\t", with: "\t11\t") : $0 }
        }
        let evaluation = try LinkingEvaluator.evaluate(folder: TestSupport.seeds, gold: gold)
        #expect(evaluation.misses.map(\.line) == [11])
        #expect(evaluation.falseLinks.map(\.line) == [13])
    }

    @Test("Rows that name no article, no entity or no line are errors on their line of the gold file")
    func badGold() throws {
        let gold = try editedSeedGold { lines in
            lines.append("nowhere.txt\t1\tdamas\tDamas")
            lines.append("000_94cd7e84aae576f1.txt\t3\tdamascus\tDamas")
            lines.append("000_94cd7e84aae576f1.txt\tthree\tdamas\tDamas")
            lines.append("000_94cd7e84aae576f1.txt\t3\tdamas")
        }
        let count = try String(contentsOf: gold, encoding: .utf8).split(separator: "\n").count
        let evaluation = try LinkingEvaluator.evaluate(folder: TestSupport.seeds, gold: gold)
        #expect(
            evaluation.diagnostics.map { "\($0.file?.value ?? ""):\($0.line ?? 0) \($0.code)" } == [
                "gold.tsv:\(count - 3) gold-file-unknown", "gold.tsv:\(count - 2) gold-entity-unknown",
                "gold.tsv:\(count - 1) gold-row-line", "gold.tsv:\(count) gold-row-fields",
            ])
    }

    @Test("`dossier eval` prints the table and exits 1 below the bar it is given")
    func command() throws {
        let perfect = try TestSupport.runDossier(
            ["eval", TestSupport.seeds.path, Self.seedGold.path, "--min-precision", "1", "--min-recall", "1"])
        #expect(perfect.status == 0)
        #expect(perfect.stdout.contains("all           1.0000  1.0000  1.0000      79     79      79"))
        #expect(perfect.stdout.contains("Misses (0):"))

        let gold = try editedSeedGold { lines in lines.removeAll { $0.contains("\tsana\t") } }
        let below = try TestSupport.runDossier(["eval", TestSupport.seeds.path, gold.path, "--min-precision", "0.99"])
        #expect(below.status == 1)
        #expect(below.stdout.contains("False links (1):\n  000_94cd7e84aae576f1.txt:17: `Sana` → sana"))
        #expect(below.stderr.contains("below the bar: precision 0.9873"))
    }
}
