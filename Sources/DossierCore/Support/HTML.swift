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
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        // A native string lends its bytes as they are: no copy of the string to make them contiguous.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &output) }) != nil { return }
        var text = text
        text.withUTF8 { appendEscaped($0, to: &output) }
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them needs escaping: most text has no `&<>"'` at all.
            if index + 8 <= bytes.count, !mayNeedEscaping(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
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
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Whether any of eight bytes is `&`, `<`, `>`, `"` or `'`: each is compared at once in all eight lanes (a
    /// lane is zero after the exclusive or exactly when its byte matched, and the test for a zero lane is exact).
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        @inline(__always) func hasByte(_ byte: UInt64) -> UInt64 {
            let lanes = word ^ (byte &* 0x0101_0101_0101_0101)
            return (lanes &- 0x0101_0101_0101_0101) & ~lanes & 0x8080_8080_8080_8080
        }
        return hasByte(0x26) | hasByte(0x3C) | hasByte(0x3E) | hasByte(0x22) | hasByte(0x27) != 0
    }

    /// Appends text as it is (markup already made safe) to a page being built as bytes.
    static func append(_ text: String, to output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) != nil { return }
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }
}
