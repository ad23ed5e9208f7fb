/// The opening of an article for lists and the feed: its first paragraph, cut at a word before 220 characters.
extension EntityLinker {
    /// The excerpt of a paragraph's UTF-8 bytes, the same as `excerpt(of:)` of their text.
    ///
    /// Read on bytes where every character of the opening is a single scalar that no neighbour can join
    /// (Latin letters, spaces, French punctuation): there a character is a scalar and counting is cheap. Any
    /// other opening (combining accents, emoji, `\r\n`…) goes the way of Characters.
    static func excerpt(ofUTF8 bytes: [UInt8], limit: Int = 220) -> String {
        bytes.withUnsafeBufferPointer { text in
            simpleExcerpt(of: text, limit: limit) ?? excerpt(of: String(decoding: text, as: UTF8.self), limit: limit)
        }
    }

    /// The reference, on Characters.
    static func excerpt(of text: String, limit: Int = 220) -> String {
        // Only the opening can fit: a word that starts past it is longer than any word of French prose.
        let opening = text.prefix(limit + 80)
        var result = ""
        var length = 0
        for word in opening.split(whereSeparator: { $0.isWhitespace }) {
            let wordLength = word.count
            if length + wordLength + 1 > limit { return result + " …" }
            if !result.isEmpty {
                result += " "
                length += 1
            }
            result += word
            length += wordLength
        }
        return opening.endIndex < text.endIndex ? result + " …" : result
    }

    /// `excerpt(of:)` counting scalars, or nil if a scalar it reads may not be a character on its own.
    private static func simpleExcerpt(of text: UnsafeBufferPointer<UInt8>, limit: Int) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(min(text.count, 4 * (limit + 80)) + 4)
        var length = 0
        var wordStart = -1
        var wordLength = 0
        /// Adds the word that ends at `end`, or says that it does not fit.
        func endWord(at end: Int) -> Bool {
            defer { wordStart = -1 }
            if length + wordLength + 1 > limit { return false }
            if !result.isEmpty {
                result.append(0x20)
                length += 1
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: text[wordStart..<end]))
            length += wordLength
            return true
        }
        func cut() -> String {
            result.append(contentsOf: [0x20, 0xE2, 0x80, 0xA6])  // " …"
            return String(decoding: result, as: UTF8.self)
        }
        var offset = 0
        var characters = 0
        while offset < text.count && characters < limit + 80 {
            guard let scalar = simpleScalar(in: text, at: offset) else { return nil }
            let (isWhitespace, width) = scalar
            if isWhitespace {
                if wordStart >= 0 && !endWord(at: offset) { return cut() }
            } else {
                if wordStart < 0 {
                    wordStart = offset
                    wordLength = 0
                }
                wordLength += 1
            }
            offset += width
            characters += 1
        }
        // The next scalar, if any, could join the last character read: it must be a simple one too.
        let truncated = offset < text.count
        if truncated, simpleScalar(in: text, at: offset) == nil { return nil }
        if wordStart >= 0 && !endWord(at: offset) { return cut() }
        return truncated ? cut() : String(decoding: result, as: UTF8.self)
    }

    /// The scalar at `offset` if it is a grapheme of its own whatever its neighbours (below U+0300 but `\r`,
    /// or in U+2000…U+20BF but the joiners): whether it is whitespace, and its width in bytes.
    @inline(__always)
    private static func simpleScalar(in text: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Bool, Int)? {
        let lead = text[offset]
        if lead < 0x80 {
            switch lead {
            case 0x0D: return nil
            case 0x09, 0x0A, 0x0B, 0x0C, 0x20: return (true, 1)
            default: return (false, 1)
            }
        }
        if lead >= 0xC2 && lead <= 0xCB {
            guard offset + 1 < text.count, text[offset + 1] & 0xC0 == 0x80 else { return nil }
            let value = UInt32(lead & 0x1F) << 6 | UInt32(text[offset + 1] & 0x3F)
            return (value == 0x85 || value == 0xA0, 2)
        }
        if lead == 0xE2 {
            guard offset + 2 < text.count, (0x80...0x82).contains(text[offset + 1]), text[offset + 2] & 0xC0 == 0x80
            else { return nil }
            let value = 0x2000 | UInt32(text[offset + 1] & 0x3F) << 6 | UInt32(text[offset + 2] & 0x3F)
            switch value {
            case 0x200C, 0x200D: return nil
            case 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F: return (true, 3)
            default: return (false, 3)
            }
        }
        return nil
    }
}
