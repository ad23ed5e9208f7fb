import Foundation
import Testing

@testable import DossierCore

/// The repository root: this file is `Tests/DossierCoreTests/WireCopyReaderTests.swift`.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private let seed000 = "000_94cd7e84aae576f1.txt"
private let seed001 = "001_eaae213581ca3af3.txt"

/// A seed article read from disk, as the loader hands it to the parser.
private func seedFile(_ name: String) throws -> SourceFile {
    let url = repositoryRoot.appendingPathComponent("seeds").appendingPathComponent(name)
    return SourceFile(path: SourcePath(name), data: try Data(contentsOf: url))
}

private func parse(_ file: SourceFile) -> (article: Article?, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let article = ArticleParser.parse(file, diagnostics: &diagnostics)
    return (article, diagnostics)
}

private func parse(_ text: String, path: String = "x.txt") -> (article: Article?, diagnostics: [Diagnostic]) {
    parse(SourceFile(path: SourcePath(path), data: Data(text.utf8)))
}

private func read(_ text: String) -> (result: WireCopyReader.Result, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let result = WireCopyReader.read(text, file: SourcePath("x.txt"), diagnostics: &diagnostics)
    return (result, diagnostics)
}

private func blocks(of article: Article?) -> [PlainBlock] {
    guard let article, case .plain(let blocks) = article.body else { return [] }
    return blocks
}

private func bodyHTML(of article: Article) -> String {
    EntityLinker(registry: Registry(kinds: [], entities: []), mode: .first).link(article).html
}

// MARK: - The seed articles, read from disk

@Suite("Wire copy: the seed articles")
struct WireCopySeedTests {
    @Test("Both seed files parse without any diagnostic")
    func seedsParseCleanly() throws {
        for name in [seed000, seed001] {
            let (article, diagnostics) = parse(try seedFile(name))
            #expect(article != nil, "\(name)")
            #expect(diagnostics.isEmpty, "\(name): \(diagnostics)")
        }
    }

    @Test("Seed 000: ` date 2017-11 L'armée…` gives the month 2017-11, with no invented day")
    func seed000HeaderDateIsAMonth() throws {
        let article = try #require(parse(try seedFile(seed000)).article)
        let date = try #require(article.date)
        #expect(date == PartialDate(year: 2017, month: 11))
        #expect(date.day == nil)
        #expect(date.iso == "2017-11")
    }

    @Test("Seed 000: the text after the date header is the first paragraph, without the header")
    func seed000HeaderRunsIntoFirstParagraph() throws {
        let first = try #require(blocks(of: parse(try seedFile(seed000)).article).first)
        #expect(first.kind == .paragraph)
        #expect(first.line == 1)
        #expect(first.text.hasPrefix("L'armée syrienne et ses alliés ont chassé de nouveau dimanche"))
        #expect(first.text.hasSuffix("n'ont plus que quelques poches."))
        #expect(!first.text.contains("2017"))
    }

    @Test("Seed 000: `- Escalade autour de Damas -` is a heading, and the blank lines after it make no empty block")
    func seed000Subheading() throws {
        let body = blocks(of: parse(try seedFile(seed000)).article)
        let headings = body.filter { $0.kind == .heading }
        #expect(headings.map(\.text) == ["Escalade autour de Damas"])
        let index = try #require(body.firstIndex { $0.kind == .heading })
        let next = try #require(body.dropFirst(index + 1).first)
        #expect(next.kind == .paragraph)
        #expect(next.text.hasPrefix("Ailleurs en Syrie"))
        #expect(body.allSatisfy { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
    }

    @Test("Seed 000: the last paragraph, with no newline at the end of the file, is kept")
    func seed000LastParagraph() throws {
        let last = try #require(blocks(of: parse(try seedFile(seed000)).article).last)
        #expect(last.kind == .paragraph)
        #expect(last.text == "La guerre complexe en Syrie impliquant de multiples acteurs a fait plus de 330 000 morts depuis mars 2011.")
    }

