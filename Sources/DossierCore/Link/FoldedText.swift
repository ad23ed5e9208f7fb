/// A text as the matcher reads it: the folded bytes of its words, laid end to end, and where each word is.
///
/// Words are stored without their separators, so that a name can be compared across a hyphen, a space or
/// an apostrophe without caring which (`Deir ez-Zor` and `Deir Ezzor` give the same bytes).
struct FoldedText {
    /// Kept small (32-bit offsets): a text has a word every few bytes, and every article is scanned.
    struct Word {
        /// Byte offsets in the original text's UTF-8.
        var start: Int32
        var end: Int32
        /// Byte offsets in `bytes`.
        var foldedStart: Int32
        var foldedEnd: Int32
        /// Only spaces, hyphens, apostrophes or line breaks separate it from the previous word.
        var joinsPrevious: Bool
        /// An elided article or pronoun (`l’`, `d’`, `qu’`).
        var isElision: Bool

        var folded: Range<Int> { Int(foldedStart)..<Int(foldedEnd) }
    }

    /// A French article or preposition (`à`, `de`, `la`), or an elided one (`l’`, `d’`): a name never starts at
    /// this word unless it begins with this very word, so `à Boukamal` is not `Abou Kamal`. Asked only where
    /// a name could start, not of every word.
    func isFunctionWord(_ index: Int) -> Bool {
        words[index].isElision || Self.isFunctionWord(bytes[words[index].folded])
    }

    private(set) var bytes: [UInt8] = []
    private(set) var words: [Word] = []
    /// The text has a `:`, an `@` or `www.`: it may hold a web or e-mail address, to look for.
    private(set) var mayHoldAddress = false

    init(_ text: String) { self.init(utf8: Array(text.utf8)) }

    /// From the text's UTF-8 bytes, which the linker already holds.
    init(utf8 source: [UInt8]) {
        var builder = Builder()
        builder.bytes.reserveCapacity(source.count)
        builder.words.reserveCapacity(source.count / 5)
        // Bytes, not Characters: ASCII (most of French text) takes a table lookup; the rest is decoded here.
        let asciiClasses = TextFolding.asciiClasses
        let count = source.count
        var offset = 0
        var run = 0  // consecutive w's, for `www.`
        while offset < count {
            let lead = source[offset]
            if lead < 0x80 {
                switch lead {
                case 0x3A, 0x40: mayHoldAddress = true
                case 0x2E where run >= 3: mayHoldAddress = true
                default: break
                }
                run = lead == 0x77 || lead == 0x57 ? run + 1 : 0
                builder.handle(Unicode.Scalar(lead), asciiClasses[Int(lead)], at: offset)
                offset += 1
                continue
            }
            let (scalar, width) = TextFolding.scalar(in: source, at: offset)
            builder.handle(scalar, TextFolding.fastClass(scalar), at: offset)
            offset += width
        }
        builder.finish(at: offset)
        bytes = builder.bytes
        words = builder.words
    }

    /// The state of the scan, as a value with mutating methods: closures capturing local variables would
    /// box them, and this runs on every character of every article.
    private struct Builder {
        var bytes: [UInt8] = []
        var words: [Word] = []
        var wordStart = -1
        var foldedStart = 0
        var joins = false
        var lastSeparatorWasApostrophe = false
        var pendingElision = false

        mutating func finish(at end: Int) {
            guard wordStart >= 0 else { return }
            let folded = bytes[foldedStart..<bytes.count]
            words.append(
                Word(
                    start: Int32(wordStart), end: Int32(end), foldedStart: Int32(foldedStart),
                    foldedEnd: Int32(bytes.count), joinsPrevious: !words.isEmpty && joins, isElision: false))
            pendingElision = FoldedText.isElidable(folded)
            wordStart = -1
            joins = true
        }

        @inline(__always)
        mutating func handle(_ scalar: Unicode.Scalar, _ characterClass: TextFolding.CharacterClass, at start: Int) {
            switch characterClass {
            case .word:
                if wordStart < 0 {
                    wordStart = start
                    foldedStart = bytes.count
                    if pendingElision && lastSeparatorWasApostrophe, !words.isEmpty {
                        words[words.count - 1].isElision = true
                    }
                    pendingElision = false
                }
                TextFolding.appendFoldedBytes(scalar, to: &bytes)
            case .invisible:
                break
            case .soft:
                finish(at: start)
                lastSeparatorWasApostrophe = FoldedText.isApostrophe(scalar)
            case .hard:
                finish(at: start)
                joins = false
                pendingElision = false
            }
        }
    }

    /// Short French words that stand alone before a name: `à Boukamal`, `de Raqqa`, `en Syrie`.
    /// By length, so that checking a word (every word of every article) is a few byte comparisons.
    private static let functionWords: [[[UInt8]]] = {
        var byLength = [[[UInt8]]](repeating: [], count: 7)
        for word in [
            "a", "au", "aux", "de", "des", "du", "en", "et", "la", "le", "les", "ou", "un", "une", "y", "sur", "par",
            "pour", "dans", "vers", "avec", "sans", "chez", "entre", "contre",
        ] {
            byLength[word.utf8.count].append(Array(word.utf8))
        }
        return byLength
    }()

    fileprivate static func isFunctionWord(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.count <= 6 else { return false }
        return functionWords[word.count].contains { $0.elementsEqual(word) }
    }

    /// `l`, `d`, `qu`, `jusqu`…: the French words that lose their vowel before another.
    fileprivate static func isElidable(_ word: ArraySlice<UInt8>) -> Bool {
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

    fileprivate static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC, 0x2032: return true
        default: return false
        }
    }
}
