/// Reads how far an organisation's French name runs after its capitalised head noun, since French
/// capitalises only the first word: `Armée syrienne libre`, `Gardes de la révolution`,
/// `Conseil de sécurité`, `Observatoire syrien des droits de l'Homme`.
enum OrganisationNameReader {
    /// The index of the name's last word: the head's own (its last word) when nothing follows that belongs to it.
    /// `isCompound`: a hyphenated head (`Haut-Commissariat`) may take its first complement with `aux`
    /// (`Haut-Commissariat aux réfugiés`); after a plain one, `aux abords` is prose.
    static func end(of head: Int, in words: [NameWord], registered: [Int?], isCompound: Bool = false) -> Int {
        var last = head
        var index = head + 1
        // Adjectives that agree with the head: `démocratiques syriennes`.
        while index < words.count, fits(index, words, registered), words[index].gap == .space,
            words[index].shape == .lowercase, NameLexicon.isAdjective(words[index].key)
        {
            last = index
            index += 1
        }
        // At most two complements with `de`: `des droits de l'Homme`, `de sécurité nationale`.
        for round in 0..<2 {
            guard let noun = complementNoun(after: last, words, registered, allowsAu: isCompound && round == 0)
            else { break }
            last = noun
            // An adjective after the complement, but not a nationality: `révolution islamique`, not `… iraniens`.
            if noun + 1 < words.count, fits(noun + 1, words, registered), words[noun + 1].gap == .space,
                words[noun + 1].shape == .lowercase, NameLexicon.isAdjective(words[noun + 1].key),
                !isNationality(words[noun + 1].key)
            {
                last = noun + 1
            }
        }
        return last
    }

    /// `de la révolution`, `des droits`, `de l'Homme`: the noun's index.
    private static func complementNoun(after last: Int, _ words: [NameWord], _ registered: [Int?], allowsAu: Bool)
        -> Int?
    {
        var index = last + 1
        guard index < words.count, fits(index, words, registered), words[index].gap == .space else { return nil }
        switch (words[index].key, words[index].shape) {
        case ("de", .lowercase), ("du", .lowercase), ("des", .lowercase), ("d", .elision): index += 1
        case ("aux", .lowercase) where allowsAu, ("au", .lowercase) where allowsAu: index += 1
        default: return nil
        }
        if index < words.count, words[index - 1].key == "de", words[index].gap == .space, words[index].key == "la" {
            index += 1
        } else if index < words.count, words[index - 1].key == "de", words[index].shape == .elision,
            words[index].key == "l"
        {
            index += 1
        }
        guard index < words.count, fits(index, words, registered), words[index].gap != .hard else { return nil }
        let word = words[index]
        let isNoun =
            (word.shape == .lowercase && word.key.utf8.count >= 3 && !NameLexicon.openers.contains(word.key)
                && !NameLexicon.months.contains(word.key))
            || (word.shape == .capitalised && NameLexicon.capitalisedCommonNouns.contains(word.key))
        return isNoun ? index : nil
    }

    private static func fits(_ index: Int, _ words: [NameWord], _ registered: [Int?]) -> Bool {
        registered[index] == nil && !words[index].isExcluded
    }

    /// `iraniens`, `libanais`, `russes`: adjectives that say whose, not part of the name.
    static func isNationality(_ key: String) -> Bool {
        let endings = ["ien", "iens", "ienne", "iennes", "ais", "aise", "aises", "ain", "ains", "aine", "aines"]
        let words: Set<String> = [
            "russe", "russes", "turc", "turcs", "turque", "turques", "kurde", "kurdes", "arabe", "arabes",
        ]
        return words.contains(key) || endings.contains { key.hasSuffix($0) }
    }
}
