import Foundation

/// A value of the search data, written as JSON: only what the index needs, in a fixed order.
enum SearchJSON {
    case string(String)
    case int(Int)
    case array([SearchJSON])
    /// Keys are written sorted, so that two builds give the same bytes.
    case object([String: SearchJSON])
}

/// Writes search data as scripts: `dossierSearch.add("id", JSON);`. A script, not a JSON file, because browsers
/// refuse `fetch()` of local files, and the site must work opened from disk.
enum SearchScript {
    /// The script that hands `value` to the page under the name `id`.
    static func script(id: String, value: SearchJSON) -> Data {
        var json = ""
        append(value, to: &json)
        return script(id: id, json: json)
    }

    /// The same, for JSON already written with `append`.
    static func script(id: String, json: String) -> Data {
        var text = "window.dossierSearch.add("
        appendString(id, to: &text)
        text += ","
        text += json
        text += ");\n"
        return Data(text.utf8)
    }

    static func append(_ value: SearchJSON, to text: inout String) {
        switch value {
        case .string(let string): appendString(string, to: &text)
        case .int(let number): text += String(number)
        case .array(let items):
            text += "["
            for (position, item) in items.enumerated() {
                if position > 0 { text += "," }
                append(item, to: &text)
            }
            text += "]"
        case .object(let fields):
            text += "{"
            for (position, key) in fields.keys.sorted().enumerated() {
                if position > 0 { text += "," }
                appendString(key, to: &text)
                text += ":"
                append(fields[key]!, to: &text)
            }
            text += "}"
        }
    }

    /// A JSON string that is also safe inside a script: `<`, `>` and `&` escaped so that no `</script>` or
    /// `<!--` can appear, and U+2028/U+2029, which older engines take for line ends inside a string.
    static func appendString(_ string: String, to text: inout String) {
        var string = string
        string.withUTF8 { bytes in
            text += "\""
            // Runs of bytes that need no escape are copied whole; U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
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
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                default: escape = nil
                }
                guard let escape else {
                    index += 1
                    continue
                }
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                text += escape
                index += byte == 0xE2 ? 3 : 1
                runStart = index
            }
            text += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]), as: UTF8.self)
            text += "\""
        }
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

    /// The text a reader sees in an HTML fragment: tags dropped (block tags leave a space), entities decoded,
    /// runs of spaces made one.
    static func plainText(fromHTML html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
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
                default: break
                }
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                if byte == 0x26 {  // &
                    var end = index + 1
                    while end < min(bytes.count, index + 12), bytes[end] != 0x3B { end += 1 }
                    if end < bytes.count, bytes[end] == 0x3B,
                        let decoded = decodeEntity(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)[...])
                    {
                        output.append(contentsOf: decoded.utf8)
                        index = end + 1
                        continue
                    }
                }
                output.append(byte)
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static let inlineTags: Set<String> = [
        "a", "abbr", "b", "code", "del", "em", "i", "mark", "s", "small", "span", "strong", "sub", "sup", "u",
    ]
    private static let inlineTagKeys = ShortKeySet(inlineTags)

    private static func decodeEntity(_ name: Substring) -> String? {
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
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
