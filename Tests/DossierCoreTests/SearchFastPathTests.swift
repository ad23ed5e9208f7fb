import Testing

@testable import DossierCore

/// The search data's byte loops each against a plain reference written one character at a time, over many
/// generated texts.
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
        let texts = TestSupport.textsAround(
            Self.tokenizerSpecials, alphabet: "abyzABYZ09 ’'`´.-éÉèÈçÇœŒßıİ\u{AD}\u{A0}\u{301}«»Δ😀\n", seed: 0x70C3)
            + Self.tokenizerSpecials.map { $0 + " " + $0 }
        for text in texts {
            var words: [String] = []
            var utf8 = text
            utf8.withUTF8 { bytes in
                SearchTokenizer.forEachWord(inUTF8: bytes) { word in
                    words.append(String(decoding: word.bytes, as: UTF8.self))
                    #expect(word.head == SearchWord.head(of: word.bytes), "\(text.debugDescription)")
                    #expect(SearchWordTable.hash(of: word) == SearchWordTable.hash(of: word.bytes))
                }
            }
            #expect(words == Self.referenceWords(in: text), "\(text.debugDescription)")
        }
    }

    @Test("a short key is a word's head and its count, as the tokenizer tells stop words by")
    func shortKeys() {
        for word in ["", "a", "de", "jusqu", "puisqu", "abcdefg", "abcdefgh", "été"] {
            let bytes = Array(word.utf8)
            let key = SearchTokenizer.shortKey(bytes)
            let head = bytes.withUnsafeBufferPointer { SearchWord.head(of: $0) }
            #expect(key == (bytes.count <= 7 ? head | UInt64(bytes.count) << 60 : nil), "\(word)")
        }
    }
}
