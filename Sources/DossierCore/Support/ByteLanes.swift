/// Tests on eight bytes at once, read as one 64-bit word: the escapers skip runs of bytes that need nothing
/// with one test per eight bytes instead of a branch per byte. Each test is exact: it says whether any lane
/// matches (not which one).
enum ByteLanes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A non-zero lane's high bit for each byte of `word` equal to `byte` (and possibly above one that is).
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let lanes = word ^ (UInt64(byte) &* ones)
        return (lanes &- ones) & ~lanes & highs
    }

    /// The same for each byte below `limit` (at most 128).
    @inline(__always)
    static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- UInt64(limit) &* ones) & ~word & highs
    }

    /// A lane's high bit for each byte of `word` from `low` through `high` (both below 0x80), exactly: in each
    /// lane's low seven bits, adding `0x80 - low` sets the high bit where the byte is at least `low`, and adding
    /// `0x7F - high` where it is above `high`; the sums stay below 0x100, so no lane carries into the next.
    @inline(__always)
    static func within(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let sevenBits = word & ~highs
        let atLeastLow = sevenBits &+ UInt64(0x80 - low) &* ones
        let aboveHigh = sevenBits &+ UInt64(0x7F - high) &* ones
        return atLeastLow & ~aboveHigh & ~word & highs
    }

    /// The first (up to) eight bytes, the first lowest, 0 in place of any missing: a word's head as one load
    /// from `load` gives it once masked with `mask(bytes:)`.
    static func head(of bytes: some Collection<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for (position, byte) in bytes.prefix(8).enumerated() { head |= UInt64(byte) << (8 * UInt64(position)) }
        return head
    }

    /// The bits of the first `count` bytes of a word of eight.
    @inline(__always)
    static func mask(bytes count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 << (8 * UInt64(count))) &- 1
    }

    /// Eight bytes at `offset` of the buffer, which must hold them.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Writes eight bytes at `offset` of the buffer, which must have room for them.
    @inline(__always)
    static func store(_ word: UInt64, to bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        UnsafeMutableRawPointer(bytes.baseAddress! + offset).storeBytes(of: word.littleEndian, as: UInt64.self)
    }

    /// From `start`, passes over blocks of eight bytes for which `flagged` (a union of the tests above) is 0;
    /// returns where the first flagged block, or the last few bytes, begin.
    @inline(__always)
    static func skipClean(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, flagged: (UInt64) -> UInt64) -> Int {
        var index = start
        while index + 8 <= bytes.count, flagged(load(bytes, at: index)) == 0 { index += 8 }
        return index
    }
}