    @Test("Seed 000: the derived title is the opening sentence cut at its comma")
    func seed000Title() throws {
        let article = try #require(parse(try seedFile(seed000)).article)
        #expect(
            article.title
                == "L'armée syrienne et ses alliés ont chassé de nouveau dimanche le groupe Etat islamique (EI) de Boukamal")
    }

    @Test("Seed 001: the derived title is the opening sentence cut at its first comma")
    func seed001Title() throws {
        let article = try #require(parse(try seedFile(seed001)).article)
        #expect(article.title == "L'organisation État islamique est parvenue à reprendre la ville syrienne de Boukamal")
    }

    @Test("The seed articles' slugs are readable lowercase ASCII, at most 60 characters")
    func seedSlugs() throws {
        let first = try #require(parse(try seedFile(seed000)).article)
        let second = try #require(parse(try seedFile(seed001)).article)
        #expect(first.slug.hasPrefix("l-armee-syrienne-et-ses-allies-ont-chasse"))
        #expect(second.slug.hasPrefix("l-organisation-etat-islamique-est-parvenue"))
        for slug in [first.slug, second.slug] {
            #expect(Slug.isValid(slug), "\(slug)")
            #expect(slug.count <= 60, "\(slug)")
            #expect(!slug.contains("--"), "\(slug)")
        }
        #expect(first.url.path == "articles/\(first.slug)/")
    }

    @Test("Seed 001: `Première publication : 13/11/2017` gives the date 2017-11-13 and leaves the body")
    func seed001PublicationLine() throws {
        let article = try #require(parse(try seedFile(seed001)).article)
        #expect(article.date == PartialDate(year: 2017, month: 11, day: 13))
        #expect(!blocks(of: article).contains { $0.text.contains("Première publication") || $0.text.contains("13/11/2017") })
    }

    @Test("Seed 001: `Avec AFP et Reuters` is the source, not a paragraph")
    func seed001Credit() throws {
        let article = try #require(parse(try seedFile(seed001)).article)
        #expect(article.source == "AFP et Reuters")
        #expect(!blocks(of: article).contains { $0.text.contains("Avec AFP") })
    }

    @Test("Seed 001: `\"Pas de solution militaire\"` is a heading; the other blocks are paragraphs")
    func seed001Blocks() throws {
        let body = blocks(of: parse(try seedFile(seed001)).article)
        #expect(body.map(\.kind) == [.paragraph, .paragraph, .paragraph, .paragraph, .paragraph, .heading, .paragraph, .paragraph])
        let heading = try #require(body.first { $0.kind == .heading })
        #expect(heading.text.contains("Pas de solution militaire"))
        #expect(heading.line == 11)
        #expect(body.last?.text.hasPrefix("La déclaration commune des présidents") == true)
    }
}

// MARK: - Wire-copy forms, inline

@Suite("Wire copy: the forms, one by one")
struct WireCopyFormTests {
    @Test("A leading ` date 2017-11 ` header (with a leading space) is read and runs into the first paragraph")
    func headerWithLeadingSpace() {
        let (result, diagnostics) = read(" date 2017-11 L'armée syrienne avance.\n\nSuite du texte.")
        #expect(diagnostics.isEmpty)
        #expect(result.date == PartialDate(year: 2017, month: 11))
        #expect(result.blocks.map(\.text) == ["L'armée syrienne avance.", "Suite du texte."])
    }

    @Test("A full date in the header gives the day")
    func headerWithFullDate() {
        let (result, _) = read("date 2017-11-12 Les combats continuent.")
        #expect(result.date == PartialDate(year: 2017, month: 11, day: 12))
        #expect(result.blocks.map(\.text) == ["Les combats continuent."])
    }

