/// Turns the tallied names into suggestions: leaves out registered, rare and common words, picks each one's
/// spelling and kind, ranks them by mentions and by how sure the guess is, and gives each a fresh id.
struct SuggestionRanker {
    let registry: Registry
    /// The least count a name needs to be shown.
    let minCount: Int
    /// Whether a name seen fewer times is shown all the same when a strong clue backs it (a title, `ville de`).
    let admitsStrongClues: Bool
    let limit: Int
    /// Every word the dossier writes in lowercase: a capitalised word also written so is a common one.
    var lowercaseWords: Set<String> = []

    struct Result {
        var suggestions: [Suggestion]
        var belowMinimum: Int
        var beyondLimit: Int
    }

    /// The order kinds win ties in: towns are what dispatches name most.
    static let kindOrder = ["towns", "groups", "people", "places"]

    func rank(_ tallied: [String: NameTally.Group]) -> Result {
        let groups = Self.mergingLongForms(tallied)
        let registeredKeys = Set(registry.entities.flatMap(\.names).map(Self.key))
        var kept: [(key: String, suggestion: Suggestion, strength: ClueStrength)] = []
        kept.reserveCapacity(groups.count)
        var belowMinimum = 0
        for (key, group) in groups where !registeredKeys.contains(key) && !isCommonWord(group, key: key) {
            guard let example = group.firstExample else { continue }
            let (suggestion, strength) = suggestion(for: group, key: key, firstExample: example)
            guard group.count >= minCount || (admitsStrongClues && strength == .strong) else {
                belowMinimum += 1
                continue
            }
            if suggestion.aliasOf == nil, registeredKeys.contains(Self.key(suggestion.name)) { continue }
            kept.append((key, suggestion, strength))
        }
        // A strong clue counts as one mention more; then the surer guess first. A total order: the groups come
        // from a dictionary, whose order changes from run to run.
        func score(_ entry: (key: String, suggestion: Suggestion, strength: ClueStrength)) -> Int {
            entry.suggestion.count + (entry.strength == .strong ? 1 : 0)
        }
        kept.sort { left, right in
            if score(left) != score(right) { return score(left) > score(right) }
            if left.strength != right.strength { return left.strength > right.strength }
            if left.suggestion.count != right.suggestion.count { return left.suggestion.count > right.suggestion.count }
            if left.suggestion.name != right.suggestion.name {
                return FrenchCollation.areInOrder(left.suggestion.name, right.suggestion.name)
            }
            return left.key < right.key
        }
        let beyondLimit = max(0, kept.count - limit)
        var suggestions = kept.prefix(limit).map(\.suggestion)
        var taken = Set(registry.entities.map(\.id))
        for index in suggestions.indices where suggestions[index].aliasOf == nil {
            let base = Slug.make(suggestions[index].name).isEmpty ? "entity" : Slug.make(suggestions[index].name)
            var id = base
            var number = 2
            while taken.contains(id) {
                id = "\(base)-\(number)"
                number += 1
            }
            taken.insert(id)
            suggestions[index].id = id
        }
        return Result(suggestions: suggestions, belowMinimum: belowMinimum, beyondLimit: beyondLimit)
    }

    static func key(_ name: String) -> String { Tokenizer.tokens(of: name).map(\.key).joined(separator: " ") }

    /// A single capitalised word that names a people (`Kurdes`), a plural common noun (`Affaires`), or a word of
    /// a credit line the dossier also writes in lowercase (`Notes de la rédaction`).
    private func isCommonWord(_ group: NameTally.Group, key: String) -> Bool {
        guard group.nameWordKeys.count == 1, !key.contains(" "), !group.isAcronym, !group.isOrganisationName,
            group.expansions.isEmpty, !NameLexicon.countries.contains(key), !NameLexicon.worldRegions.contains(key)
        else { return false }
        if NameLexicon.isPeopleOrPlural(key, lowercaseWords: lowercaseWords) { return true }
        return group.creditCount == group.count && lowercaseWords.contains(key)
    }

    private func suggestion(for group: NameTally.Group, key: String, firstExample: SuggestionExample)
        -> (Suggestion, ClueStrength)
    {
        let spelling = Self.bestSpelling(group.spellings)
        var name = NameLexicon.townsWithArticle[key] ?? spelling
        var aliases: [String] = []
        if let expansion = Self.mostFrequent(group.expansions) {
            name = expansion
            aliases = [spelling]
        }
        let guess = KindDecider(group: group, key: key, spelling: spelling).decide()
        var example = firstExample
        if let phrase = guess.phrase, let phraseExample = group.exampleByPhrase[phrase] { example = phraseExample }
        let owner = Self.mostFrequent(group.aliasOf).map { registry.entities[$0] }
        let suggestion = Suggestion(
            name: name, aliases: aliases, id: owner?.id ?? "", kind: owner?.kind.id ?? guess.kind,
            evidence: owner == nil ? guess.evidence : "its long form is registered",
            count: group.count, hasStrongClue: owner != nil || guess.strength == .strong, example: example,
            aliasOf: owner?.id)
        return (suggestion, owner == nil ? guess.strength : .strong)
    }

    /// An acronym's long form written alone (`les Forces démocratiques syriennes`) counts for the acronym.
    static func mergingLongForms(_ groups: [String: NameTally.Group]) -> [String: NameTally.Group] {
        var merged = groups
        for key in groups.keys.sorted() {
            guard let group = merged[key], let expansion = mostFrequent(group.expansions) else { continue }
            let longKey = Self.key(expansion)
            guard longKey != key, let long = merged[longKey] else { continue }
            merged[key]?.absorb(long)
            merged[longKey] = nil
        }
        return merged
    }

    /// The most frequent value; ties go to the first in French order, so the choice is stable.
    static func mostFrequent<Key: Hashable & Comparable>(_ counts: [Key: Int]) -> Key? {
        counts.max { left, right in left.value != right.value ? left.value < right.value : left.key > right.key }?.key
    }

    /// The spelling used most; on a tie, the one with accents (`État` before `Etat`), then French order.
    static func bestSpelling(_ spellings: [String: Int]) -> String {
        func accents(_ text: String) -> Int {
            text.unicodeScalars.count { $0.value >= 0x80 && $0.properties.isAlphabetic }
        }
        return spellings.max { left, right in
            if left.value != right.value { return left.value < right.value }
            if accents(left.key) != accents(right.key) { return accents(left.key) < accents(right.key) }
            return left.key > right.key
        }?.key ?? ""
    }
}
