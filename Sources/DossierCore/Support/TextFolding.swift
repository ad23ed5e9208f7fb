import Foundation

/// Folds text the way a French reader compares names: case, accents and typographic variants ignored.
enum TextFolding {
    /// How the tokenizer treats a character.
    enum CharacterClass {
        /// A letter or a digit: part of a word.
        case word
        /// Space (any width, non-breaking too), line break, hyphen or apostrophe: may sit inside a name.
        case soft
        /// Invisible (soft hyphen, joiners, BOM): ignored, even inside a word.
        case invisible
        /// Any other punctuation: ends a name.
        case hard
    }

    static func characterClass(_ scalar: Unicode.Scalar) -> CharacterClass {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x2D, 0x27, 0x60: return .soft
            default: return .hard
            }
        }
        switch value {
        case 0xAD, 0x200C, 0x200D, 0x2060, 0xFEFF: return .invisible
        // Transliterated ayn and hamza (Maʿarrat, Qaʾida) are letters of the word, often left out: ignored.
        case 0x02BB, 0x02BE, 0x02BF: return .invisible
        case 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029, 0x85: return .soft
        case 0x2010, 0x2011, 0x2012, 0x2043: return .soft  // hyphens, the non-breaking one too
        case 0x2018, 0x2019, 0x02BC, 0x02B9, 0x00B4, 0x2032: return .soft  // apostrophes
        default: break
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return .word }
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
            return .word
        }
        if properties.isWhitespace { return .soft }
        return .hard
    }

    /// Appends the folded form of a word character: lowercase, without accents (`É` → `e`, `ı` → `i`, `œ` → `oe`).
    static func appendFolded(_ scalar: Unicode.Scalar, to output: inout String) {
        let value = scalar.value
        if value < 0x80 {
            if (0x41...0x5A).contains(value) {
                output.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
            } else {
                output.unicodeScalars.append(scalar)
            }
            return
        }
        if Int(value) < latinTable.count {
            output += latinTable[Int(value)]
            return
        }
        output += foldSlowly(scalar)
    }

    /// Folds a whole string: word characters folded, everything else kept.
    static func fold(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch characterClass(scalar) {
            case .word: appendFolded(scalar, to: &output)
            case .invisible: continue
            case .soft, .hard: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Whether a letter is a capital (digits and marks are neither).
    static func isUppercaseLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (0x41...0x5A).contains(scalar.value) }
        return scalar.properties.isUppercase
    }

    static func isLowercaseLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (0x61...0x7A).contains(scalar.value) }
        return scalar.properties.isLowercase
    }

    /// The folded forms of U+0000…U+024F (Latin-1 and Latin Extended A and B), computed once.
    private static let latinTable: [String] = (0..<0x250).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return "" }
        return foldSlowly(scalar)
    }

    /// The same table as UTF-8 bytes, for the matcher's byte loop, packed: the length in the low byte and up to
    /// three bytes above it (no Latin letter folds to more), so that a lookup is one load, not an array's.
    static let latinBytes: [UInt32] = latinTable.map { folded in
        let utf8 = Array(folded.utf8)
        precondition(utf8.count <= 3, "a Latin letter folds to at most three bytes")
        var packed = UInt32(utf8.count)
        for (index, byte) in utf8.enumerated() { packed |= UInt32(byte) << (8 * (index + 1)) }
        return packed
    }

    /// The classes of U+0000…U+024F, computed once: the matcher asks for every character.
    static let latinClasses: [CharacterClass] = (0..<0x250).map { value in
        Unicode.Scalar(UInt32(value)).map(characterClass) ?? .hard
    }

    /// The classes of ASCII, for the matcher's byte loop.
    static let asciiClasses: [CharacterClass] = (0..<0x80).map { characterClass(Unicode.Scalar(UInt8($0))) }

    /// ASCII in one table for the folding loop: a letter or digit gives its folded byte (below 0x80), a
    /// separator `asciiSoft` or `asciiHard` (ASCII has no invisible character).
    static let asciiFolding: [UInt8] = (0..<0x80).map { value in
        switch asciiClasses[value] {
        case .word: return (0x41...0x5A).contains(value) ? UInt8(value + 0x20) : UInt8(value)
        case .soft: return asciiSoft
        case .hard, .invisible: return asciiHard
        }
    }
    static let asciiSoft: UInt8 = 0x81
    static let asciiHard: UInt8 = 0x82

    /// The scalar whose UTF-8 encoding starts at `offset` (a lead byte of 0x80 or more), and its length in bytes.
    /// The bytes come from a Swift `String`, so they are valid UTF-8; a sequence cut short by the end reads as
    /// U+FFFD and takes the bytes that are left.
    @inline(__always)
    static func scalar<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at offset: Int) -> (Unicode.Scalar, Int)
    where Bytes.Index == Int {
        let lead = bytes[offset]
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + width <= bytes.endIndex else { return ("\u{FFFD}", bytes.endIndex - offset) }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for index in 1..<width { value = value << 6 | (UInt32(bytes[offset + index]) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// `characterClass`, from a table for the Latin letters that make up nearly all French text.
    static func fastClass(_ scalar: Unicode.Scalar) -> CharacterClass {
        scalar.value < 0x250 ? latinClasses[Int(scalar.value)] : characterClass(scalar)
    }

    /// Appends the folded UTF-8 bytes of a word character.
    static func appendFoldedBytes(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            output.append((0x41...0x5A).contains(value) ? UInt8(value + 0x20) : UInt8(value))
        } else if value < 0x250 {
            let packed = latinBytes[Int(value)]
            for index in 0..<Int(packed & 0xFF) {
                output.append(UInt8(truncatingIfNeeded: packed >> (8 * (index + 1))))
            }
        } else {
            output.append(contentsOf: foldSlowly(scalar).utf8)
        }
    }

    private static func foldSlowly(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x131: return "i"  // dotless ı (Turkish)
        case 0xD8, 0xF8: return "o"
        case 0x141, 0x142: return "l"
        case 0x110, 0x111, 0xD0, 0xF0: return "d"
        case 0xDF: return "ss"
        case 0xC6, 0xE6: return "ae"
        case 0x152, 0x153: return "oe"
        case 0xDE, 0xFE: return "th"
        default: break
        }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        var base = String.UnicodeScalarView()
        for part in decomposed.unicodeScalars where part.properties.generalCategory != .nonspacingMark {
            base.append(part)
        }
        return String(base).lowercased()
    }
}
