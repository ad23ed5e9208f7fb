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
        var text = text
        text.withUTF8 { bytes in forEachWord(inUTF8: bytes) { body(String(decoding: $0.bytes, as: UTF8.self)) } }
    }

    /// The same over UTF-8 bytes, handing each word as its folded bytes. This runs over every word of every
    /// article: a word that is already folded (lowercase ASCII letters and digits, as most are) is handed
    /// straight from the text; any other is folded into a buffer, decoding a scalar only beyond ASCII. The
    /// bytes `body` sees last only for the call.
    static func forEachWord(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (SearchWord) -> Void) {
        // No closure captures the buffer: one that did would have each access to it checked at run time.
        var folded = WordBuffer()
        defer { folded.deallocate() }
        let filter = WordFilter(elided: elidedKeys, stop: stopKeys)
        let latinClasses = TextFolding.latinClasses
        let latinBytes = TextFolding.latinBytes
        var index = 0
        while index < bytes.count {
            var byte = bytes[index]
            if isPlain(byte) {
                let start = index
                index = endOfPlainRun(bytes, from: start)
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                byte = index < bytes.count ? bytes[index] : 0x20
                let ends = byte < 0x80 && !isUpper(byte)
                if folded.count == 0, ends {
                    let word = SearchWord(run, in: bytes, at: start)
                    if filter.keeps(word, beforeApostrophe: isASCIIApostrophe(byte)) { body(word) }
                    index += 1
                    continue
                }
                folded.append(run)
                guard index < bytes.count else { break }
            }
            if byte < 0x80 {
                if isUpper(byte) {
                    folded.append(byte | 0x20)
                } else {
                    finish(&folded, beforeApostrophe: isASCIIApostrophe(byte), filter: filter, body)
                }
                index += 1
                continue
            }
            let (scalar, length) = TextFolding.scalar(in: bytes, at: index)
            index += length
            if isApostrophe(scalar) {
                finish(&folded, beforeApostrophe: true, filter: filter, body)
                continue
            }
            let value = Int(scalar.value)
            switch value < latinClasses.count ? latinClasses[value] : TextFolding.characterClass(scalar) {
            case .word:
                if value < latinBytes.count {
                    let packed = latinBytes[value]
                    for position in 0..<Int(packed & 0xFF) {
                        folded.append(UInt8(truncatingIfNeeded: packed >> (8 * (position + 1))))
                    }
                } else {
                    var scalarBytes: [UInt8] = []
                    TextFolding.appendFoldedBytes(scalar, to: &scalarBytes)
                    scalarBytes.withUnsafeBufferPointer { folded.append($0) }
                }
            case .invisible: continue
            case .soft, .hard: finish(&folded, beforeApostrophe: false, filter: filter, body)
            }
        }
        finish(&folded, beforeApostrophe: false, filter: filter, body)
    }

    /// Hands the word folded so far, if any and if kept, and empties the buffer.
    @inline(__always)
    private static func finish(
        _ folded: inout WordBuffer, beforeApostrophe: Bool, filter: WordFilter, _ body: (SearchWord) -> Void
    ) {
        guard folded.count > 0 else { return }
        let word = folded.word
        if filter.keeps(word, beforeApostrophe: beforeApostrophe) { body(word) }
        folded.count = 0
    }

    /// Where the run of plain bytes (see `isPlain`) from `start` ends. Eight bytes are classed at once, so that
    /// the end of a word costs no mispredicted branch of a byte loop; the last few bytes are read one at a time.
    @inline(__always)
    private static func endOfPlainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index + 8 <= bytes.count {
            let others = notPlain(ByteLanes.load(bytes, at: index))
            if others != 0 { return index + others.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < bytes.count && isPlain(bytes[index]) { index += 1 }
        return index
    }

    /// The high bit of each lane of eight bytes that is not plain.
    @inline(__always)
    static func notPlain(_ eight: UInt64) -> UInt64 {
        ~(ByteLanes.within(eight, 0x61, 0x7A) | ByteLanes.within(eight, 0x30, 0x39)) & ByteLanes.highs
    }

    /// A lowercase ASCII letter or a digit: a byte that folds to itself.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 || byte &- 0x30 < 10 }

    @inline(__always)
    private static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    @inline(__always)
    private static func isASCIIApostrophe(_ byte: UInt8) -> Bool { byte == 0x27 || byte == 0x60 }

    /// Tells the words to hand from the elided and stop words, which are all short: a longer word is never one.
    private struct WordFilter {
        let elided: ShortKeySet
        let stop: ShortKeySet

        @inline(__always)
        func keeps(_ word: SearchWord, beforeApostrophe: Bool) -> Bool {
            guard word.bytes.count <= 7 else { return true }
            let key = word.head | UInt64(word.bytes.count) << 60
            return !(stop.contains(key) || (beforeApostrophe && elided.contains(key)))
        }
    }

    /// The word being folded: bytes appended without the checks of an array's `append`. Its memory is
    /// initialized (to 0) and at least eight bytes, so that the head of a word is one load.
    private struct WordBuffer {
        private var base: UnsafeMutablePointer<UInt8>
        private var capacity = 64
        var count = 0

        init() {
            base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            base.initialize(repeating: 0, count: capacity)
        }

        var word: SearchWord {
            let bytes = UnsafeBufferPointer(start: base, count: count)
            let head = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            return SearchWord(bytes: bytes, head: head & ByteLanes.mask(bytes: count))
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if count == capacity { grow(to: count + 1) }
            base[count] = byte
            count += 1
        }

        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            if count + bytes.count > capacity { grow(to: count + bytes.count) }
            if let start = bytes.baseAddress { (base + count).update(from: start, count: bytes.count) }
            count += bytes.count
        }

        private mutating func grow(to needed: Int) {
            var larger = 2 * capacity
            while larger < needed { larger *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
            grown.initialize(repeating: 0, count: larger)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = larger
        }

        func deallocate() { base.deallocate() }
    }

    /// Up to seven bytes and their count packed in an integer, the first byte lowest, as in `SearchWord.head`:
    /// elided and stop words are all that short.
    static func shortKey<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        return ByteLanes.head(of: bytes) | UInt64(bytes.count) << 60
    }

    private static let elidedKeys = ShortKeySet(elided)
    private static let stopKeys = ShortKeySet(stopWords)

    /// The folded words of a text, in order.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append($0) }
        return words
    }
}

