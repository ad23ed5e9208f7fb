/// Reads the bytes between two words: spaces, a hyphen, an apostrophe, or punctuation that ends a name.
enum GapReader {
    static func read(_ gap: ArraySlice<UInt8>, isStart: Bool) -> (kind: NameWord.Gap, marks: NameWord.Marks) {
        if gap.count == 1, gap.first == 0x20 { return (isStart ? .start : .space, []) }  // most gaps
        var marks: NameWord.Marks = []
        var hasHard = false
        var hasApostrophe = false
        var hasHyphen = false
        var hasSpace = false
        var lastVisible: Unicode.Scalar?
        for scalar in String(decoding: gap, as: UTF8.self).unicodeScalars {
            switch TextFolding.characterClass(scalar) {
            case .invisible, .word:
                continue
            case .soft:
                if isApostrophe(scalar) {
                    hasApostrophe = true
                } else if isHyphen(scalar) {
                    hasHyphen = true
                } else {
                    hasSpace = true
                    continue
                }
            case .hard:
                hasHard = true
                switch scalar {
                case "(", "[": marks.insert(.openingParenthesis)
                case ")", "]": marks.insert(.closingParenthesis)
                case ",", ";": marks.insert(.comma)
                case ":", "«", "“", "—", "–": marks.insert(.opening)
                case ".", "!", "?", "…": marks.insert(.period)
                case "#": marks.insert(.hashtag)
                default: break
                }
            }
            lastVisible = scalar
        }
        // A straight quote opens when nothing but spaces follows it: ` "Washington`, not `Post", a dit`.
        if lastVisible == "\"" { marks.insert(.opening) }
        // A hyphen with spaces around it is a dash: `- Escalade autour de Damas -`.
        if hasHyphen && hasSpace && !hasApostrophe {
            hasHard = true
            marks.insert(.opening)
        }
        if isStart { return (.start, marks) }
        if hasHard { return (.hard, marks) }
        if hasApostrophe { return (.apostrophe, marks) }
        if hasHyphen { return (.hyphen, marks) }
        return (.space, marks)
    }

    /// Exactly one apostrophe, nothing else: the gap inside `Hay'at`.
    static func isInnerApostrophe(_ gap: ArraySlice<UInt8>) -> Bool {
        let scalars = String(decoding: gap, as: UTF8.self).unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        return isApostrophe(scalar)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x60, 0x2018, 0x2019, 0x02BC, 0x02B9, 0x00B4, 0x2032, 0x02BB, 0x02BE, 0x02BF: return true
        default: return false
        }
    }

    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2043: return true
        default: return false
        }
    }

    static func firstScalar(of bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
