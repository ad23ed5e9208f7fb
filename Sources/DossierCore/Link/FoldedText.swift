/// A text as the matcher reads it: the folded bytes of its words, laid end to end, and where each word is.
///
/// Words are stored without their separators, so that a name can be compared across a hyphen, a space or
/// an apostrophe without caring which (`Deir ez-Zor` and `Deir Ezzor` give the same bytes).
struct FoldedText {
    /// Kept small (32-bit offsets): a text has a word every few bytes, and every article is scanned.
    struct Word {
        /// Byte offsets in the original text's UTF-8.
        var start: Int32 = 0
        var end: Int32 = 0
        /// Byte offsets in `bytes`.
        var foldedStart: Int32 = 0
        var foldedEnd: Int32 = 0
        /// Only spaces, hyphens, apostrophes or line breaks separate it from the previous word.
        var joinsPrevious = false
        /// An elided article or pronoun (`l’`, `d’`, `qu’`).
        var isElision = false

        var folded: Range<Int> { Int(foldedStart)..<Int(foldedEnd) }
    }

    /// A French article or preposition (`à`, `de`, `la`), or an elided one (`l’`, `d’`): a name never starts at
    /// this word unless it begins with this very word, so `à Boukamal` is not `Abou Kamal`. Asked only where
    /// a name could start, not of every word.
    func isFunctionWord(_ index: Int) -> Bool {
        words[index].isElision || Self.isFunctionWord(bytes[words[index].folded])
    }

