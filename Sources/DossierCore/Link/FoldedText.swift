/// A text as the matcher reads it: the folded bytes of its words, laid end to end, and where each word is.
///
/// Words are stored without their separators, so that a name can be compared across a hyphen, a space or
/// an apostrophe without caring which (`Deir ez-Zor` and `Deir Ezzor` give the same bytes).
struct FoldedText {
    struct Word {
        /// Byte offsets in the original text's UTF-8.
        var start: Int
        var end: Int
        /// Byte offsets in `bytes`.
        var foldedStart: Int
        var foldedEnd: Int
        /// Only spaces, hyphens, apostrophes or line breaks separate it from the previous word.
        var joinsPrevious: Bool
        /// A French article or preposition (`à`, `de`, `la`), or an elided one (`l’`, `d’`, `qu’`): a name
        /// never starts here unless it begins with this very word, so `à Boukamal` is not `Abou Kamal`.
        var isFunctionWord: Bool
    }

    private(set) var bytes: [UInt8] = []
    private(set) var words: [Word] = []

    init(_ text: String) {
        bytes.reserveCapacity(text.utf8.count)
        var offset = 0
        var wordStart: Int?
        var foldedStart = 0
        var joins = false
        var lastSeparatorWasApostrophe = false
        var pendingElision = false

        func finish(at end: Int) {
            guard let start = wordStart else { return }
            words.append(
                Word(
                    start: start, end: end, foldedStart: foldedStart, foldedEnd: bytes.count,
                    joinsPrevious: !words.isEmpty && joins,
                    isFunctionWord: Self.isFunctionWord(bytes[foldedStart..<bytes.count])))
            pendingElision = Self.isElidable(bytes[foldedStart..<bytes.count])
            wordStart = nil
            joins = true
        }

        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            switch TextFolding.fastClass(scalar) {
            case .word:
                if wordStart == nil {
                    wordStart = offset
                    foldedStart = bytes.count
                    if pendingElision && lastSeparatorWasApostrophe, let last = words.indices.last {
                        words[last].isFunctionWord = true
                    }
                    pendingElision = false
                }
                TextFolding.appendFoldedBytes(scalar, to: &bytes)
            case .invisible:
                break
            case .soft:
                finish(at: offset)
                lastSeparatorWasApostrophe = Self.isApostrophe(scalar)
            case .hard:
                finish(at: offset)
                joins = false
                pendingElision = false
            }
            offset += width
        }
        finish(at: offset)
    }

    /// Short French words that stand alone before a name: `à Boukamal`, `de Raqqa`, `en Syrie`.
    /// Packed as integers (`packed(_:)`) so that checking a word allocates nothing.
    private static let functionWords: Set<UInt64> = Set(
        ["a", "au", "aux", "de", "des", "du", "en", "et", "la", "le", "les", "ou", "un", "une", "y", "sur", "par",
            "pour", "dans", "vers", "avec", "sans", "chez", "entre", "contre"].map { packed(Array($0.utf8)[...]) })

    private static func isFunctionWord(_ word: ArraySlice<UInt8>) -> Bool {
        word.count <= 6 && functionWords.contains(packed(word))
    }

    /// Up to 7 bytes in one integer, the length in the top byte.
    private static func packed(_ word: ArraySlice<UInt8>) -> UInt64 {
        var value = UInt64(word.count) << 56
        for (shift, byte) in word.prefix(7).enumerated() { value |= UInt64(byte) << (UInt64(shift) * 8) }
        return value
    }

    /// `l`, `d`, `qu`, `jusqu`…: the French words that lose their vowel before another.
    private static func isElidable(_ word: ArraySlice<UInt8>) -> Bool {
        switch word.count {
        case 1: return "ldjmnstc".utf8.contains(word.first!)
        case 2: return word.elementsEqual("qu".utf8)
        case 5: return word.elementsEqual("jusqu".utf8)
        case 6:
            return word.elementsEqual("lorsqu".utf8) || word.elementsEqual("puisqu".utf8)
                || word.elementsEqual("quoiqu".utf8) || word.elementsEqual("presqu".utf8)
        default: return false
        }
    }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC, 0x2032: return true
        default: return false
        }
    }
}
