import Foundation

/// JSON written straight into bytes, exactly as Foundation's `JSONEncoder` writes it with `.sortedKeys` and
/// `.withoutEscapingSlashes`: no spaces, keys in the order of their UTF-8 bytes (the caller writes them so),
/// `"` `\` and control characters escaped (`\n`, `\u001f`…), everything else as UTF-8, a double as its
/// `description` without a final `.0`. The encoder built a tree of boxed values for 9 MB of `dossier.json`.
///
/// The bytes are handed over as the file's `Data` without a copy: 9 MB more, touched for the first time, cost more
/// than writing them did.
struct JSONBytes: ~Copyable {
    private var bytes: ByteBuffer

    init(capacity: Int = 0) { bytes = ByteBuffer(capacity: capacity) }

    /// The JSON written, as the file's bytes.
    consuming func data() -> Data { bytes.data() }

    /// A copy of the JSON written, for tests.
    var array: [UInt8] { bytes.array }

    mutating func raw(_ text: StaticString) { bytes.appendBytes(text) }

    mutating func string(_ text: String) {
        bytes.appendByte(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.appendBytes(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(byte)
                runStart = index + 1
            }
            bytes.appendBytes(UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.appendByte(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.appendByte(UInt8(ascii: "\\"))
        switch byte {
        case 0x22, 0x5C: bytes.appendByte(byte)
        case 0x08: bytes.appendByte(UInt8(ascii: "b"))
        case 0x0C: bytes.appendByte(UInt8(ascii: "f"))
        case 0x0A: bytes.appendByte(UInt8(ascii: "n"))
        case 0x0D: bytes.appendByte(UInt8(ascii: "r"))
        case 0x09: bytes.appendByte(UInt8(ascii: "t"))
        default:
            let hex = JSONBytes.hexDigits
            bytes.appendBytes("u00")
            bytes.appendByte(hex[Int(byte >> 4)])
            bytes.appendByte(hex[Int(byte & 0xF)])
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func int(_ value: Int) { bytes.appendDecimal(value) }

    /// A finite double (`JSONEncoder` throws for the others: check before).
    mutating func double(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { bytes.appendBytes($0) }
    }

    mutating func strings(_ values: [String]) {
        bytes.appendByte(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.appendByte(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.appendByte(UInt8(ascii: "]"))
    }

    mutating func doubles(_ values: [Double]) {
        bytes.appendByte(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.appendByte(UInt8(ascii: ",")) }
            double(value)
        }
        bytes.appendByte(UInt8(ascii: "]"))
    }

    /// Counts by id as an object, its keys in the order of their UTF-8 bytes (the order `MentionCounts` keeps).
    mutating func counts(_ counts: DataRenderer.MentionCounts) {
        bytes.appendByte(UInt8(ascii: "{"))
        for (index, (key, count)) in counts.pairs.enumerated() {
            if index > 0 { bytes.appendByte(UInt8(ascii: ",")) }
            string(key)
            bytes.appendByte(UInt8(ascii: ":"))
            int(count)
        }
        bytes.appendByte(UInt8(ascii: "}"))
    }
}
