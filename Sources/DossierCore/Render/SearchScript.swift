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
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "<": text += "\\u003c"
            case ">": text += "\\u003e"
            case "&": text += "\\u0026"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
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

    /// The text a reader sees in an HTML fragment: tags dropped (block tags leave a space), entities decoded.
    static func plainText(fromHTML html: String) -> String {
        var text = ""
        text.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let open = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            text += rest[..<open]
            if rest[open] == "<" {
                guard let close = rest[open...].firstIndex(of: ">") else { break }
                let name = rest[rest.index(after: open)..<close].drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                if !inlineTags.contains(name.lowercased()) { text += " " }
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest[open...].prefix(12).firstIndex(of: ";")
                if let end, let decoded = decodeEntity(rest[rest.index(after: open)..<end]) {
                    text += decoded
                    rest = rest[rest.index(after: end)...]
                } else {
                    text += "&"
                    rest = rest[rest.index(after: open)...]
                }
            }
        }
        text += rest
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static let inlineTags: Set<String> = [
        "a", "abbr", "b", "code", "del", "em", "i", "mark", "s", "small", "span", "strong", "sub", "sup", "u",
    ]

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
