/// Cuts text into the words the search index holds, exactly as `assets/search.js` cuts a query: folded
/// (lowercase, no accents), split on anything that is not a letter or a digit, French elisions dropped.
///
/// Any change here must be made in `search.js` too, or queries stop meeting the words they should.
enum SearchTokenizer {
    /// Words that French elides before an apostrophe: `l’EI` is indexed as `ei`, `qu’Assad` as `assad`.
    static let elided: Set<String> = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"]

    /// Words too common to help a search: left out of the index, and out of a query (unless being typed).
    static let stopWords: Set<String> = [
        "a", "au", "aux", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "en", "et", "il", "ils", "la", "le",
        "les", "leur", "leurs", "ne", "ou", "par", "pas", "pour", "que", "qui", "sa", "se", "ses", "son", "sur", "un",
        "une", "y",
    ]

    /// Apostrophes, straight and typographic: the characters after which an elided word is dropped.
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02B9, 0x02BC, 0x2032: return true
        default: return false
        }
    }

    /// Calls `body` with each folded word of the text, in order; elided words and stop words are skipped.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        // Bytes, not a String, while the word grows: this runs over every word of every article.
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func finish(beforeApostrophe: Bool) {
            guard !word.isEmpty else { return }
            let folded = String(decoding: word, as: UTF8.self)
            word.removeAll(keepingCapacity: true)
            if beforeApostrophe, elided.contains(folded) { return }
            if stopWords.contains(folded) { return }
            body(folded)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: word.append(UInt8(value + 0x20))
                case 0x30...0x39, 0x61...0x7A: word.append(UInt8(value))
                default: finish(beforeApostrophe: isApostrophe(scalar))
                }
                continue
            }
            if isApostrophe(scalar) {
                finish(beforeApostrophe: true)
                continue
            }
            switch TextFolding.fastClass(scalar) {
            case .word: TextFolding.appendFoldedBytes(scalar, to: &word)
            case .invisible: continue
            case .soft, .hard: finish(beforeApostrophe: false)
            }
        }
        finish(beforeApostrophe: false)
    }

    /// The folded words of a text, in order.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append($0) }
        return words
    }
}
