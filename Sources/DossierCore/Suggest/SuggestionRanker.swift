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

    /// A name on its way to the list, with what ranking and merging need.
    private struct Entry {
        var key: String
        var suggestion: Suggestion
        var strength: ClueStrength
        /// Keys of its capitalised words: `["jim", "mattis"]`.
        var nameWordKeys: [String]
        var isAcronym: Bool

        /// A strong clue counts as one mention more.
        var score: Int { suggestion.count + (strength == .strong ? 1 : 0) }
    }

    func rank(_ tallied: [String: NameTally.Group]) -> Result {
        let groups = Self.mergingLongForms(tallied)
        let registeredKeys = Set(registry.entities.flatMap(\.names).map(Self.key))
        var entries: [Entry] = []
        entries.reserveCapacity(groups.count)
        for (key, group) in groups where !registeredKeys.contains(key) && !isCommonWord(group, key: key) {
            guard let example = group.firstExample else { continue }
            let (suggestion, strength) = suggestion(for: group, key: key, firstExample: example)
            if suggestion.aliasOf == nil, registeredKeys.contains(Self.key(suggestion.name)) { continue }
            entries.append(
                Entry(
                    key: key, suggestion: suggestion, strength: strength, nameWordKeys: group.nameWordKeys,
                    isAcronym: group.isAcronym))
        }
        var kept: [Entry] = []
        var belowMinimum = 0
        for entry in mergingSurnames(entries) {
            if entry.suggestion.count >= minCount || (admitsStrongClues && entry.strength == .strong) {
                kept.append(entry)
            } else {
                belowMinimum += 1
            }
        }
        // The higher score, then the surer guess first. A total order: the groups come from a dictionary, whose
        // order changes from run to run.
        kept.sort { left, right in
            if left.score != right.score { return left.score > right.score }
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

    /// `M. Mattis` beside `Jim Mattis`: a surname alone counts for the one person whose full name ends with it,
    /// and becomes an alias; of a registered person, a new alias. A surname two people share stays apart.
    private func mergingSurnames(_ entries: [Entry]) -> [Entry] {
        var owners: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated()
        where entry.suggestion.kind == "people" && entry.suggestion.aliasOf == nil && entry.nameWordKeys.count >= 2 {
            if let last = entry.nameWordKeys.last { owners[last, default: []].append(index) }
        }
        var registeredOwners: [String: Set<String>] = [:]
        for entity in registry.entities where entity.kind.id == "people" {
            let words = Self.key(entity.name).split(separator: " ")
            if words.count >= 2, let last = words.last { registeredOwners[String(last), default: []].insert(entity.id) }
        }
        var merged = entries
        var absorbed = Set<Int>()
        // In key order, so that a full name's aliases come in the same order at every run.
        for index in entries.indices.sorted(by: { entries[$0].key < entries[$1].key }) {
            let entry = entries[index]
            guard entry.nameWordKeys.count == 1, !entry.isAcronym, entry.suggestion.aliasOf == nil,
                entry.suggestion.aliases.isEmpty, entry.suggestion.kind == "people" || entry.strength == .none
            else { continue }
            let registered = registeredOwners[entry.key] ?? []
            let unregistered = owners[entry.key] ?? []
            if registered.count == 1, unregistered.isEmpty, let id = registered.first {
                merged[index].suggestion.aliasOf = id
                merged[index].suggestion.id = id
                merged[index].suggestion.kind = "people"
                merged[index].suggestion.evidence = "the surname of a registered person"
                merged[index].strength = .strong
            } else if registered.isEmpty, unregistered.count == 1, let owner = unregistered.first {
                merged[owner].suggestion.count += entry.suggestion.count
                merged[owner].suggestion.aliases.append(entry.suggestion.name)
                absorbed.insert(index)
            }
        }
        return merged.indices.filter { !absorbed.contains($0) }.map { merged[$0] }
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
