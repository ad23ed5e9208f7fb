/// Escaping for text placed in HTML and XML, in content or in a quoted attribute.
public enum HTML {
    /// The text with `& < > " '` written as entities: safe in content and in a quoted attribute.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// Appends the escaped text to a page being built as bytes: runs without a special character are copied whole.
    static func appendEscaped<Output: ByteAppending & ~Copyable>(_ text: String, to output: inout Output) {
        // A native string lends its bytes as they are: no copy of the string to make them contiguous.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &output) }) != nil { return }
        var text = text
        text.withUTF8 { appendEscaped($0, to: &output) }
    }

    static func appendEscaped<Output: ByteAppending & ~Copyable>(
        _ bytes: UnsafeBufferPointer<UInt8>, to output: inout Output
    ) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them needs escaping: most text has no `&<>"'` at all.
            index = ByteLanes.skipClean(bytes, from: index) { word in
                ByteLanes.equal(word, 0x26) | ByteLanes.equal(word, 0x3C) | ByteLanes.equal(word, 0x3E)
                    | ByteLanes.equal(word, 0x22) | ByteLanes.equal(word, 0x27)
            }
            guard index < bytes.count else { break }
            let replacement: StaticString
            switch bytes[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default:
                index += 1
                continue
            }
            output.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.appendBytes(UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
            runStart = index
        }
        output.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Appends text as it is (markup already made safe) to a page being built as bytes.
    static func append<Output: ByteAppending & ~Copyable>(_ text: String, to output: inout Output) {
        if text.utf8.withContiguousStorageIfAvailable({ output.appendBytes($0) }) != nil { return }
        var text = text
        text.withUTF8 { output.appendBytes($0) }
    }
}
