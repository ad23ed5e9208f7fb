/// Turns the tallied names into suggestions: leaves out registered and rare names, picks each one's
/// spelling and kind, ranks them by frequency, then French order, and gives each a fresh id.
struct SuggestionRanker {
    let registry: Registry
    let minCount: Int
    let limit: Int

    struct Result {
        var suggestions: [Suggestion]
        var belowMinimum: Int
        var beyondLimit: Int
    }

    /// The order kinds win ties in: towns are what dispatches name most.
    static let kindOrder = ["towns", "groups", "people", "places"]

    func rank(_ tallied: [String: NameTally.Group]) -> Result {
        let groups = Self.mergingLongForms(tallied)
        let registeredKeys = Set(
            registry.entities.flatMap(\.names).map { Tokenizer.tokens(of: $0).map(\.key).joined(separator: " ") })
        var kept: [(key: String, suggestion: Suggestion)] = []
        var belowMinimum = 0
        for (key, group) in groups where !registeredKeys.contains(key) {
            guard group.count >= minCount else {
                belowMinimum += 1
                continue
            }
            guard let example = group.firstExample else { continue }
            kept.append((key, suggestion(for: group, key: key, firstExample: example)))
        }
        // A total order: the groups come from a dictionary, whose order changes from run to run.
        kept.sort { left, right in
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

    private func suggestion(for group: NameTally.Group, key: String, firstExample: SuggestionExample) -> Suggestion {
        let spelling = Self.bestSpelling(group.spellings)
        var name = spelling
        var aliases: [String] = []
        if let expansion = Self.mostFrequent(group.expansions) {
            name = expansion
            aliases = [spelling]
        }
        let guess = guessKind(group, key: key)
        var example = firstExample
        if let phrase = guess.phrase, let phraseExample = group.exampleByPhrase[phrase] { example = phraseExample }
        let owner = Self.mostFrequent(group.aliasOf).map { registry.entities[$0] }
        return Suggestion(
            name: name, aliases: aliases, id: owner?.id ?? "", kind: owner?.kind.id ?? guess.kind,
            evidence: owner == nil ? guess.evidence : "its long form is registered",
            count: group.count, example: example, aliasOf: owner?.id)
    }

    /// An acronym's long form written alone (`les Forces démocratiques syriennes`) counts for the acronym.
    static func mergingLongForms(_ groups: [String: NameTally.Group]) -> [String: NameTally.Group] {
        var merged = groups
        for key in groups.keys.sorted() {
            guard let group = merged[key], let expansion = mostFrequent(group.expansions) else { continue }
            let longKey = Tokenizer.tokens(of: expansion).map(\.key).joined(separator: " ")
            guard longKey != key, let long = merged[longKey] else { continue }
            merged[key]?.absorb(long)
            merged[longKey] = nil
        }
        return merged
    }

    /// The kind with the most weight from context clues and from the name's own shape.
    private func guessKind(_ group: NameTally.Group, key: String) -> (kind: String, evidence: String, phrase: String?) {
        var priors: [String: (weight: Int, evidence: String)] = [:]
        if NameLexicon.countries.contains(key) { priors["places"] = (10, "a country") }
        if group.isAcronym { priors["groups"] = (2, "an acronym") }
        if group.isOrganisationName || group.nameWordKeys.first.map(NameLexicon.organisationHeads.contains) == true {
            priors["groups"] = (4, "named like an organisation")
        }
        if let first = group.nameWordKeys.first {
            if NameLexicon.placeHeads.contains(first) { priors["places"] = (4, "named like a place") }
            if group.nameWordKeys.count >= 2, NameLexicon.givenNames.contains(first) {
                priors["people"] = (4, "begins with a given name")
            }
        }
        // The name's shape speaks at every occurrence, as a context clue does.
        func shapeScore(_ kind: String) -> Int { (priors[kind]?.weight ?? 0) * group.count }
        var best: (kind: String, score: Int)?
        for kind in Self.kindOrder {
            let score = (group.votes[kind] ?? 0) + shapeScore(kind)
            if score > (best?.score ?? 0) { best = (kind, score) }
        }
        guard let winner = best else { return ("towns", "no clue in the text", nil) }
        let context = group.votes[winner.kind] ?? 0
        if let prior = priors[winner.kind], shapeScore(winner.kind) >= context {
            return (winner.kind, prior.evidence, nil)
        }
        let phrase = Self.mostFrequent(group.phrases[winner.kind] ?? [:])
        return (winner.kind, phrase ?? "context", phrase)
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
