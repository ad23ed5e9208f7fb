/// Web and e-mail addresses in text (`https://…`, `www.…`, `nom@domaine.org`): not prose, so neither the
/// linker nor the suggester looks for names inside them. Read on bytes: this runs on every word.
enum WebAddresses {
    /// Byte ranges of the space-separated chunks that are addresses.
    static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        while start < bytes.count {
            while start < bytes.count, isSpace(bytes[start]) { start += 1 }
            var end = start
            while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
            if isAddress(bytes[start..<end]) { ranges.append(start..<end) }
            start = end
        }
        return ranges
    }

    /// `…://…`, `www.…` (perhaps after a bracket) or `name@domain.tld`.
    static func isAddress(_ chunk: ArraySlice<UInt8>) -> Bool {
        let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/"), dot = UInt8(ascii: "."), at = UInt8(ascii: "@")
        var index = chunk.startIndex
        while index + 2 < chunk.endIndex {
            if chunk[index] == colon && chunk[index + 1] == slash && chunk[index + 2] == slash { return true }
            index += 1
        }
        let bare = chunk.drop { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "<") }
        if bare.count > 4, bare.prefix(4).map({ $0 | 0x20 }) == Array("www.".utf8) { return true }
        if let sign = chunk.firstIndex(of: at), sign > chunk.startIndex {
            return chunk[(sign + 1)...].dropLast().contains(dot)
        }
        return false
    }
}
