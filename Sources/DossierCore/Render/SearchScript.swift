import Foundation

/// A value of the search data, written as JSON: only what the index needs, in a fixed order.
enum SearchJSON {
    case string(String)
    /// A string given as its UTF-8 bytes, which must be valid: an article's text is made as bytes, never a `String`.
    case utf8([UInt8])
    case int(Int)
    case array([SearchJSON])
    /// Keys are written sorted, so that two builds give the same bytes.
    case object([String: SearchJSON])

    /// About how many bytes the value takes as JSON (escapes aside): the room its script starts with.
    var estimatedSize: Int {
        switch self {
        case .string(let string): string.utf8.count + 2
        case .utf8(let bytes): bytes.count + 2
        case .int: 20
        case .array(let items): items.reduce(2) { $0 + $1.estimatedSize + 1 }
        case .object(let fields): fields.reduce(2) { $0 + $1.key.utf8.count + $1.value.estimatedSize + 4 }
        }
    }
}

/// Writes search data as scripts: `dossierSearch.add("id", JSON);`. A script, not a JSON file, because browsers
/// refuse `fetch()` of local files, and the site must work opened from disk.
enum SearchScript {
    /// The script that hands `value` to the page under the name `id`.
    static func script(id: String, value: SearchJSON) -> Data {
        script(id: id, capacity: value.estimatedSize) { append(value, to: &$0) }
    }

    /// The script around the JSON `writeJSON` writes, in one buffer that becomes the file's bytes without a copy:
    /// the search data is tens of megabytes of article text.
    static func script(id: String, capacity: Int, writeJSON: (inout ByteBuffer) -> Void) -> Data {
        var text = ByteBuffer(capacity: capacity + id.utf8.count + 36)
        text.appendBytes("window.dossierSearch.add(")
        appendString(id, to: &text)
        text.appendByte(0x2C)
        writeJSON(&text)
        text.appendBytes(");\n")
        return text.data()
    }

    /// Writes the value as JSON bytes: the data files are megabytes of article text, so no `String` is grown.
    static func append<Output: ByteAppending & ~Copyable>(_ value: SearchJSON, to text: inout Output) {
        switch value {
        case .string(let string): appendString(string, to: &text)
        case .utf8(let bytes): bytes.withUnsafeBufferPointer { appendString(utf8: $0, to: &text) }
        case .int(let number): text.appendDecimal(number)
        case .array(let items):
            text.appendByte(0x5B)
            for (position, item) in items.enumerated() {
                if position > 0 { text.appendByte(0x2C) }
                append(item, to: &text)
            }
            text.appendByte(0x5D)
        case .object(let fields):
            text.appendByte(0x7B)
            for (position, key) in fields.keys.sorted().enumerated() {
                if position > 0 { text.appendByte(0x2C) }
                appendString(key, to: &text)
                text.appendByte(0x3A)
                append(fields[key]!, to: &text)
            }
            text.appendByte(0x7D)
        }
    }

    /// A JSON string that is also safe inside a script: `<`, `>` and `&` escaped so that no `</script>` or
    /// `<!--` can appear, and U+2028/U+2029, which older engines take for line ends inside a string.
    static func appendString<Output: ByteAppending & ~Copyable>(_ string: String, to text: inout Output) {
        var string = string
        string.withUTF8 { appendString(utf8: $0, to: &text) }
    }

