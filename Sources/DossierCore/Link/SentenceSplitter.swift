/// Finds the sentence around a place in a paragraph, for the entity pages' quotations.
enum SentenceSplitter {
    /// Byte ranges (UTF-8) of the sentences of `bytes`, whitespace trimmed.
    static func sentences(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        sentences(in: bytes, through: .max, into: &ranges)
        return ranges
    }

    /// The same, into `ranges` (emptied first), stopping after the sentence that holds byte `last`: the
    /// linker needs only the sentences up to its last mention, and passes the same array for every paragraph.
    static func sentences(in bytes: [UInt8], through last: Int, into ranges: inout [Range<Int>]) {
        ranges.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { scan($0, marks: nil, through: last, into: &ranges) }
    }

    /// The same, visiting only `marks`, the offsets of every `.`, `!`, `?` and `…` in `bytes` in order (as
    /// `FoldedText` notes them), rather than every byte.
    static func sentences(in bytes: [UInt8], marks: [Int32], through last: Int, into ranges: inout [Range<Int>]) {
        ranges.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { bytes in
            marks.withUnsafeBufferPointer { scan(bytes, marks: $0, through: last, into: &ranges) }
        }
    }

    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, marks: UnsafeBufferPointer<Int32>?, through last: Int,
        into ranges: inout [Range<Int>]
    ) {
        var sentenceStart = 0
        var index = 0
        var markIndex = 0
        while true {
            if let marks {
                while markIndex < marks.count && Int(marks[markIndex]) < index { markIndex += 1 }
                guard markIndex < marks.count else { break }
                index = Int(marks[markIndex])
            } else {
                while index < bytes.count && !isMark(bytes, at: index) { index += 1 }
                guard index < bytes.count else { break }
            }
            let end = bytes[index] == 0xE2 ? index + 3 : index + 1
            // Swallow repeated marks and closing quotes or brackets: `?!`, `."`, `.»`, `.)`.
            var after = end
            while after < bytes.count {
                switch bytes[after] {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: ")"):
                    after += 1
                    continue
                default: break
                }
                if bytes[after] == 0xC2, after + 1 < bytes.count, bytes[after + 1] == 0xBB {
                    after += 2  // »
                } else if let guillemet = closingGuillemet(bytes, spacesFrom: after) {
                    after = guillemet  // `. »` with a (non-breaking) space, as French typography writes it
                } else if bytes[after] == 0xE2, after + 2 < bytes.count, bytes[after + 1] == 0x80,
                    bytes[after + 2] == 0x9D || bytes[after + 2] == 0x99
                {
                    after += 3  // ” ’
                } else {
                    break
                }
            }
            if isBoundary(bytes, markAt: index, after: after) {
                appendTrimmed(sentenceStart..<after, of: bytes, to: &ranges)
                sentenceStart = after
                if sentenceStart > last { return }
            }
            index = after
        }
        appendTrimmed(sentenceStart..<bytes.count, of: bytes, to: &ranges)
    }

    /// A mark ends a sentence when a capital, digit or quote follows, after a space or glued
    /// (`l'OSDH.Citant`), but not after an abbreviation or an initial (`M.`, `J.`).
    private static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, markAt mark: Int, after: Int) -> Bool {
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
        // Glued: only a full stop followed by a capitalised word, not `U.S.` or `3.5`.
        guard bytes[mark] == UInt8(ascii: "."), TextFolding.isUppercaseLetter(following) else { return false }
        let secondOffset = next + UTF8.width(following)
        guard secondOffset < bytes.count else { return false }
        return TextFolding.isLowercaseLetter(scalar(in: bytes, at: secondOffset))
    }

    /// Abbreviations that end with a full stop inside a sentence, lowercase.
    private static let abbreviations: [[UInt8]] = [
        "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "gen", "gal", "col", "cdt", "lt", "cpt",
        "av", "apr", "env", "etc", "cf", "no", "p", "ex", "sgt",
    ].map { Array($0.utf8) }

    /// The ASCII letters just before the mark: an initial (one capital) or an abbreviation, in any case.
    private static func endsWithAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, before mark: Int) -> Bool {
        var start = mark
        while start > 0, isASCIILetter(bytes[start - 1]) { start -= 1 }
        let length = mark - start
        if length == 0 { return false }
        if length == 1 && bytes[start] < 0x61 { return true }  // an initial: `J. Trump`
        guard length <= 4 else { return false }
        return abbreviations.contains { abbreviation in
            abbreviation.count == length
                && abbreviation.indices.allSatisfy { abbreviation[$0] == bytes[start + $0] | 0x20 }
        }
    }

    /// After spaces, a `»`: the offset just past it, or nil.
    private static func closingGuillemet(_ bytes: UnsafeBufferPointer<UInt8>, spacesFrom start: Int) -> Int? {
        var index = start
        while index < bytes.count, isSpace(bytes, at: index) {
            index += bytes[index] == 0xC2 ? 2 : (bytes[index] == 0xE2 ? 3 : 1)
        }
        guard index > start, index + 1 < bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xBB else { return nil }
        return index + 2
    }

    /// `.`, `!`, `?` or `…`.
    @inline(__always)
    private static func isMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { return true }
        return byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { return true }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return true }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF { return true }
        return false
    }

    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return " "
    }

    private static func appendTrimmed(
        _ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, to ranges: inout [Range<Int>]
    ) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes, at: lower) {
            lower += bytes[lower] == 0xC2 ? 2 : (bytes[lower] == 0xE2 ? 3 : 1)
        }
        while upper > lower {
            switch bytes[upper - 1] {
            case 0x20, 0x0A, 0x09, 0x0D: upper -= 1
            default:
                ranges.append(lower..<upper)
                return
            }
        }
    }
}