    @Test("A header month and a publication day in that month give the day, with no warning")
    func headerAndPublicationAgree() {
        let (result, diagnostics) = read("date 2017-11 Texte.\n\nPremière publication : 13/11/2017")
        #expect(result.date == PartialDate(year: 2017, month: 11, day: 13))
        #expect(diagnostics.isEmpty)
        #expect(result.blocks.map(\.text) == ["Texte."])
    }

    @Test("`Première publication : 13/11/2017` with a time after it still gives 2017-11-13")
    func publicationLineWithTime() {
        let (result, _) = read("Texte.\n\nPremière publication : 13/11/2017 à 10h45")
        #expect(result.date == PartialDate(year: 2017, month: 11, day: 13))
        #expect(result.blocks.map(\.text) == ["Texte."])
    }

    @Test("`Avec AFP et Reuters` becomes the source and is not a body paragraph")
    func creditLine() {
        let (result, _) = read("Les combats continuent.\n\nAvec AFP et Reuters")
        #expect(result.source == "AFP et Reuters")
        #expect(result.blocks.map(\.text) == ["Les combats continuent."])
    }

    @Test("A sentence that starts with `Avec` stays a paragraph")
    func sentenceStartingWithAvec() {
        let (result, _) = read("Les combats continuent.\n\nAvec ce dernier revers, l'organisation recule.")
        #expect(result.source == nil)
        #expect(result.blocks.map(\.kind) == [.paragraph, .paragraph])
    }

    @Test("`- Escalade autour de Damas -` is a heading without its dashes")
    func dashedSubheading() {
        let (result, _) = read("Premier paragraphe.\n\n- Escalade autour de Damas -\n\nSuite.")
        #expect(result.blocks.map(\.kind) == [.paragraph, .heading, .paragraph])
        #expect(result.blocks[1].text == "Escalade autour de Damas")
    }

    @Test("`\"Pas de solution militaire\"` alone on its line is a heading")
    func quotedSubheading() {
        let (result, _) = read("Premier paragraphe.\n\n\"Pas de solution militaire\"\n\nSuite.")
        #expect(result.blocks.map(\.kind) == [.paragraph, .heading, .paragraph])
        #expect(result.blocks[1].text.contains("Pas de solution militaire"))
    }

    @Test("A short paragraph that ends with a full stop stays a paragraph")
    func shortSentenceIsParagraph() {
        let (result, _) = read("Premier paragraphe.\n\nLes combats continuent.\n\nSuite.")
        #expect(result.blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph])
    }

    @Test("The first paragraph is never a heading, even when short and unpunctuated")
    func firstParagraphIsNeverAHeading() {
        let (plain, _) = read("Escalade autour de Damas\n\nSuite du texte.")
        #expect(plain.blocks.first?.kind == .paragraph)
        let (dashed, _) = read("- Escalade autour de Damas -\n\nSuite du texte.")
        #expect(dashed.blocks.first?.kind == .paragraph)
        let (afterHeader, _) = read("date 2017-11 Escalade autour de Damas\n\nSuite du texte.")
        #expect(afterHeader.blocks.first?.kind == .paragraph)
    }

    @Test("Several blank lines in a row make no empty block, and lines keep their file line")
    func blankLines() {
        let (result, _) = read("Un.\n\n\n\n\nDeux.\n   \n\t\nTrois.")
        #expect(result.blocks.map(\.text) == ["Un.", "Deux.", "Trois."])
        #expect(result.blocks.map(\.line) == [1, 6, 9])
    }

    @Test("Lines are cut at line feeds only: a combining accent, non-breaking spaces and a capital header are kept as written")
    func linesCutAtLineFeeds() {
        // A line of non-breaking and thin spaces is blank; an accent combined with the letter before it stays on it.
        let text = "DATE 2017-11 Re\u{301}unis a\u{300} Gene\u{300}ve.\n\u{A0}\u{202F} \n\u{A0}Suite\u{A0}: e\u{301}te\u{301}.\u{A0}\n"
            + "\n\u{AD}Première publication : 13/11/2017"
        let (result, diagnostics) = read(text)
        #expect(diagnostics.isEmpty)
        #expect(result.blocks.map(\.text) == ["Re\u{301}unis a\u{300} Gene\u{300}ve.", "Suite\u{A0}: e\u{301}te\u{301}."])
        #expect(result.blocks.map(\.line) == [1, 3])
        #expect(result.date == PartialDate(year: 2017, month: 11, day: 13), "an invisible soft hyphen first folds away")
    }

