/// Finds the long form an article gives an acronym, before it (`Forces démocratiques syriennes (FDS)`,
/// `Organisation des Nations unies (ONU)`) or in brackets after it (`l'ASL (Armée syrienne libre)`).
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

    /// The words (indexes) of the long form in brackets right after the acronym, or nil.
    static func expansion(following acronym: Int, in words: [NameWord]) -> Range<Int>? {
        let letters = Array(words[acronym].key.unicodeScalars)
        let start = acronym + 1
        guard start < words.count, words[start].marks.contains(.openingParenthesis), words[start].shape == .capitalised
        else { return nil }
        let latest = min(words.count - 1, start + letters.count * 3)
        guard let end = matchForward(letters, 0, at: start, latest: latest, words: words) else { return nil }
        for index in start...end where words[index].isExcluded || (index > start && words[index].gap == .hard) {
            return nil
        }
        return start..<(end + 1)
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

    /// Matches the letters, first first, to the words' initials; returns the last word's index, which a bracket closes.
    private static func matchForward(
        _ letters: [Unicode.Scalar], _ letter: Int, at index: Int, latest: Int, words: [NameWord]
    ) -> Int? {
        guard index <= latest else { return nil }
        let word = words[index]
        if word.key.unicodeScalars.first == letters[letter] {
            if letter == letters.count - 1 {
                if index + 1 == words.count || words[index + 1].marks.contains(.closingParenthesis) { return index }
            } else if let found = matchForward(letters, letter + 1, at: index + 1, latest: latest, words: words) {
                return found
            }
        }
        guard skippable.contains(word.key) || word.shape == .elision else { return nil }
        return matchForward(letters, letter, at: index + 1, latest: latest, words: words)
    }
}
