import Testing

@testable import DossierCore

/// The search data's byte loops (the tokenizer, the plain text of a body, the opening kept for a snippet) each
/// against a plain reference written one character at a time, over many generated texts.
@Suite("Search: fast paths against their plain references")
struct SearchFastPathTests {
    /// Words, separators and traps for the tokenizer: elisions with both apostrophes, stop words, capitals with
    /// and without accents, ligatures, invisible and non-breaking characters, long words, digits, beyond Latin.
    static let tokenizerSpecials = [
        "l’EI", "L'État", "qu’Assad", "jusqu`à", "lorsqu´Idleb", "d′Alep", "DEIR-EZ-ZOR", "Œuvre", "ÉTAT", "les", "LES",
        "Le", "à", "y", "a\u{AD}b", "\u{AD}", "x\u{200D}y", "Maʿarrat", "l\u{A0}EI", "anticonstitutionnellement",
        "ANTICONSTITUTIONNELLEMENT", "abcdefgh", "abcdefg", "2017", "n°3", "ß", "ı", "İstanbul", "e\u{301}", "\u{301}",
        "Δαμασκός", "دمشق", "東京", "😀", "a😀b", "c'", "qu'", "s’", "j’y", "aujourd’hui", "«Alep»", "x", "un",
    ]

    /// The tokenizer as `search.js` reads: one scalar at a time, classed and folded by `TextFolding`.
    static func referenceWords(in text: String) -> [String] {
        var words: [String] = []
        var word = ""
        func finish(beforeApostrophe: Bool) {
            defer { word = "" }
            guard !word.isEmpty else { return }
            if beforeApostrophe && SearchTokenizer.elided.contains(word) { return }
            if SearchTokenizer.stopWords.contains(word) { return }
            words.append(word)
        }
        for scalar in text.unicodeScalars {
            if SearchTokenizer.isApostrophe(scalar) {
                finish(beforeApostrophe: true)
                continue
            }
            switch TextFolding.characterClass(scalar) {
            case .word: TextFolding.appendFolded(scalar, to: &word)
            case .invisible: continue
            case .soft, .hard: finish(beforeApostrophe: false)
            }
        }
        finish(beforeApostrophe: false)
        return words
    }

    @Test("the tokenizer hands the words of the reference, each with the head and hash of its bytes")
    func tokenizerMatchesReference() {
        let texts =
            TestSupport.textsAround(
                Self.tokenizerSpecials, alphabet: "abyzABYZ09 ’'`´.-éÉèÈçÇœŒßıİ\u{AD}\u{A0}\u{301}«»Δ😀\n", seed: 0x70C3)
            + Self.tokenizerSpecials.map { $0 + " " + $0 }
        for text in texts {
            var words: [String] = []
            var utf8 = text
            utf8.withUTF8 { bytes in
                SearchTokenizer.forEachWord(inUTF8: bytes) { word in
                    words.append(String(decoding: word.bytes, as: UTF8.self))
                    #expect(word.head == ByteLanes.head(of: word.bytes), "\(text.debugDescription)")
                    #expect(SearchWordTable.hash(of: word) == SearchWordTable.hash(of: word.bytes))
                }
            }
            #expect(words == Self.referenceWords(in: text), "\(text.debugDescription)")
        }
    }

    @Test("eight bytes classed at once as plain or not, lane by lane, as one byte at a time: every byte in every lane")
    func plainLanes() {
        var random = SplitMix(seed: 0x8B)
        var wrong: [UInt64] = []
        for _ in 0..<200 {
            let background = random.next()
            for lane in 0..<8 {
                for byte in 0...255 {
                    let shift = UInt64(8 * lane)
                    let eight = background & ~(0xFF << shift) | UInt64(byte) << shift
                    var expected: UInt64 = 0
                    for position in 0..<8 {
                        let shift = UInt64(8 * position)
                        if !SearchTokenizer.isPlain(UInt8(truncatingIfNeeded: eight >> shift)) {
                            expected |= 0x80 << shift
                        }
                    }
                    if SearchTokenizer.notPlain(eight) != expected { wrong.append(eight) }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { String($0, radix: 16) })")
    }

    @Test("a short key is a word's head and its count, as the tokenizer tells stop words by")
    func shortKeys() {
        for word in ["", "a", "de", "jusqu", "puisqu", "abcdefg", "abcdefgh", "été"] {
            let bytes = Array(word.utf8)
            let key = SearchTokenizer.shortKey(bytes)
            let head = bytes.withUnsafeBufferPointer { ByteLanes.head(of: $0) }
            #expect(key == (bytes.count <= 7 ? head | UInt64(bytes.count) << 60 : nil), "\(word)")
        }
    }

    /// HTML for the plain text: entities known, unknown, numeric in every form, cut short; tags inline and not.
    static let htmlSpecials = [
        "&#39;", "&#039;", "&#x27;", "&#X27;", "&#+39;", "&#-0;", "&#;", "&#x;", "&#0;", "&#55296;", "&#1114111;",
        "&#1114112;", "&#999999999;", "&#1234567890;", "&#x1F600;", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;",
        "&nbsp;", "&AMP;", "&bogus;", "&amp", "& ;", "&#39", "<p>", "</p>", "<em>", "</em>", "<a href=\"x\">", "<br/>",
        "<H2>", "<", ">", "\n", "\t", "  ",
    ]

    /// The plain text as it was read with a `String` for each entity and Swift's integer parsing.
    static func referenceEntity(_ name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default: break
        }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }

    /// The entity at `index` (a `&`) decoded as it was, with a `String` for its name, and where it ends.
    static func referenceEntity(in bytes: [UInt8], at index: Int) -> (decoded: String, end: Int)? {
        var end = index + 1
        while end < min(bytes.count, index + 12), bytes[end] != 0x3B { end += 1 }
        guard end < bytes.count, bytes[end] == 0x3B else { return nil }
        return referenceEntity(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)[...]).map { ($0, end) }
    }

