/// A name as the renderer compares it: its length and its first sixteen bytes held in two numbers, so that telling
/// a tag's name from a field's costs three comparisons of numbers, with no string to retain or call into. The
/// bytes of a longer name past the sixteenth are kept in the buffer of whoever holds the name, at `rest`.
struct TemplateName: Sendable {
    var head: UInt64
    var tail: UInt64
    var length: Int32
    /// Where the bytes past the sixteenth are, in the holder's buffer; 0 for a name of sixteen bytes or fewer.
    var rest: Int32

    /// The name of these UTF-8 bytes, the bytes past the sixteenth appended to `buffer`.
    init(_ name: UnsafeBufferPointer<UInt8>, keepingRestIn buffer: inout [UInt8]) {
        head = Self.word(name, from: 0)
        tail = Self.word(name, from: 8)
        length = Int32(name.count)
        rest = 0
        if name.count > 16 {
            rest = Int32(buffer.count)
            buffer.append(contentsOf: name[16...])
        }
    }

    init(_ name: String, keepingRestIn buffer: inout [UInt8]) {
        var name = name
        var made: TemplateName?
        name.withUTF8 { made = TemplateName($0, keepingRestIn: &buffer) }
        self = made!
    }

    /// Up to eight bytes from `start`, the first in the lowest byte, zeros past the end.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64 {
        var word: UInt64 = 0
        var index = min(bytes.count, start + 8)
        while index > start {
            index -= 1
            word = word << 8 | UInt64(bytes[index])
        }
        return word
    }

    /// Whether two names are the same, each with the buffer its longer bytes are in.
    @inline(__always)
    func isSame(
        as other: TemplateName, restIn buffer: UnsafeBufferPointer<UInt8>,
        otherRestIn otherBuffer: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard head == other.head, tail == other.tail, length == other.length else { return false }
        guard length > 16 else { return true }
        let count = Int(length) - 16
        return UnsafeBufferPointer(rebasing: buffer[Int(rest)..<Int(rest) + count])
            .elementsEqual(UnsafeBufferPointer(rebasing: otherBuffer[Int(other.rest)..<Int(other.rest) + count]))
    }
}