    /// The same for a string given as its UTF-8 bytes.
    static func appendString<Output: ByteAppending & ~Copyable>(
        utf8 bytes: UnsafeBufferPointer<UInt8>, to text: inout Output
    ) {
        text.appendByte(0x22)
        // Runs of bytes that need no escape are copied whole; U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them may need an escape.
            index = ByteLanes.skipClean(bytes, from: index) { word in
                ByteLanes.below(word, 0x20) | ByteLanes.equal(word, 0x22) | ByteLanes.equal(word, 0x26)
                    | ByteLanes.equal(word, 0x3C) | ByteLanes.equal(word, 0x3E) | ByteLanes.equal(word, 0x5C)
                    | ByteLanes.equal(word, 0xE2)
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            guard mayNeedEscape(byte) else {
                index += 1
                continue
            }
            let escape: String?
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0x3E: escape = "\\u003e"
            case 0x26: escape = "\\u0026"
            case 0x00..<0x20:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
            default: escape = nil
            }
            guard let escape else {
                index += 1
                continue
            }
            text.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            var escaped = escape
            escaped.withUTF8 { text.appendBytes($0) }
            index += byte == 0xE2 ? 3 : 1
            runStart = index
        }
        text.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        text.appendByte(0x22)
    }

    /// Whether `appendString` must look at a byte: controls, `"`, `&`, `<`, `>`, `\\`, and E2, which begins
    /// U+2028 and U+2029. Nearly every byte of an article is not one of them.
    @inline(__always)
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 64 ? (0x5000_0044_FFFF_FFFF as UInt64) >> byte & 1 != 0 : byte == 0x5C || byte == 0xE2
    }

    /// The name of a data file for a prefix of folded words: ASCII letters and digits as they are, any other
    /// character as `_` and its hexadecimal code, so that file names stay portable. `search.js` does the same.
    static func fileName(forKey key: String) -> String {
        var name = ""
        for scalar in key.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: name.unicodeScalars.append(scalar)
            default: name += "_" + String(scalar.value, radix: 16)
            }
        }
        return name
    }

    /// The text a reader sees in an HTML fragment (an article's body, as cmark-gfm's bytes): tags dropped (block
    /// tags leave a space), entities decoded, runs of spaces made one. In UTF-8 bytes, valid as the HTML is: the
    /// text is tokenized, cut and written out as bytes, so no `String` of it is made (and checked).
    static func plainUTF8(fromHTML html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { plainUTF8(fromHTML: $0) }
    }

    private static func plainUTF8(fromHTML bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x3C:  // <
                var close = index + 1
                while close < bytes.count, bytes[close] != 0x3E { close += 1 }
                var nameStart = index + 1
                if nameStart < close, bytes[nameStart] == 0x2F { nameStart += 1 }
                var nameEnd = nameStart
                while nameEnd < close, isASCIIAlphanumeric(bytes[nameEnd]) { nameEnd += 1 }
                let name = SearchTokenizer.shortKey(bytes[nameStart..<nameEnd].lazy.map { $0 | 0x20 })
                if name.map({ !inlineTagKeys.contains($0) }) ?? true { pendingSpace = !output.isEmpty }
                index = close + 1
                continue
            case 0x20, 0x09, 0x0A, 0x0D:
                pendingSpace = !output.isEmpty
                index += 1
                continue
            case 0x26: break
            default:
                // Most of an article is plain text: copied up to the next tag, space or entity at once.
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                var end = index + 1
                // A single space between two plain bytes is copied as it is: the run goes on over it.
                while end < bytes.count {
                    end = ByteLanes.skipClean(bytes, from: end, flagged: mayEndRun)
                    guard end < bytes.count else { break }
                    if !isSpecialInText(bytes[end]) {
                        end += 1
                    } else if bytes[end] == 0x20, end + 1 < bytes.count, !isSpecialInText(bytes[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            if byte == 0x26 {  // &
                var end = index + 1
                while end < min(bytes.count, index + 12), bytes[end] != 0x3B { end += 1 }
                if end < bytes.count, bytes[end] == 0x3B,
                    let decoded = decodeEntity(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]))
                {
                    UTF8.encode(decoded) { output.append($0) }
                    index = end + 1
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// The lanes of eight bytes where a run of plain text may end, so that a run passes eight bytes at once
    /// where none is flagged: `<`, `&`, controls (tab and line ends among them), and a space that another space,
    /// `<`, `&` or control follows, or that ends the eight bytes (what follows it is not known). Extra flags only
    /// send the run back to its byte loop.
    @inline(__always)
    private static func mayEndRun(_ eight: UInt64) -> UInt64 {
        let spaces = ByteLanes.equal(eight, 0x20)
        let stops = ByteLanes.equal(eight, 0x3C) | ByteLanes.equal(eight, 0x26) | ByteLanes.below(eight, 0x20)
        return stops | spaces & ((stops | spaces) >> 8 | 0x80 << 56)
    }

    /// The bytes `plainText` stops at: `<`, `&` and white space.
    @inline(__always)
    private static func isSpecialInText(_ byte: UInt8) -> Bool {
        // All below 64: one bit each, 0x3C, 0x26, 0x20, 0x0D, 0x0A and 0x09.
        byte < 64 && (0x1000_0041_0000_2600 as UInt64) >> byte & 1 != 0
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static let inlineTags: Set<String> = [
        "a", "abbr", "b", "code", "del", "em", "i", "mark", "s", "small", "span", "strong", "sub", "sup", "u",
    ]
    private static let inlineTagKeys = ShortKeySet(inlineTags)

    /// The character an entity's name (between `&` and `;`) stands for, if it is one this knows.
    private static func decodeEntity(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        // `&#39;`, cmark's apostrophe, is nearly every entity of an article: plain decimal digits are read here.
        if name.count > 1, name.count <= 10, name[0] == 0x23, name.dropFirst().allSatisfy({ $0 &- 0x30 < 10 }) {
            let value = name.dropFirst().reduce(UInt32(0)) { $0 * 10 + UInt32($1 - 0x30) }
            return Unicode.Scalar(value)
        }
        return decodeEntity(String(decoding: name, as: UTF8.self)[...])
    }

    private static func decodeEntity(_ name: Substring) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default: break
        }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }
}
