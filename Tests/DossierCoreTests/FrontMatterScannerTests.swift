import Foundation
import Testing

@testable import DossierCore

/// The hand reader of front matter must give exactly what Yams gives, or leave the text to Yams.
@Suite("Front-matter scanner")
struct FrontMatterScannerTests {
    /// The hand reading, when there is one, against Yams's; and how many texts the hand reader took.
    @discardableResult
    static func compare(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let hand = FrontMatterScanner.scan(yaml) else { return false }
        var diagnostics: [Diagnostic] = []
        let reference = FrontMatterReader.readWithYams(yaml, file: SourcePath("a.md"), diagnostics: &diagnostics)
        #expect(reference == .entries(hand), "\(yaml.debugDescription)", sourceLocation: sourceLocation)
        #expect(diagnostics.isEmpty, "\(yaml.debugDescription)", sourceLocation: sourceLocation)
        return true
    }

    @Test("the shapes articles use are read by hand, as Yams reads them")
    func commonShapes() throws {
        let shapes = [
            "title: Syrie, reportage\ndate: 2017-10-30\nsource: AFP",
            "title: \"Syrie : reportage dans les ruines d'Alep\"\ndate: 2017-10-30\nsource: \"AFP\"",
            "title: 'L''armée reprend Boukamal'  # a comment\ndraft: yes",
            "authors: [Jeanne Martin, \"Karim Haddad\", 'Léa']\ndraft: Off",
            "authors:\n- Jeanne Martin\n- 'Karim'\n\n# comment\ntitle: x",
            "authors:\n  - Jeanne Martin\n  -\n  - \"Karim\"  # c\nslug: a-b",
            "# leading comment\n\ntitle: x #y\nurl: https://example.org/a?b=c#frag\nempty:\nlast: ~",
            "title: a [b] c, {d}\nauthors: []\nother: [ ]\ncount: 12:30\nyes: no\nnull: null",
            "draft: TRUE\nx: \"true\"\ny: 'no'\nz: On\nw: y",
        ]
        for shape in shapes {
            #expect(Self.compare(shape), "not read by hand: \(shape.debugDescription)")
        }
    }

