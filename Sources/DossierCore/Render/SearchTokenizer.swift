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
        text.withUTF8 { bytes in forEachWord(inUTF8: bytes) { body(String(decoding: $0, as: UTF8.self)) } }
    }

    /// The same over UTF-8 bytes, handing each word as its folded bytes: this runs over every word of every
    /// article, so it reads bytes, decodes a scalar only beyond ASCII, folds into one buffer it owns, and tells
    /// elided and stop words by their bytes. The bytes `body` sees last only for the call.
    static func forEachWord(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word = WordBuffer()
        defer { word.deallocate() }
        var folded: [UInt8] = []
        let elidedKeys = elidedKeys
        let stopKeys = stopKeys
        func finish(beforeApostrophe: Bool) {
            guard word.count > 0 else { return }
            defer { word.count = 0 }
            let text = word.bytes
            if let key = shortKey(text), (beforeApostrophe && elidedKeys.contains(key)) || stopKeys.contains(key) {
                return
            }
            body(text)
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x41...0x5A: word.append(byte + 0x20)
                case 0x30...0x39, 0x61...0x7A: word.append(byte)
                default: finish(beforeApostrophe: byte == 0x27 || byte == 0x60)
                }
                index += 1
                continue
            }
            let (scalar, length) = TextFolding.scalar(in: bytes, at: index)
            index += length
            if isApostrophe(scalar) {
                finish(beforeApostrophe: true)
                continue
            }
            switch TextFolding.fastClass(scalar) {
            case .word:
                folded.removeAll(keepingCapacity: true)
                TextFolding.appendFoldedBytes(scalar, to: &folded)
                for byte in folded { word.append(byte) }
            case .invisible: continue
            case .soft, .hard: finish(beforeApostrophe: false)
            }
        }
        finish(beforeApostrophe: false)
    }

    /// The word being folded: bytes appended one at a time without the checks of an array's `append`.
    private struct WordBuffer {
        private var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        private var capacity = 64
        var count = 0

        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if count == capacity { grow() }
            base[count] = byte
            count += 1
        }

        private mutating func grow() {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * capacity)
            larger.update(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }

        func deallocate() { base.deallocate() }
    }

    /// Up to seven bytes and their count packed in an integer: elided and stop words are all that short.
    static func shortKey<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var key: UInt64 = 0
        for byte in bytes { key = key << 8 | UInt64(byte) }
        return key | UInt64(bytes.count) << 60
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