    @Test("A sentence said to be plainly spaced is what cutting it at whitespace and joining its words gives")
    func plainSpacing() {
        // Spaces of every kind, a combining accent after a space, an Arabic sign that joins what follows it,
        // joiners, and the letters and marks of French wire copy.
        let pieces = [
            " ", " ", "  ", "\t", "\u{A0}", "\u{202F}", "\u{2009}", "\u{3000}", "\u{85}", "\u{301}", "\u{600}", "\u{200D}",
            "\u{AD}", "a", "É", "é", "œ", "L'armée", "«", "»", "—", "’", "…", "2017", "Deir", "ez-Zor", ",", ".",
        ]
        var random = SplitMix(seed: 11)
        var plain = 0
        for _ in 0..<20_000 {
            let text = (0..<random.next(8)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let joined = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if WireCopyReader.hasPlainSpacing(text) {
                plain += 1
                #expect(joined == text, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(plain > 1_000, "\(plain) plain texts")
        #expect(WireCopyReader.hasPlainSpacing("L’armée syrienne, soutenue par « ses alliés », a repris Boukamal — enfin."))
    }

    @Test("A full stop that a prepended sign joins is no sentence end: the short line is a heading")
    func joinedFullStop() {
        // U+0600 joins the character after it: the line ends on the character "\u{600}.", not on a full stop.
        let text = "Premier paragraphe.\n\nLes derniers combats\u{600}.\n\nFin du texte.\t\n\nSuite\u{A0}.\u{A0}\n"
        let (result, diagnostics) = read(text)
        #expect(diagnostics.isEmpty)
        let texts = ["Premier paragraphe.", "Les derniers combats\u{600}.", "Fin du texte.", "Suite\u{A0}."]
        #expect(result.blocks.map { String($0.text) } == texts)
        #expect(result.blocks.map(\.kind) == [.paragraph, .heading, .paragraph, .paragraph])
    }

    /// Lines of random pieces (spaces of every kind, a prepended sign, a combining accent, punctuation) read as the
    /// rules say on characters: each paragraph cut of blank characters at both ends, and a heading exactly when
    /// the sub-heading rules, written here on characters, say so. (A heading between dashes is trimmed of spaces
    /// and tabs only, so a stray carriage return inside the dashes stays: not checked here.)
    @Test("Paragraphs are trimmed, and told from headings, as the rules on characters say")
    func trimmingAndHeadingsOnCharacters() {
        let pieces = [
            " ", "\t", "\u{A0}", "\u{202F}", "\u{3000}", "\u{301}", "\u{600}", "Les", "combats", "É", "à", "Damas",
            ".", ",", ":", "!", "…", "-", "–", "\"", "«", "»", "\r",
        ]
        func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" || character.isWhitespace }
        func isHeading(_ text: String) -> Bool {
            guard text.utf8.count <= 360, text.count <= 90, let first = text.first, let last = text.last else {
                return false
            }
            let dashes: Set<Character> = ["-", "–", "—"]
            if dashes.contains(first), dashes.contains(last), text.count > 2 {
                return !text.dropFirst().dropLast().trimmingCharacters(in: .whitespaces).isEmpty
            }
            let quotes: [(Character, Character)] = [("\"", "\""), ("«", "»"), ("“", "”")]
            if quotes.contains(where: { $0.0 == first && $0.1 == last }), text.count > 2,
                !text.dropFirst().dropLast().contains(where: { "\"«»“”".contains($0) })
            {
                return true
            }
            return !".!?:;,…".contains(last) && text.split(separator: " ").count <= 10 && first.isUppercase
        }
        var random = SplitMix(seed: 23)
        var headings = 0
        for _ in 0..<3_000 {
            let lines = (0..<3).map { _ in
                (0..<random.next(7)).map { _ in pieces[random.next(pieces.count)] }.joined()
            }
            let text = "Ouverture.\n\n" + lines.joined(separator: "\n\n") + "\n"
            let (result, _) = read(text)
            for block in result.blocks.dropFirst() {
                if block.kind == .paragraph {
                    #expect(block.text.first.map(isBlank) != true, "\(block.text.debugDescription)")
                    #expect(block.text.last.map(isBlank) != true, "\(block.text.debugDescription)")
                    #expect(!isHeading(String(block.text)), "\(block.text.debugDescription)")
                } else {
                    headings += 1
                }
            }
        }
        #expect(headings > 100, "\(headings) headings")
    }

    @Test("CRLF line endings read like LF ones")
    func crlf() throws {
        let text = "date 2017-11 Premier paragraphe\r\nsur deux lignes.\r\n\r\n\r\n- Escalade autour de Damas -\r\n\r\nSuite.\r\n\r\nAvec AFP et Reuters\r\n\r\nPremière publication : 13/11/2017\r\n"
        let (article, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let body = blocks(of: article)
        #expect(body.map(\.text) == ["Premier paragraphe\nsur deux lignes.", "Escalade autour de Damas", "Suite."])
        #expect(body.map(\.line) == [1, 5, 7])
        #expect(body.map(\.kind) == [.paragraph, .heading, .paragraph])
        #expect(!body.contains { $0.text.contains("\r") })
        #expect(article?.source == "AFP et Reuters")
        #expect(article?.date == PartialDate(year: 2017, month: 11, day: 13))
    }

    @Test("`*` and `#` in a .txt are text: no emphasis, no heading in the page")
    func markdownCharactersStayText() throws {
        let article = try #require(parse("Un *vrai* texte, sans _emphase_.\n\n# Pas un titre, 5 * 3.").article)
        let html = bodyHTML(of: article)
        #expect(html.contains("*vrai*"))
        #expect(html.contains("_emphase_"))
        #expect(html.contains("# Pas un titre, 5 * 3."))
        #expect(!html.contains("<em>"))
        #expect(!html.contains("<h1"))
    }

    @Test("`date 2017-13 …` is an error `date-invalid` on line 1")
    func invalidHeaderDate() {
        let (_, diagnostics) = parse("date 2017-13 Texte.\n\nSuite.")
        let error = diagnostics.first { $0.code == "date-invalid" }
        #expect(error?.severity == .error)
        #expect(error?.line == 1)
        #expect(error?.file == SourcePath("x.txt"))
    }
}

// MARK: - Deriving a title

@Suite("Wire copy: deriving a title")
struct DeriveTitleTests {
    @Test("A short opening sentence is the title, without its full stop")
    func shortSentence() {
        #expect(WireCopyReader.deriveTitle(from: "Damas bombardée. La suite du texte.") == "Damas bombardée")
    }

    @Test("A long title never exceeds the limit and ends on a whole word")
    func longSentence() {
        let text = String(repeating: "mot ", count: 60) + "fin."
        let title = WireCopyReader.deriveTitle(from: text)
        #expect(title.count <= 110)
        #expect(title.hasSuffix("mot …"))
    }

    @Test("Line breaks inside the opening sentence become single spaces")
    func lineBreaks() {
        #expect(WireCopyReader.deriveTitle(from: "Damas\nbombardée  hier.") == "Damas bombardée hier")
    }

    @Test("A long opening sentence is cut at its last comma within the limit, if 40 characters come before it")
    func cutAtComma() {
        let text =
            "À Deir ez-Zor, l’armée syrienne et ses alliés ont repris vendredi le contrôle de la ville, "
            + "après des semaines de combats acharnés contre les jihadistes de l’État islamique."
        #expect(
            WireCopyReader.deriveTitle(from: text)
                == "À Deir ez-Zor, l’armée syrienne et ses alliés ont repris vendredi le contrôle de la ville")
    }

    @Test("The last `, ` is found where Foundation's search finds it, accents and combining marks around it too")
    func lastCommaLikeFoundation() {
        // Pieces that put ASCII, accented letters, combining accents and typographic marks on either side of a comma.
        let pieces = ["a", "é", ",", " ", ", ", "e\u{301}", "\u{301}", "’", "«\u{A0}", "ß", "\n", "Ω"]
        var generator = SystemRandomNumberGenerator()
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let slice = text.dropFirst(Int.random(in: 0...2, using: &generator))
            let expected = slice.range(of: ", ", options: .backwards)?.lowerBound
            if WireCopyReader.lastCommaAndSpace(in: slice) != expected { mismatches.append(text) }
        }
        let shown = mismatches.prefix(5).map { $0.unicodeScalars.map { String($0.value, radix: 16) } }
        #expect(mismatches.isEmpty, "\(shown)")
    }
}

// MARK: - Markdown files

@Suite("Markdown articles: front matter")
struct MarkdownFrontMatterTests {
    @Test("Front matter fields are read: title, date, source, url, authors")
    func frontMatter() throws {
        let text = """
            ---
            title: Boukamal reprise
            date: 2017-11-13
            source: AFP
            url: https://example.org/boukamal
            authors: [Jeanne Dupont, Karim Haddad]
            ---
            L'armée avance.
            """
        let (article, diagnostics) = parse(text, path: "a.md")
        #expect(diagnostics.isEmpty)
        let read = try #require(article)
        #expect(read.title == "Boukamal reprise")
        #expect(read.date == PartialDate(year: 2017, month: 11, day: 13))
        #expect(read.source == "AFP")
        #expect(read.originalURL == "https://example.org/boukamal")
        #expect(read.authors == ["Jeanne Dupont", "Karim Haddad"])
        #expect(read.slug == "boukamal-reprise")
        guard case .markdown(let body, let firstLine) = read.body else {
            Issue.record("a .md body must stay Markdown")
            return
        }
        #expect(body.contains("L'armée avance."))
        #expect(!body.contains("title:"))
        #expect(firstLine == 8)
    }

    @Test("An unclosed front matter is an error `front-matter-unclosed` on line 1")
    func unclosed() {
        let (article, diagnostics) = parse("---\ntitle: A\n\nLe texte.\n", path: "a.md")
        #expect(article == nil)
        let error = diagnostics.first { $0.code == "front-matter-unclosed" }
        #expect(error?.severity == .error)
        #expect(error?.line == 1)
    }

    @Test("Invalid YAML on the third line of the file is reported on line 3")
    func badYAMLLine() {
        let text = "---\ndate: 2017-11-13\ntitle: L'EI: la chute\n---\nTexte.\n"
        let (article, diagnostics) = parse(text, path: "a.md")
        #expect(article == nil)
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.code == "yaml-invalid")
        #expect(error?.line == 3)
        #expect(error?.file == SourcePath("a.md"))
    }

    @Test("An invalid front-matter date is an error on its own line")
    func badDateLine() {
        let (_, diagnostics) = parse("---\ntitle: A\ndate: 2017-02-30\n---\nTexte.\n", path: "a.md")
        let error = diagnostics.first { $0.code == "date-invalid" }
        #expect(error?.severity == .error)
        #expect(error?.line == 3)
    }

    @Test("`url: javascript:alert(1)` is dropped with a warning")
    func unsafeURL() throws {
        let (article, diagnostics) = parse("---\ntitle: A\nurl: javascript:alert(1)\n---\nTexte.\n", path: "a.md")
        let read = try #require(article)
        #expect(read.originalURL == nil)
        let warning = diagnostics.first { $0.code == "url-unsafe" }
        #expect(warning?.severity == .warning)
        #expect(warning?.line == 3)
        #expect(!diagnostics.hasErrors)
    }

    @Test("A Latin-1 file is read as Latin-1 with a warning that names its encoding, never as mojibake")
    func latin1() throws {
        // `Alep été` in Latin-1: é is the single byte 0xE9.
        let data = Data([0x41, 0x6C, 0x65, 0x70, 0x20, 0xE9, 0x74, 0xE9, 0x2E])
        var diagnostics: [Diagnostic] = []
        let article = try #require(
            ArticleParser.parse(SourceFile(path: SourcePath("x.txt"), data: data), diagnostics: &diagnostics))
        #expect(article.title == "Alep été")
        let warning = try #require(diagnostics.first { $0.code == "encoding-legacy" })
        #expect(warning.severity == .warning)
        #expect(warning.line == 1 && warning.column == 6)
        #expect(warning.message.contains("Latin-1"))
        #expect(warning.suggestion?.contains("iconv -f ISO-8859-1 -t UTF-8 x.txt") == true)
    }