    @Test("shapes the hand reader does not know go to Yams, with Yams's diagnostics")
    func leftToYams() {
        let others = [
            "title: &a x\nsource: *a", "title: !!str yes", "title: |\n  block", "title: >\n  folded",
            "title: \"esc\\\"aped\"", "title: \"multi\n  line\"", "title: plain\n  continued", "meta:\n  nested: map",
            "title: a\ntitle: b", "- a\n- b", "title: a: b", "title: x:", "\ttitle: tab", "  title: indented",
            "authors: [a, ]", "authors: [a,\n b]", "authors: [a: b]", "title: -5", "title: \u{2028}x", "title: \u{85}",
            "# only a comment", "\"title\": x", "title : x", "title:x", "- title: x", "title: `x`", "title: @x",
            "authors:\n- a\n  - b", "authors:\n  - a\n- b", "authors:\n- [a]", "authors:\n- a: b",
        ]
        for other in others {
            #expect(FrontMatterScanner.scan(other) == nil, "read by hand: \(other.debugDescription)")
        }
        var diagnostics: [Diagnostic] = []
        #expect(
            FrontMatterReader.read("title: a\ntitle: b", file: SourcePath("a.md"), diagnostics: &diagnostics) == .nothing)
        #expect(diagnostics.map(\.code) == ["yaml-duplicate-key"])
    }

    @Test("the fixtures' and the seeds' front matters read the same by hand and through Yams")
    func fixtures() throws {
        var taken = 0
        for folder in [TestSupport.fixtures, TestSupport.seeds] {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard ["md", "yml"].contains(url.pathExtension), let data = FileManager.default.contents(atPath: url.path),
                    let text = ArticleParser.text(of: data)
                else { continue }
                var diagnostics: [Diagnostic] = []
                let yaml =
                    url.pathExtension == "yml"
                    ? text : FrontMatterSplitter.split(text, file: SourcePath("a.md"), diagnostics: &diagnostics).yaml
                if let yaml, Self.compare(yaml) { taken += 1 }
            }
        }
        #expect(taken > 10)
    }

    @Test("a value is trimmed of white space as Foundation trims it")
    func trimming() {
        for text in ["a", " a", "a ", "\u{A0}a", "a\u{2028}", "\u{3000}a\u{3000}", "", " ", "é", "a\u{301}", "\ta\n", "\u{7F}", "a\u{85}"] {
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(FrontMatterEntry.Value.scalar(text: text, plain: false, flag: nil).text == expected)
            #expect(FrontMatterEntry.Value.scalar(text: text, plain: true, flag: nil).text == (expected.isEmpty ? nil : expected))
        }
    }

    @Test("generated front matters, tricky values included, read the same by hand and through Yams")
    func generated() {
        var random = SplitMix(seed: 0x5EED)
        var taken = 0
        let count = 20_000
        for _ in 0..<count {
            if Self.compare(Self.frontMatter(&random)) { taken += 1 }
        }
        // The generator mixes common and hostile lines: a good share must be read by hand, and not all.
        #expect(taken > count / 10)
        #expect(taken < count)
    }

    static let keys = [
        "title", "date", "source", "url", "authors", "author", "slug", "draft", "titre", "x", "yes", "null", "1",
        "a_b", "a-b", "Tags", "on",
    ]
    static let scalars = [
        "Syrie : reportage", "plain text", "yes", "No", "ON", "off", "True", "y", "~", "null", "Null", "2017-11-13",
        "2017-02-29", "12:30", "0x1F", ".nan", "-.inf", "1e3", "+12", "a: b", "a:b", "http://x.org/a#b", "C# x",
        "a #c", "a#c", "\"quoted\"", "\"\"", "''", "'it''s'", "'a''", "\"with \\\\ escape\"", "\"unclosed",
        "'unclosed", "\"a\" b", "\"a\"#b", "\"a\" # c", "[a, b]", "[]", "[ ]", "[ \"a\" , 'b' ]", "[a,]", "[a: b]",
        "[a, [b]]", "[a # c]", "[a] x", "[\"a\", b, 'c''d', yes, ~]", "&anchor x", "*alias", "!!str yes", "!x y",
        "|", ">", "- x", "-5", "-", "?x", "? x", ":x", "", "   ", "é à œ", "\u{A0}nbsp\u{A0}", "l’EI", "\u{2028}",
        "\u{85}", "\u{FEFF}x", "\u{FFFE}", "\t", "a\tb", "%x", "@x", "`x`", "{a: b}", "a, b", "a [b]", "a{b}",
        "x:", "x :", "x  ", "a  #  b", "\u{1F600}", "\u{7F}", "\u{9F}", "\\n", "'a\\'", "\"a'b\"", "'a\"b'",
    ]

    static func frontMatter(_ random: inout SplitMix) -> String {
        var lines: [String] = []
        for _ in 0..<random.next(6) + 1 {
            let key = keys.randomElement(using: &random)!
            switch random.next(10) {
            case 0: lines.append(["# comment", "", "   ", "  # indented", "#", "  continued", "  sub: map"].randomElement(using: &random)!)
            case 1, 2:
                lines.append("\(key):" + (random.next(3) == 0 ? " # c" : ""))
                let indent = ["", "  ", " "].randomElement(using: &random)!
                for _ in 0..<random.next(4) {
                    let item = scalars.randomElement(using: &random)!
                    lines.append(indent + "-" + (item.isEmpty ? "" : " " + item))
                    if random.next(12) == 0 { lines.append(["", "# c", "  # c"].randomElement(using: &random)!) }
                }
            case 3:
                let items = (0..<random.next(4)).map { _ in scalars.randomElement(using: &random)! }
                let separator = [", ", ",", " , "].randomElement(using: &random)!
                lines.append("\(key): [\(items.joined(separator: separator))]")
            default:
                let spaces = ["", " ", "  "].randomElement(using: &random)!
                lines.append("\(key):\(spaces)\(scalars.randomElement(using: &random)!)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
