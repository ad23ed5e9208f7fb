/// Finds the long form an article gives an acronym in brackets:
/// `Forces démocratiques syriennes (FDS)`, `Organisation des Nations unies (ONU)`.
enum AcronymExpander {
    /// Small words an expansion may hold without a letter in the acronym.
    private static let skippable: Set<String> = [
        "de", "du", "des", "d", "la", "le", "l", "les", "et", "en", "pour", "a", "au", "aux", "of", "the", "and",
    ]

    /// The words (indexes) of the acronym's long form, or nil when the words before the bracket do not spell it.
    static func expansion(of acronym: Int, in words: [NameWord], sentenceOfWord: [Int]) -> Range<Int>? {
        let letters = Array(words[acronym].key.unicodeScalars)
        let earliest = max(0, acronym - letters.count * 3)
        guard acronym > 0, words[acronym].marks.contains(.openingParenthesis) else { return nil }
        guard let start = match(letters, letters.count - 1, at: acronym - 1, earliest: earliest, words: words) else {
            return nil
        }
        guard words[start].shape == .capitalised, sentenceOfWord[start] == sentenceOfWord[acronym - 1] else {
            return nil
        }
        // The long form is one run of words: no punctuation inside it, nothing excluded.
        for index in start..<acronym where words[index].isExcluded || (index > start && words[index].gap == .hard) {
            return nil
        }
        return start..<acronym
    }

    /// Matches the letters, last first, to the words' initials, skipping small words; returns the first word's index.
    private static func match(
        _ letters: [Unicode.Scalar], _ letter: Int, at index: Int, earliest: Int, words: [NameWord]
    ) -> Int? {
        guard index >= earliest else { return nil }
        let word = words[index]
        if word.key.unicodeScalars.first == letters[letter] {
            if letter == 0 { return index }
            if let found = match(letters, letter - 1, at: index - 1, earliest: earliest, words: words) { return found }
        }
        guard skippable.contains(word.key) || word.shape == .elision else { return nil }
        return match(letters, letter, at: index - 1, earliest: earliest, words: words)
    }
}
