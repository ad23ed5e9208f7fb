import Testing

@testable import DossierCore

/// Pieces French wire copy is made of, and a few that are not (combining accents, `\r\n`, emoji, joiners).
private let pieces: [String] = [
    "Alep", "État", "islamique", "l’EI", "l'EI", "d’Alep", "qu’Assad", "jusqu'à", "Deir ez-Zor", "al-Assad", "Œuvre",
    "ÉTAT", "e\u{301}te\u{301}", "Maʿarrat", "Qaʾida", "www.osdh.org", "nom@osdh.org", "https://x.fr/a",
    "M.", "J.", "Mme.", "etc.", "3.5", "U.S.", "l'OSDH.Citant", "« Pas ici. »", "\"Non.\"", "(sic.)", "Non ?", "Oui !",
    "…", "—", "–", "-", "\u{A0}", "\u{202F}", "\u{2009}", "\n", "\r\n", "\r", "\t", " ", "  ", ",", ";", ":", "@",
    "\u{AD}", "\u{200D}", "\u{200C}", "\u{FEFF}", "👍🏽", "🇫🇷", "가나다", "İstanbul", "straße", "ŉ", "€", "‰", "’", "'",
    "Αθήνα", "Ω", "x\u{308}", "W", "ww", "WWW.", "Daech", "Idleb", "Raqqa", "a", "à", "de", "la", "lorsqu’", "presqu'",
]

private func randomText(_ generator: inout SplitMix, pieceCount: Int) -> String {
    var text = ""
    for _ in 0..<pieceCount {
        text += pieces.randomElement(using: &generator)!
        if Int.random(in: 0..<3, using: &generator) > 0 { text += " " }
    }
    return text
}

