/// A word of a text: its place in the UTF-8 bytes and its folded form.
struct Token: Sendable, Hashable {
    /// Byte offsets in the text's UTF-8.
    var start: Int
    var end: Int
    /// Lowercase, without accents.
    var key: String
    /// Every letter is a capital (`EI`, `OSDH`): what an acronym must match.
    var isAllCaps: Bool
    /// Only spaces, hyphens, apostrophes or line breaks separate it from the previous word.
    var softGapBefore: Bool
}

/// Cuts text into words: letters and digits, split at spaces, hyphens, apostrophes and punctuation.
///
/// French elision needs no special case: `l’EI` is the words `l` and `EI`, so `EI` is found.
enum Tokenizer {
    static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var offset = 0
        var current: (start: Int, key: String, upper: Bool, hasLetter: Bool)?
        var gapIsSoft = false

        func finish(at end: Int) {
            guard let word = current else { return }
            tokens.append(
                Token(
                    start: word.start, end: end, key: word.key, isAllCaps: word.upper && word.hasLetter,
                    softGapBefore: !tokens.isEmpty && gapIsSoft))
            current = nil
            gapIsSoft = true
        }

        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            switch TextFolding.characterClass(scalar) {
            case .word:
                if current == nil { current = (offset, "", true, false) }
                TextFolding.appendFolded(scalar, to: &current!.key)
                if TextFolding.isLowercaseLetter(scalar) {
                    current!.upper = false
                } else if TextFolding.isUppercaseLetter(scalar) {
                    current!.hasLetter = true
                }
            case .invisible:
                break
            case .soft:
                finish(at: offset)
            case .hard:
                finish(at: offset)
                gapIsSoft = false
            }
            offset += width
        }
        finish(at: offset)
        return tokens
    }
}
