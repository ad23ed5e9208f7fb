import Foundation

/// Reads raw wire copy (`.txt`): a `date 2017-11` header running into the first paragraph,
/// stand-alone sub-headings, a credit line (`Avec AFP et Reuters`) and `Première publication : 13/11/2017`.
/// Nothing in it is markup: a `*` or `#` is text.
enum WireCopyReader {
    struct Result {
        var blocks: [PlainBlock]
        var date: PartialDate?
        var source: String?
    }

    static func read(_ text: String, file: SourcePath, diagnostics: inout [Diagnostic]) -> Result {
        var paragraphs = self.paragraphs(of: text)
        var headerDate: PartialDate?
        var publicationDate: PartialDate?
        var source: String?
        if let first = paragraphs.first, let header = dateHeader(first.text) {
            if let date = PartialDate(parsing: header.date) {
                headerDate = date
            } else {
                diagnostics.append(
                    .error("date-invalid", "`\(header.date)` is not a date", file: file, line: first.line,
                        suggestion: "write `date 2017-11` or `date 2017-11-13`"))
            }
            paragraphs[0].text = header.rest
            if header.rest.isEmpty { paragraphs.removeFirst() }
        }
        // The credit comes at the end, with nothing after it but other closing lines.
        let lastBodyParagraph = paragraphs.lastIndex {
            publicationLine($0.text) == nil && creditLine($0.text) == nil
        } ?? -1
        var blocks: [PlainBlock] = []
        for (position, paragraph) in paragraphs.enumerated() {
            let text = paragraph.text
            if let dateText = publicationLine(text) {
                if let date = PartialDate(parsing: dateText) {
                    publicationDate = date
                } else {
                    diagnostics.append(
                        .error("date-invalid", "`\(dateText)` is not a date", file: file, line: paragraph.line,
                            suggestion: "write `Première publication : 13/11/2017`"))
                }
                continue
            }
            if position > lastBodyParagraph, let credit = creditLine(text) {
                source = credit
                continue
            }
            if let heading = subheading(text, isFirst: position == 0) {
                blocks.append(PlainBlock(.heading, heading, line: paragraph.line))
            } else {
                blocks.append(PlainBlock(.paragraph, text, line: paragraph.line))
            }
        }
        var date = publicationDate ?? headerDate
        if let header = headerDate, let publication = publicationDate, !header.contains(publication) {
            diagnostics.append(
                .warning("date-conflict",
                    "the header says \(header.iso) but the publication line says \(publication.iso); using \(publication.iso)",
                    file: file, line: 1))
            date = publication
        }
        return Result(blocks: blocks, date: date, source: source)
    }

    /// A readable title from the opening sentence: whole when short, else cut at a comma or a word.
    static func deriveTitle(from text: String, limit: Int = 110) -> String {
        let bytes = Array(text.utf8)
        let first = SentenceSplitter.sentences(in: bytes).first.map { String(decoding: bytes[$0], as: UTF8.self) } ?? text
        var sentence =
            hasPlainSpacing(first) ? first : first.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if sentence.hasSuffix(".") { sentence.removeLast() }
        guard sentence.count > limit else { return sentence }
        let head = sentence.prefix(limit)
        if let comma = lastCommaAndSpace(in: head), head.distance(from: head.startIndex, to: comma) >= 40 {
            return String(head[..<comma])
        }
        let words = head.prefix(limit - 10)
        if let space = words.lastIndex(of: " ") { return String(words[..<space]) + " …" }
        return String(words) + " …"
    }

    /// Where the last `, ` of the text begins. Found in its bytes where ASCII stands on both sides of it (then it is
    /// two characters of their own); elsewhere by Foundation, which does not take a `, ` followed by a combining
    /// accent, and whose search of a `Substring` goes through UTF-16: 1.2% of a wire-copy build when it ran on the
    /// long opening sentence of every dispatch.
    static func lastCommaAndSpace(in text: Substring) -> Substring.Index? {
        let utf8 = text.utf8
        var index = utf8.endIndex
        while index > utf8.startIndex {
            index = utf8.index(before: index)
            guard utf8[index] == 0x2C else { continue }
            let space = utf8.index(after: index)
            guard space < utf8.endIndex, utf8[space] == 0x20 else { continue }
            let after = utf8.index(after: space)
            let cleanAfter = after == utf8.endIndex || utf8[after] < 0x80
            let cleanBefore = index == utf8.startIndex || utf8[utf8.index(before: index)] < 0x80
            return cleanAfter && cleanBefore ? index : text.range(of: ", ", options: .backwards)?.lowerBound
        }
        return nil
    }