    @Test("Windows-1252 quotes and dashes are read as the marks they are; an undefined byte is an error")
    func windows1252() throws {
        // `L’EI — « Raqqa »` in Windows-1252: ’ is 0x92, — is 0x97, « and » are 0xAB and 0xBB, the spaces 0xA0.
        let data = Data([0x4C, 0x92, 0x45, 0x49, 0x20, 0x97, 0x20, 0xAB, 0xA0, 0x52, 0x61, 0x71, 0x71, 0x61, 0xA0, 0xBB])
        #expect(ArticleParser.text(of: data) == "L\u{2019}EI \u{2014} \u{AB}\u{A0}Raqqa\u{A0}\u{BB}")
        guard case .text(_, let legacy?) = SourceText.decode(data) else {
            Issue.record("not recognised as Windows-1252")
            return
        }
        #expect(legacy.encoding == .windows1252 && legacy.line == 1 && legacy.column == 2)
        // 0x81 means nothing in Windows-1252: better an error than a guess.
        guard case .unknown = SourceText.decode(Data([0x41, 0x81, 0x42])) else {
            Issue.record("an undefined Windows-1252 byte was decoded")
            return
        }
    }

    @Test("A Markdown file without front matter takes its title from a leading `# ` heading")
    func titleFromHeading() throws {
        let article = try #require(parse("# Raqqa tombe\n\nLe texte.\n", path: "b.md").article)
        #expect(article.title == "Raqqa tombe")
        #expect(article.slug == "raqqa-tombe")
    }
}

@Suite("Wire copy: closing lines are closing lines")
struct WireCopyClosingLineTests {
    @Test("A line `Avec …` in the middle of the text is a sub-heading, not the credit")
    func creditOnlyAtTheEnd() {
        var diagnostics: [Diagnostic] = []
        let text = "Premier paragraphe, long et terminé.\n\nAvec Moscou et Téhéran\n\nSuite du texte.\n\nAvec AFP\n"
        let result = WireCopyReader.read(text, file: SourcePath("a.txt"), diagnostics: &diagnostics)
        #expect(result.source == "AFP")
        #expect(result.blocks.map(\.text) == ["Premier paragraphe, long et terminé.", "Avec Moscou et Téhéran", "Suite du texte."])
        #expect(result.blocks[1].kind == .heading)
    }
}

@Suite("Dates with a time")
struct PartialDateTimeTests {
    @Test("A time after a space or a T is ignored; a lone T is not a date", arguments: ["2017-11-13 10:30", "2017-11-13T10:30:00Z"])
    func timeIgnored(text: String) {
        #expect(PartialDate(parsing: text)?.iso == "2017-11-13")
    }

    @Test("`T2017` is not a date")
    func loneT() {
        #expect(PartialDate(parsing: "T2017") == nil)
    }
}