@Suite("Byte-level linking routines agree with their references")
struct LinkBytesTests {
    @Test("The excerpt read on bytes is the excerpt read on Characters")
    func excerptMatchesCharacters() {
        var texts = [
            "", " ", "Alep", "  Alep  ", String(repeating: "é", count: 400), String(repeating: "mot ", count: 100),
            String(repeating: "a", count: 219), String(repeating: "a", count: 220), String(repeating: "a", count: 221),
            String(repeating: "b", count: 299), String(repeating: "b", count: 300), String(repeating: "b", count: 301),
            String(repeating: "Alep\u{A0}", count: 80), String(repeating: "l’EI\r\n", count: 80),
            String(repeating: "x", count: 299) + "e\u{301}", String(repeating: "x", count: 300) + "\u{301}",
            String(repeating: "x ", count: 150) + "\u{301}", String(repeating: "x", count: 300) + "\r\n",
        ]
        // Every scalar the byte path accepts, and its neighbours, at the places where counting matters.
        for value in Array(0x01...0x33F) + Array(0x1FF0...0x20D0) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = String(scalar)
            for position in [0, 5, 219, 220, 299, 300] {
                texts.append(String(repeating: "é", count: position) + character + "suite")
                texts.append(String(repeating: "ab ", count: position / 3) + character + " fin")
            }
        }
        var generator = SplitMix(seed: 42)
        for _ in 0..<2000 {
            texts.append(randomText(&generator, pieceCount: Int.random(in: 0..<120, using: &generator)))
        }
        for text in texts {
            #expect(
                EntityLinker.excerpt(ofUTF8: Array(text.utf8)) == EntityLinker.excerpt(of: text),
                "\(text.debugDescription)")
        }
        #expect(EntityLinker.excerpt(ofUTF8: Array("Un texte court.".utf8)) == "Un texte court.")
    }

    @Test("Folding on bytes gives the words, folded forms and gaps of the String tokenizer")
    func foldingMatchesTokenizer() {
        var texts = [
            "L’État islamique (EI) et l'EI, d’Alep jusqu’à Œuvre — aujourd'hui", "qu’Assad lorsqu'Idleb DEIR-EZ-ZOR",
            "Maʿarrat al-Nouʿmane\u{A0}et\u{202F}Raqqa\nDaech\r\nIdleb", String(repeating: "가나다라 ", count: 500),
            String(repeating: "ŉ", count: 300) + " Alep", "e\u{301}te\u{301} x\u{308}", "", "   ", "l’ EI", "l’, EI",
        ]
        var generator = SplitMix(seed: 7)
        for _ in 0..<2000 {
            texts.append(randomText(&generator, pieceCount: Int.random(in: 0..<80, using: &generator)))
        }
        // Every ASCII character at every place of a block of eight bytes that the folding loop reads at once,
        // and runs of letters, digits and capitals of every length.
        let ascii = (1..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        texts += TestSupport.textsAround(
            ascii + ["é", "É", "’", "\u{A0}", "\u{AD}", "Ω", "👍🏽"], alphabet: "aZ09 -'.Alep’é\u{A0}\u{AD}", seed: 8)
        texts += (1..<24).flatMap { length in
            ["AbCdEfGhIjKlMnOpQrStUvWxYz", "0123456789AZaz@[`{/:"].map { String($0.prefix(length)) + " l'EI" }
        }
        var reused = FoldedText()
        for text in texts {
            let utf8 = Array(text.utf8)
            let folded = FoldedText(utf8: utf8)
            utf8.withUnsafeBufferPointer { reused.fold($0) }
            let tokens = Tokenizer.tokens(of: text)
            for result in [folded, reused] {
                #expect(result.words.count == tokens.count, "\(text.debugDescription)")
                for (word, token) in zip(result.words, tokens) {
                    #expect(Int(word.start) == token.start && Int(word.end) == token.end, "\(text.debugDescription)")
                    #expect(Array(result.bytes[word.folded]) == Array(token.key.utf8), "\(text.debugDescription)")
                    #expect(word.joinsPrevious == token.softGapBefore, "\(text.debugDescription)")
                }
                #expect(result.words.map(\.isElision) == referenceElisions(text, tokens), "\(text.debugDescription)")
                #expect(result.mayHoldAddress == referenceMayHoldAddress(text), "\(text.debugDescription)")
            }
        }
    }

    @Test("Letter cases read on bytes are those read on the span's String")
    func letterCasesMatchString() {
        let spans = [
            "EI", "Ei", "ÉTAT islamique", "l’EI", "Al-Qaïda", "AL-QAÏDA", "e\u{301}E\u{301}", "Ω", "ω", "3e", "İ", "ß",
        ]
        let patterns = spans.map { EntityMatcher.letterCases(of: $0) }
        for span in spans {
            let bytes = Array(span.utf8)
            bytes.withUnsafeBufferPointer { bytes in
                for cases in patterns {
                    #expect(
                        EntityMatcher.hasLetterCases(cases, bytes) == (EntityMatcher.letterCases(of: span) == cases),
                        "\(span)")
                }
                #expect(
                    EntityMatcher.containsUppercaseLetter(bytes)
                        == span.unicodeScalars.contains(where: TextFolding.isUppercaseLetter), "\(span)")
            }
        }
    }

    @Test("Sentences found on bytes are those of the String-level splitter, and stopping early keeps a prefix")
    func sentencesMatchReference() {
        var texts = [
            "M. Assad a parlé. Mme Dupont aussi. J. Trump est venu. etc. Puis rien.",
            "l'OSDH.Citant des sources. U.S. Army. 3.5 km. Fin?! « Non. » Suite… Alors ”Oui.” Et.\u{A0}» Encore",
            "Dr. House. DR. Who. Gen. X. Sgt. Pepper. P. 12. Ex. Un. MMES. Deux.",
        ]
        var generator = SplitMix(seed: 99)
        for _ in 0..<2000 {
            texts.append(randomText(&generator, pieceCount: Int.random(in: 0..<80, using: &generator)))
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let all = SentenceSplitter.sentences(in: bytes)
            #expect(all == ReferenceSplitter.sentences(in: bytes), "\(text.debugDescription)")
            // Visiting only the marks noted while folding finds the same sentences.
            let marks = FoldedText(utf8: bytes).sentenceMarks
            var visited: [Range<Int>] = []
            SentenceSplitter.sentences(in: bytes, marks: marks, through: .max, into: &visited)
            #expect(visited == all, "\(text.debugDescription)")
            for last in stride(from: 0, to: bytes.count, by: 7) {
                var some: [Range<Int>] = []
                SentenceSplitter.sentences(in: bytes, through: last, into: &some)
                #expect(Array(all.prefix(some.count)) == some, "\(text.debugDescription)")
                var someVisited: [Range<Int>] = []
                SentenceSplitter.sentences(in: bytes, marks: marks, through: last, into: &someVisited)
                #expect(someVisited == some, "\(text.debugDescription)")
                // Every byte up to `last` that is in a sentence is in one of those found.
                let needed = all.filter { $0.lowerBound <= last }
                #expect(some.count >= needed.count, "\(text.debugDescription)")
            }
        }
    }
}

/// Which words are elided articles, read on the text: an elidable word, then only soft separators, the
/// last of them an apostrophe, then a word.
func referenceElisions(_ text: String, _ tokens: [Token]) -> [Bool] {
    let utf8 = Array(text.utf8)
    let elidable: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    ]
    return tokens.indices.map { index in
        guard index + 1 < tokens.count, elidable.contains(tokens[index].key) else { return false }
        let gap = String(decoding: utf8[tokens[index].end..<tokens[index + 1].start], as: UTF8.self)
        var lastSoft: Unicode.Scalar?
        for scalar in gap.unicodeScalars {
            switch TextFolding.characterClass(scalar) {
            case .hard: return false
            case .soft: lastSoft = scalar
            case .word, .invisible: break
            }
        }
        guard let lastSoft else { return false }
        return ["'", "`", "\u{B4}", "\u{2018}", "\u{2019}", "\u{2BC}", "\u{2032}"].contains(lastSoft)
    }
}