    /// Whether the words of `text` are one space apart already, with none at its ends, and each of its characters
    /// is one scalar that no other joins: then cutting it at whitespace and joining the words with single spaces
    /// gives it back as it is. Checked on scalars, which most opening sentences pass without being cut into
    /// characters.
    static func hasPlainSpacing(_ text: String) -> Bool {
        var afterSpace = true  // a space at the start is not plain
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20:
                if afterSpace { return false }
                afterSpace = true
                continue
            // Printable ASCII; Latin-1 and Latin Extended letters and signs, below the combining accents (U+0300)
            // and without the no-break space; dashes, quotes and other general punctuation, without the spaces
            // and joiners around them.
            case 0x21...0x7E, 0xA1..<0x300, 0x2010...0x2027, 0x2030...0x205E: afterSpace = false
            default: return false
            }
        }
        return !afterSpace || text.isEmpty
    }

    // MARK: - Forms

    private struct Paragraph {
        var text: Substring
        var line: Int
    }

    /// Blank lines separate paragraphs; lines inside one are joined. A paragraph of one line, as most are, is that
    /// line of the text itself: nothing is copied.
    ///
    /// Lines are cut where their `\n` bytes are: a line feed is always a character of its own, so each cut falls
    /// between two characters, and the text is not read a character at a time (splitting it as a `String` cut
    /// 10,000 dispatches into characters, most of what reading them cost).
    private static func paragraphs(of text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: [Substring] = []
        var start = 1
        let utf8 = text.utf8
        var lineStart = 0
        for (index, lineEnd) in lineEnds(of: text).enumerated() {
            // Offsets into a native string's UTF-8 are indices at once.
            let line = trimmed(
                text[utf8.index(utf8.startIndex, offsetBy: lineStart)..<utf8.index(utf8.startIndex, offsetBy: lineEnd)])
            if line.isEmpty {
                if !current.isEmpty { result.append(Paragraph(text: joined(current), line: start)) }
                current.removeAll(keepingCapacity: true)
            } else {
                if current.isEmpty { start = index + 1 }
                current.append(line)
            }
            lineStart = lineEnd + 1
        }
        if !current.isEmpty { result.append(Paragraph(text: joined(current), line: start)) }
        return result
    }

    /// The lines of a paragraph as one text, a line break between two.
    private static func joined(_ lines: [Substring]) -> Substring {
        lines.count == 1 ? lines[0] : lines.joined(separator: "\n")[...]
    }

    /// The byte offset of each `\n` in the text, then the text's length, where its last line ends. Found with
    /// `memchr` in the text's bytes: walking the `String`'s UTF-8 view for them, a byte at a time through its
    /// indices, was 4% of a wire-copy build.
    private static func lineEnds(of text: String) -> [Int] {
        var text = text  // a string read from a file is native: lending its bytes copies nothing
        return text.withUTF8 { bytes -> [Int] in
            var ends: [Int] = []
            if let base = bytes.baseAddress {
                var offset = 0
                while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                    let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    ends.append(end)
                    offset = end + 1
                }
            }
            ends.append(bytes.count)
            return ends
        }
    }

    /// Spaces and tabs (any width, non-breaking too) cut from both ends, without Foundation's slower path.
    private static func trimmed(_ line: Substring) -> Substring {
        // Most lines open and close on printable ASCII, which is no space and begins or ends a character of its
        // own (a Unicode space never takes one into its cluster): nothing to cut, and no character to look at.
        if let first = line.utf8.first, let last = line.utf8.last, first &- 0x21 < 0x5E, last &- 0x21 < 0x5E {
            return line
        }
        func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" || character.isWhitespace }
        guard let first = line.firstIndex(where: { !isBlank($0) }), let last = line.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return line[first...last]
    }

    /// `date 2017-11 L'armée…` → (`2017-11`, `L'armée…`).
    private static func dateHeader(_ text: Substring) -> (date: String, rest: Substring)? {
        // On the first five bytes, not the whole opening paragraph lowercased: no letter outside ASCII lowercases
        // to one of `date`.
        let keyword = text.utf8.prefix(5).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        guard keyword.elementsEqual("date ".utf8) || keyword.elementsEqual("date\t".utf8) else { return nil }
        let afterKeyword = text.dropFirst(5).drop(while: { $0 == " " || $0 == "\t" })
        let date = afterKeyword.prefix(while: { !$0.isWhitespace })
        guard let firstCharacter = date.first, firstCharacter.isNumber else { return nil }
        let rest = afterKeyword.dropFirst(date.count).drop(while: { $0.isWhitespace })
        return (String(date), rest)
    }

    /// `Première publication : 13/11/2017` (a time after the date is allowed) → `13/11/2017`.
    private static func publicationLine(_ text: Substring) -> String? {
        // A paragraph that opens with an ASCII character other than `P` cannot fold to `premiere` (folding drops
        // no ASCII character): most are passed over without folding.
        guard let opening = text.utf8.first, opening >= 0x80 || opening | 0x20 == UInt8(ascii: "p") else { return nil }
        // The same for the second byte, once the first is `P`: `Plusieurs`, `Pour` and `Parallèlement` open many.
        if opening < 0x80, let second = text.utf8.dropFirst().first, second < 0x80, second | 0x20 != UInt8(ascii: "r") {
            return nil
        }
        guard text.utf8.count < 200, !text.utf8.contains(UInt8(ascii: "\n")),
            TextFolding.fold(String(text.prefix(24))).lowercased().hasPrefix("premiere publication"),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return value.split(separator: " ").first.map(String.init) ?? value
    }

    /// `Avec AFP et Reuters` → `AFP et Reuters`: a short line naming the agencies.
    private static func creditLine(_ text: Substring) -> String? {
        guard text.hasPrefix("Avec "), text.utf8.count <= 320, !text.utf8.contains(UInt8(ascii: "\n")),
            text.count <= 80, !text.hasSuffix(".")
        else { return nil }
        var credit = text.dropFirst(5)
        if credit.hasPrefix("l'") || credit.hasPrefix("l’") { credit = credit.dropFirst(2) }
        let words = credit.split(separator: " ")
        guard !words.isEmpty, words.count <= 8,
            words.allSatisfy({ $0 == "et" || $0 == "," || $0.first?.isUppercase == true })
        else { return nil }
        return String(credit)
    }

    /// `- Escalade autour de Damas -` → `Escalade autour de Damas`; `"Pas de solution militaire"` stays as is.
    private static func subheading(_ text: Substring, isFirst: Bool) -> Substring? {
        // Most paragraphs end a sentence: a last byte of `.!?:;,` after an ASCII one is a character of its own (only
        // a prepended sign, never ASCII, could join it), so the paragraph ends neither on a dash nor on a quote and
        // ends a sentence. Told on two bytes, before the checks below count its characters.
        let utf8 = text.utf8
        if let last = utf8.last, ".!?:;,".utf8.contains(last),
            utf8.count < 2 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80
        {
            return nil
        }
        guard !isFirst, text.utf8.count <= 360, !text.utf8.contains(UInt8(ascii: "\n")), text.count <= 90 else {
            return nil
        }
        let dashes: Set<Character> = ["-", "–", "—"]
        if let first = text.first, let last = text.last, dashes.contains(first), dashes.contains(last), text.count > 2 {
            let inner = text.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            return inner.isEmpty ? nil : inner[...]
        }
        let quotes: [(Character, Character)] = [("\"", "\""), ("«", "»"), ("“", "”")]
        if let first = text.first, let last = text.last,
            quotes.contains(where: { $0.0 == first && $0.1 == last }), text.count > 2,
            !text.dropFirst().dropLast().contains(where: { $0 == "\"" || $0 == "«" || $0 == "»" || $0 == "“" || $0 == "”" })
        {
            return text
        }
        let endsSentence = text.last.map { ".!?:;,…".contains($0) } ?? true
        let words = text.split(separator: " ").count
        if !endsSentence, words <= 10, text.first?.isUppercase == true { return text }
        return nil
    }
}
