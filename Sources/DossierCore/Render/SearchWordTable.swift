/// Folded words, each held once and known by a number, found again by an open-addressing hash.
///
/// The search index meets every word of every article: a `[String: Int]` there made a `String` per word and
/// hashed it with SipHash. Here a word stays bytes, its hash is a few multiplications, and numbers go in the
/// order the words first came. Most words are no longer than eight bytes, which their head holds whole: such a
/// word is compared and kept as that one integer, and only longer words keep their bytes.
struct SearchWordTable: Sendable {
    /// What a probe compares of each word, by number.
    private var entries: [Entry] = []
    /// The bytes of the words longer than eight bytes, one after the other.
    private var longBytes: [UInt8] = []
    /// For each slot, the low half of the word's hash over its number + 1, so that a probe seldom reads
    /// further; 0 for an empty slot. A power of two of them, at most half full.
    private var slots: [UInt64]
    /// A slot is the top bits of a hash: `64 - log2(slots.count)`.
    private var shift: UInt64

    private struct Entry {
        /// Kept so that the table grows, and another table takes the word, without hashing it again.
        var hash: UInt64
        var head: UInt64
        var count: Int32
        /// Where a word longer than eight bytes begins in `longBytes`.
        var offset: Int32
    }

    /// A table sized for about `capacity` words before it grows.
    init(capacity: Int = 0) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        entries.reserveCapacity(capacity)
    }

    /// How many distinct words the table holds.
    var count: Int { entries.count }

    /// The number of `word`, given its `hash(of:)`: the number it had, or the next one if it is new.
    mutating func number(of word: SearchWord, hash: UInt64) -> Int {
        number(hash: hash, head: word.head, count: word.bytes.count, bytes: word.bytes)
    }

    /// The number here of word `number` of another table, whose hash and head are taken as they are.
    mutating func number(ofWord number: Int, in other: SearchWordTable) -> Int {
        let entry = other.entries[number]
        let count = Int(entry.count)
        guard count > 8 else {
            let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            return self.number(hash: entry.hash, head: entry.head, count: count, bytes: none)
        }
        return other.longBytes.withUnsafeBufferPointer { stored in
            let start = Int(entry.offset)
            let bytes = UnsafeBufferPointer(rebasing: stored[start..<(start + count)])
            return self.number(hash: entry.hash, head: entry.head, count: count, bytes: bytes)
        }
    }

    /// `bytes` is read only where `count` is over eight: a shorter word is all in its head.
    private mutating func number(hash: UInt64, head: UInt64, count: Int, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count - 1
        let tag = hash << 32
        var slot = Int(truncatingIfNeeded: hash >> shift)
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                let held = entries[number]
                if held.head == head, Int(held.count) == count, count <= 8 || holds(bytes, at: Int(held.offset)) {
                    return number
                }
            }
            slot = (slot + 1) & mask
        }
        let number = entries.count
        entries.append(Entry(hash: hash, head: head, count: Int32(count), offset: Int32(longBytes.count)))
        if count > 8 { longBytes.append(contentsOf: bytes) }
        slots[slot] = tag | UInt64(number + 1)
        if 2 * entries.count > slots.count { grow() }
        return number
    }

    /// Word `number` as a string.
    func word(_ number: Int) -> String {
        let entry = entries[number]
        let count = Int(entry.count)
        guard count > 8 else {
            return String(
                decoding: (0..<count).map { UInt8(truncatingIfNeeded: entry.head >> (8 * $0)) }, as: UTF8.self)
        }
        let start = Int(entry.offset)
        return String(decoding: longBytes[start..<(start + count)], as: UTF8.self)
    }

    /// Whether the long word stored from `start` has these bytes beyond its head (its count is checked already).
    private func holds(_ word: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        longBytes.withUnsafeBufferPointer { stored in
            for index in 8..<word.count where stored[start + index] != word[index] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: 2 * slots.count)
        shift -= 1
        let mask = slots.count - 1
        for (number, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry.hash << 32 | UInt64(number + 1)
        }
    }

    /// A hash of the bytes, eight at a time, mixed by multiplication so that its top bits choose a slot.
    static func hash(of word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(word.count) &* 0x9E37_79B9_7F4A_7C15
        var index = 0
        if let base = word.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= word.count {
                let eight = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                hash = (hash ^ eight) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 29
                index += 8
            }
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < word.count {
            tail |= UInt64(word[index]) << shift
            shift += 8
            index += 1
        }
        return finalHash(hash, tail: tail)
    }

    /// The same hash, from the word's head where the head is the whole word: most words are that short.
    @inline(__always)
    static func hash(of word: SearchWord) -> UInt64 {
        guard word.bytes.count < 8 else { return hash(of: word.bytes) }
        return finalHash(UInt64(word.bytes.count) &* 0x9E37_79B9_7F4A_7C15, tail: word.head)
    }

    @inline(__always)
    private static func finalHash(_ hash: UInt64, tail: UInt64) -> UInt64 {
        let mixed = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return mixed ^ (mixed >> 31)
    }
}

/// A word table with a weight for each word: the words of one search document.
struct SearchWordWeights: Sendable {
    private(set) var table: SearchWordTable
    /// By word number; at most `SearchDocuments.Weight.cap`, which a byte holds.
    private(set) var weights: [UInt8] = []

    init(capacity: Int = 0) {
        table = SearchWordTable(capacity: capacity)
        weights.reserveCapacity(capacity)
    }

    var count: Int { weights.count }

    /// Adds `weight` to each folded word of the text, up to `cap`.
    mutating func add(_ text: String, weight: Int, cap: Int) {
        var text = text
        text.withUTF8 { add(utf8: $0, weight: weight, cap: cap) }
    }

    /// The same for a text given as its UTF-8 bytes.
    mutating func add(utf8 text: UnsafeBufferPointer<UInt8>, weight: Int, cap: Int) {
        SearchTokenizer.forEachWord(inUTF8: text) { word in
            let number = table.number(of: word, hash: SearchWordTable.hash(of: word))
            if number == weights.count { weights.append(0) }
            weights[number] = UInt8(min(cap, Int(weights[number]) + weight))
        }
    }

    /// The words and their weights as a dictionary, for tests.
    var dictionary: [String: Int] {
        Dictionary(uniqueKeysWithValues: weights.indices.map { (table.word($0), Int(weights[$0])) })
    }
}