    /// The folded bytes of the words, end to end.
    var bytes: ArraySlice<UInt8> { storage[..<byteCount] }
    /// Calls `body` with the folded bytes followed by at least eight more (of no meaning), so that the first
    /// eight bytes from any word's start can be read in one load.
    func withPaddedBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<(byteCount + 8)])) }
    }

    /// The words, in order.
    var words: ArraySlice<Word> { wordStorage[..<wordCount] }
    /// The text has a `:`, an `@` or `www.`: it may hold a web or e-mail address, to look for.
    private(set) var mayHoldAddress = false
    /// Where a `.`, `!`, `?` or `…` is: the only places a sentence can end, noted while folding so that the
    /// sentence splitter visits them rather than every byte again.
    private(set) var sentenceMarks: [Int32] = []

    /// Written through a pointer, so longer than `bytes` (the folding loop checks the room left only where a
    /// character may fold to more than one and a half bytes per byte of its UTF-8), and kept between texts.
    private var storage = [UInt8](repeating: 0, count: 8)
    private var byteCount = 0
    /// Written through a pointer too, so that a word costs a store, not an array's append; longer than `words`.
    private var wordStorage: [Word] = []
    private var wordCount = 0

    /// Empty, to be filled by `fold(_:)` again and again (the linker keeps one per article).
    init() {}

    init(_ text: String) { self.init(utf8: Array(text.utf8)) }

    /// From the text's UTF-8 bytes, which the linker already holds.
    init(utf8 source: [UInt8]) {
        source.withUnsafeBufferPointer { fold($0) }
    }

    /// Folds another text in place of this one, keeping the storage: the linker folds every paragraph of an
    /// article into the same buffers rather than allocating arrays for each.
    mutating func fold(_ source: UnsafeBufferPointer<UInt8>) {
        // Moved out of `self` while the loop writes them, so that each stays uniquely referenced.
        var storage = self.storage
        var wordStorage = self.wordStorage
        var marks = self.sentenceMarks
        self.storage = []
        self.wordStorage = []
        self.sentenceMarks = []
        marks.removeAll(keepingCapacity: true)
        if storage.count < 2 * source.count + 16 {
            storage = [UInt8](repeating: 0, count: max(2 * source.count + 16, 2 * storage.count))
        }
        // A word takes a byte, and a separator stands between two: a text has at most half as many words as
        // bytes, rounded up (the loop checks it all the same, and asks for more room if it is wrong).
        let wordRoom = (source.count + 1) / 2 + 2
        if wordStorage.count < wordRoom {
            wordStorage = [Word](repeating: Word(), count: max(wordRoom, 2 * wordStorage.count))
        }
        var scan = Scan()
        var address = false
        let tables = (TextFolding.asciiFolding, TextFolding.latinBytes, TextFolding.latinClasses)
        while true {
            let done = storage.withUnsafeMutableBufferPointer { output in
                wordStorage.withUnsafeMutableBufferPointer { words in
                    tables.0.withUnsafeBufferPointer { ascii in
                        tables.1.withUnsafeBufferPointer { latinBytes in
                            tables.2.withUnsafeBufferPointer { latinClasses in
                                Self.fold(
                                    source, into: output, words: words, ascii: ascii, latinBytes: latinBytes,
                                    latinClasses: latinClasses, scan: &scan, marks: &marks, address: &address)
                            }
                        }
                    }
                }
            }
            if done { break }
            storage.append(contentsOf: repeatElement(0, count: storage.count))
            wordStorage.append(contentsOf: repeatElement(Word(), count: wordStorage.count))
        }
        if storage.count < scan.written + 8 {  // the padding `withPaddedBytes` promises
            storage.append(contentsOf: repeatElement(0, count: scan.written + 8 - storage.count))
        }
        self.storage = storage
        self.wordStorage = wordStorage
        self.sentenceMarks = marks
        byteCount = scan.written
        wordCount = scan.wordCount
        mayHoldAddress = address
    }

    /// The folding loop, from where `scan` stands: false when `output` or `words` is too short to go on (grow
    /// them and call again). Bytes, not Characters: ASCII (most of French text) is a table lookup, Latin letters
    /// another.
    private static func fold(
        _ source: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
        words: UnsafeMutableBufferPointer<Word>, ascii: UnsafeBufferPointer<UInt8>,
        latinBytes: UnsafeBufferPointer<UInt32>, latinClasses: UnsafeBufferPointer<TextFolding.CharacterClass>,
        scan: inout Scan, marks: inout [Int32], address: inout Bool
    ) -> Bool {
        let count = source.count
        var offset = scan.offset
        var written = scan.written
        defer {
            scan.offset = offset
            scan.written = written
        }
        while offset < count {
            // Each pass ends at most one word, and the end of the text one more.
            guard scan.wordCount + 2 <= words.count else { return false }
            let lead = source[offset]
            if lead < 0x80 {
                let entry = ascii[Int(lead)]
                if entry < 0x80 {
                    // A letter or a digit, and the ASCII ones after it: words are most bytes. Then, while a
                    // single space and another such word follow (as they mostly do), the next word straight away.
                    while true {
                        scan.startWord(at: offset, written: written, output: output, words: words)
                        (offset, written) = foldASCIIRun(source, from: offset, into: output, at: written, ascii: ascii)
                        guard offset + 1 < count, source[offset] == 0x20, scan.wordCount + 2 <= words.count else {
                            break
                        }
                        let next = source[offset + 1]
                        guard next < 0x80, ascii[Int(next)] < 0x80 else { break }
                        scan.soft(at: offset, apostrophe: false, written: written, words: words)
                        offset += 1
                    }
                    continue
                }
                if entry == TextFolding.asciiHard {
                    switch lead {
                    case 0x3A, 0x40: address = true
                    case 0x2E:
                        marks.append(Int32(offset))
                        if !address { address = followsThreeWs(source, offset) }
                    case 0x21, 0x3F: marks.append(Int32(offset))
                    default: break
                    }
                    scan.hard(at: offset, written: written, words: words)
                } else {
                    scan.soft(at: offset, apostrophe: lead == 0x27 || lead == 0x60, written: written, words: words)
                }
                offset += 1
                continue
            }
            let (scalar, width) = TextFolding.scalar(in: source, at: offset)
            let value = Int(scalar.value)
            let characterClass = value < latinClasses.count ? latinClasses[value] : TextFolding.characterClass(scalar)
            switch characterClass {
            case .word:
                if value < latinBytes.count {
                    // At most three bytes for two: within the room the loop keeps.
                    scan.startWord(at: offset, written: written, output: output, words: words)
                    let packed = latinBytes[value]
                    for index in 0..<Int(packed & 0xFF) {
                        output[written] = UInt8(truncatingIfNeeded: packed >> (8 * (index + 1)))
                        written += 1
                    }
                } else {
                    var folded: [UInt8] = []
                    TextFolding.appendFoldedBytes(scalar, to: &folded)
                    // Keep room for one and a half bytes per byte still to read, as the fast paths assume.
                    guard written + folded.count + 3 * (count - offset - width) / 2 + 3 <= output.count else {
                        return false
                    }
                    scan.startWord(at: offset, written: written, output: output, words: words)
                    for byte in folded {
                        output[written] = byte
                        written += 1
                    }
                }
            case .invisible:
                break
            case .soft:
                scan.soft(at: offset, apostrophe: isApostrophe(scalar), written: written, words: words)
            case .hard:
                if value == 0x2026 { marks.append(Int32(offset)) }  // …
                scan.hard(at: offset, written: written, words: words)
            }
            offset += width
        }
        guard scan.wordCount + 1 <= words.count else { return false }
        scan.finish(at: offset, written: written, words: words)
        return true
    }

    /// Folds the ASCII letters and digits from `start` (one at least) into `output` from `written`; returns where
    /// the run ends in both. Eight bytes are classed and folded at once, so that the end of a word costs no
    /// mispredicted branch of a byte loop (it was the hottest instruction of the link phase); the last few bytes
    /// of the text, or of the room in `output`, are done one at a time.
    @inline(__always)
    private static func foldASCIIRun(
        _ source: UnsafeBufferPointer<UInt8>, from start: Int, into output: UnsafeMutableBufferPointer<UInt8>,
        at written: Int, ascii: UnsafeBufferPointer<UInt8>
    ) -> (end: Int, written: Int) {
        var offset = start
        var written = written
        while offset + 8 <= source.count && written + 8 <= output.count {
            let eight = ByteLanes.load(source, at: offset)
            let capitals = ByteLanes.within(eight, 0x41, 0x5A)
            let others =
                ~(capitals | ByteLanes.within(eight, 0x61, 0x7A) | ByteLanes.within(eight, 0x30, 0x39))
                & ByteLanes.highs
            // A capital's lane gains 0x20 (its high bit shifted down to bit 5): its lowercase letter. The lanes
            // after the run are written too, and written over by what follows.
            ByteLanes.store(eight | capitals >> 2, to: output, at: written)
            if others != 0 {
                let run = others.trailingZeroBitCount >> 3
                return (offset + run, written + run)
            }
            offset += 8
            written += 8
        }
        while offset < source.count {
            let byte = source[offset]
            guard byte < 0x80 else { break }
            let folded = ascii[Int(byte)]
            guard folded < 0x80 else { break }
            output[written] = folded
            written += 1
            offset += 1
        }
        return (offset, written)
    }

    /// Whether three `w`s (either case) come before the full stop at `offset`, characters beyond ASCII aside:
    /// `www.` starts an address.
    private static func followsThreeWs(_ source: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        var ws = 0
        var index = offset - 1
        while index >= 0 && ws < 3 {
            let byte = source[index]
            if byte < 0x80 {
                guard byte | 0x20 == 0x77 else { return false }
                ws += 1
            }
            index -= 1
        }
        return ws >= 3
    }

    /// The state of the scan, as a value with mutating methods: closures capturing local variables would
    /// box them, and this runs on every word of every article.
    private struct Scan {
        /// Where the loop stands in the source, in the output and in the words.
        var offset = 0
        var written = 0
        var wordCount = 0
        var wordStart = -1
        var foldedStart = 0
        /// Only soft separators since the last word ended (false before the first).
        var joins = false
        var lastSeparatorWasApostrophe = false

        @inline(__always)
        mutating func startWord(
            at start: Int, written: Int, output: UnsafeMutableBufferPointer<UInt8>,
            words: UnsafeMutableBufferPointer<Word>
        ) {
            guard wordStart < 0 else { return }
            wordStart = start
            foldedStart = written
            // The last word is elided if an apostrophe ends the soft gap before this one and it is elidable:
            // asked here, where few words are, rather than at the end of every word.
            if lastSeparatorWasApostrophe && joins {
                let last = words[wordCount - 1]
                if FoldedText.isElidable(UnsafeBufferPointer(rebasing: output[last.folded])) {
                    words[wordCount - 1].isElision = true
                }
            }
        }

        @inline(__always)
        mutating func soft(at start: Int, apostrophe: Bool, written: Int, words: UnsafeMutableBufferPointer<Word>) {
            finish(at: start, written: written, words: words)
            lastSeparatorWasApostrophe = apostrophe
        }

        @inline(__always)
        mutating func hard(at start: Int, written: Int, words: UnsafeMutableBufferPointer<Word>) {
            finish(at: start, written: written, words: words)
            joins = false
        }

        /// Ends the word in progress, if any; the caller has checked that `words` has room for it.
        @inline(__always)
        mutating func finish(at end: Int, written: Int, words: UnsafeMutableBufferPointer<Word>) {
            guard wordStart >= 0 else { return }
            words[wordCount] = Word(
                start: Int32(wordStart), end: Int32(end), foldedStart: Int32(foldedStart),
                foldedEnd: Int32(written), joinsPrevious: joins, isElision: false)
            wordCount += 1
            wordStart = -1
            joins = true
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

    static func isFunctionWord(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.count <= 6 else { return false }
        return functionWords[word.count].contains { $0.elementsEqual(word) }
    }

    /// `l`, `d`, `qu`, `jusqu`…: the French words that lose their vowel before another.
    @inline(__always)
    static func isElidable(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        func equals(_ literal: StaticString) -> Bool {
            guard literal.utf8CodeUnitCount == word.count else { return false }
            let letters = literal.utf8Start
            for index in 0..<word.count where letters[index] != word[index] { return false }
            return true
        }
        switch word.count {
        case 1:
            // One bit per letter of `ldjmnstc`, by its place in the alphabet.
            let letter = word[0] &- UInt8(ascii: "a")
            return letter < 26 && (0b1100_0011_1010_0000_1100 as UInt32) >> letter & 1 == 1
        case 2: return word[0] == UInt8(ascii: "q") && word[1] == UInt8(ascii: "u")
        case 5: return equals("jusqu")
        case 6: return equals("lorsqu") || equals("puisqu") || equals("quoiqu") || equals("presqu")
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