/// A `:` or an `@`, or a full stop after three `w`s (letters beyond ASCII skipped).
private func referenceMayHoldAddress(_ text: String) -> Bool {
    var ws = 0
    for scalar in text.unicodeScalars where scalar.isASCII {
        if scalar == ":" || scalar == "@" || (scalar == "." && ws >= 3) { return true }
        ws = scalar == "w" || scalar == "W" ? ws + 1 : 0
    }
    return false
}

/// The sentence splitter as it was written on Strings, kept as the reference for the byte-level one.
private enum ReferenceSplitter {
    static func sentences(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var sentenceStart = 0
        var index = 0
        while index < bytes.count {
            var end = -1
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                end = index + 1
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 {
                end = index + 3
            }
            guard end > 0 else {
                index += 1
                continue
            }
            var after = end
            while after < bytes.count {
                if [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: ")")]
                    .contains(bytes[after])
                {
                    after += 1
                } else if bytes[after] == 0xC2, after + 1 < bytes.count, bytes[after + 1] == 0xBB {
                    after += 2
                } else if let guillemet = closingGuillemet(bytes, spacesFrom: after) {
                    after = guillemet
                } else if bytes[after] == 0xE2, after + 2 < bytes.count, bytes[after + 1] == 0x80,
                    bytes[after + 2] == 0x9D || bytes[after + 2] == 0x99
                {
                    after += 3
                } else {
                    break
                }
            }
            if isBoundary(bytes, markAt: index, after: after) {
                appendTrimmed(sentenceStart..<after, of: bytes, to: &ranges)
                sentenceStart = after
            }
            index = after
        }
        appendTrimmed(sentenceStart..<bytes.count, of: bytes, to: &ranges)
        return ranges
    }

    static func isBoundary(_ bytes: [UInt8], markAt mark: Int, after: Int) -> Bool {
        var next = after
        var sawSpace = false
        while next < bytes.count, isSpace(bytes, at: next) {
            next += bytes[next] == 0xC2 ? 2 : (bytes[next] == 0xE2 ? 3 : 1)
            sawSpace = true
        }
        if next >= bytes.count { return true }
        if bytes[mark] == UInt8(ascii: ".") && endsWithAbbreviation(bytes, before: mark) { return false }
        let following = scalar(in: bytes, at: next)
        let startsSentence =
            TextFolding.isUppercaseLetter(following) || following == "\"" || following == "«" || following == "“"
            || following == "-" || following == "—" || following == "–"
            || (following.value >= 0x30 && following.value <= 0x39)
        if sawSpace { return startsSentence }
        guard bytes[mark] == UInt8(ascii: "."), TextFolding.isUppercaseLetter(following) else { return false }
        let secondOffset = next + UTF8.width(following)
        guard secondOffset < bytes.count else { return false }
        return TextFolding.isLowercaseLetter(scalar(in: bytes, at: secondOffset))
    }

    static let abbreviations: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "gen", "gal", "col", "cdt", "lt", "cpt",
        "av", "apr", "env", "etc", "cf", "no", "p", "ex", "sgt",
    ]

    static func endsWithAbbreviation(_ bytes: [UInt8], before mark: Int) -> Bool {
        var start = mark
        while start > 0, isASCIILetter(bytes[start - 1]) { start -= 1 }
        let word = String(decoding: bytes[start..<mark], as: UTF8.self)
        if word.isEmpty { return false }
        if word.count == 1 && word.uppercased() == word { return true }
        return abbreviations.contains(word.lowercased()) && (start == 0 || !isASCIILetter(bytes[start - 1]))
    }

    static func closingGuillemet(_ bytes: [UInt8], spacesFrom start: Int) -> Int? {
        var index = start
        while index < bytes.count, isSpace(bytes, at: index) {
            index += bytes[index] == 0xC2 ? 2 : (bytes[index] == 0xE2 ? 3 : 1)
        }
        guard index > start, index + 1 < bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xBB else { return nil }
        return index + 2
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    static func isSpace(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { return true }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return true }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF { return true }
        return false
    }

    static func scalar(in bytes: [UInt8], at index: Int) -> Unicode.Scalar {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return " "
    }

    static func appendTrimmed(_ range: Range<Int>, of bytes: [UInt8], to ranges: inout [Range<Int>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes, at: lower) {
            lower += bytes[lower] == 0xC2 ? 2 : (bytes[lower] == 0xE2 ? 3 : 1)
        }
        while upper > lower, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[upper - 1]) { upper -= 1 }
        if lower < upper { ranges.append(lower..<upper) }
    }
}