/// A few short words as `SearchTokenizer.shortKey`s, asked about once per word of the index: a small
/// open-addressing table, cheaper than `Set<UInt64>`, which runs SipHash on each question.
struct ShortKeySet: Sendable {
    /// 0 for an empty slot: a key is never 0, as it holds its count.
    private let slots: [UInt64]

    init(_ words: some Sequence<String>) {
        let keys = words.compactMap { SearchTokenizer.shortKey(Array($0.utf8)) }
        precondition(keys.count < Self.size / 2, "too many short words for the table")
        var slots = [UInt64](repeating: 0, count: Self.size)
        for key in keys {
            var slot = Self.slot(of: key)
            while slots[slot] != 0, slots[slot] != key { slot = (slot + 1) & (Self.size - 1) }
            slots[slot] = key
        }
        self.slots = slots
    }

    func contains(_ key: UInt64) -> Bool {
        var slot = Self.slot(of: key)
        while slots[slot] != 0 {
            if slots[slot] == key { return true }
            slot = (slot + 1) & (Self.size - 1)
        }
        return false
    }

    private static let size = 128

    private static func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 57)
    }
}

/// A folded word as the tokenizer hands it: its bytes, and the first eight of them in one integer, which
/// tells a short word from another without reading its bytes again.
struct SearchWord {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The first (up to) eight bytes, the first lowest; 0 in place of any missing.
    let head: UInt64

    init(bytes: UnsafeBufferPointer<UInt8>, head: UInt64) {
        self.bytes = bytes
        self.head = head
    }

    /// The word `bytes[start...]` of a text, read with one load where the text holds eight bytes from `start`.
    init(_ word: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, at start: Int) {
        bytes = word
        if start + 8 <= text.count {
            head = ByteLanes.load(text, at: start) & ByteLanes.mask(bytes: word.count)
        } else {
            head = ByteLanes.head(of: word)
        }
    }
}