    /// The entities of a text without tags or white space decoded as they were.
    static func referenceDecoded(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x26, let (decoded, end) = referenceEntity(in: bytes, at: index) {
                output += decoded.utf8
                index = end + 1
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return output
    }

    @Test("entities of a body decode as Swift's parsing of each name did, the digits read on bytes included")
    func entitiesMatchReference() {
        for special in Self.htmlSpecials where special.hasPrefix("&") && special.hasSuffix(";") {
            let expected = Self.referenceEntity(special.dropFirst().dropLast()) ?? special
            #expect(SearchScript.plainText(fromHTML: "<p>x" + special + "y</p>") == "x" + expected + "y", "\(special)")
        }
        let entities = Self.htmlSpecials.filter { !$0.contains(where: { " <>\n\t".contains($0) }) }
        for text in TestSupport.textsAround(entities, alphabet: "ab&#;xX3910é’", seed: 0xE7) {
            #expect(SearchScript.plainUTF8(fromHTML: text) == Self.referenceDecoded(text), "\(text.debugDescription)")
        }
    }

    /// The plain text one byte at a time: a tag is dropped (one that is not inline leaves a space), white space
    /// leaves a space, a space is written only before more text, entities are decoded.
    static func referencePlainText(_ html: String) -> [UInt8] {
        let inline: Set<String> = [
            "a", "abbr", "b", "code", "del", "em", "i", "mark", "s", "small", "span", "strong", "sub", "sup", "u",
        ]
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3C {
                let close = bytes[(index + 1)...].firstIndex(of: 0x3E) ?? bytes.count
                var start = index + 1
                if start < close, bytes[start] == 0x2F { start += 1 }
                let name = bytes[start..<close].prefix {
                    $0 < 0x80 && Character(Unicode.Scalar($0)).isLetter || $0 &- 0x30 < 10
                }
                if !inline.contains(String(decoding: name, as: UTF8.self).lowercased()) {
                    pendingSpace = !output.isEmpty
                }
                index = close + 1
                continue
            }
            if [0x20, 0x09, 0x0A, 0x0D].contains(byte) {
                pendingSpace = !output.isEmpty
                index += 1
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            if byte == 0x26, let (decoded, end) = referenceEntity(in: bytes, at: index) {
                output += decoded.utf8
                index = end + 1
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    @Test("the plain text of HTML is the reference's: runs of text copied eight bytes at a time stop where it stops")
    func plainTextMatchesReference() {
        let specials = [
            "<p>", "</p>", "<em>", "</EM>", "<a href=\"x\">", "<br/>", "<H2>", "<strongest>", "< p>", "<>", "</>",
            "  ", " \n", "\n", "\t", "\r\n", " <em>", " <p>", "&amp;", " &amp; ", "&#39;", "&nbsp;", "&bogus;", "a b",
            "é ", " é", "<", ">", "&",
        ]
        var texts = TestSupport.textsAround(specials, alphabet: "ab <>&;/\n\té’#3pm", seed: 0x9A1)
        // Longer texts, so that runs pass whole blocks of eight bytes before they stop.
        var random = SplitMix(seed: 0x9A2)
        for _ in 0..<1_000 {
            texts.append((0..<6).map { _ in texts[random.next(texts.count)] }.joined(separator: "une phrase claire "))
        }
        for text in texts {
            #expect(SearchScript.plainUTF8(fromHTML: text) == Self.referencePlainText(text), "\(text.debugDescription)")
        }
    }

    /// The opening as it was cut, on a `String`'s scalars.
    static func referenceOpening(of text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > SearchIndexWriter.snippetLength else { return text }
        let head = scalars[..<SearchIndexWriter.snippetLength]
        let cut = head.lastIndex(of: " ") ?? head.endIndex
        return String(String.UnicodeScalarView(head[..<cut])) + " …"
    }

    @Test("the opening kept for a snippet is cut where the reference cuts, around the limit and across characters")
    func openingMatchesReference() {
        let pieces = ["a", "é", "’", " ", "😀", "ab ", "\u{301}", "東"]
        var random = SplitMix(seed: 0x5A1)
        let limit = SearchIndexWriter.snippetLength
        for round in 0..<300 {
            // Lengths in characters from just under to just over the limit, and a few far from it.
            let length = round < 250 ? limit - 12 + round % 25 : random.next(3 * limit)
            var text = ""
            var count = 0
            while count < length {
                let piece = pieces[random.next(round % 3 == 0 ? 2 : pieces.count)]
                text += piece
                count += piece.unicodeScalars.count
            }
            let opening = SearchDocuments.opening(of: Array(text.utf8))
            #expect(String(decoding: opening, as: UTF8.self) == Self.referenceOpening(of: text), "round \(round)")
        }
    }
}
