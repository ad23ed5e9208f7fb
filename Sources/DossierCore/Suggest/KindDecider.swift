/// How far a guess of kind can be trusted: a word that names the kind (`ville de`, `ministre`) or a telling
/// shape (a given name, a country) is a strong clue; `à`, `en` or a speech verb a weak one.
enum ClueStrength: Int, Comparable, Sendable {
    case none, weak, strong

    static func < (lhs: ClueStrength, rhs: ClueStrength) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Decides a name's kind from the clues of all its occurrences and from the name's own shape.
struct KindDecider {
    let group: NameTally.Group
    /// The folded name: `mer noire`.
    let key: String
    /// As most often written.
    let spelling: String

    struct Guess {
        var kind: String
        /// Why, for the reader: `after "ville de"`, `a country`.
        var evidence: String
        /// The context phrase the guess rests on, if any: its example is shown.
        var phrase: String?
        var strength: ClueStrength
    }

    /// The kind with the most weight from context clues and from the name's own shape.
    func decide() -> Guess {
        let priors = priors()
        // The name's shape speaks at every occurrence, as a context clue does.
        func shapeScore(_ kind: String) -> Int { (priors[kind]?.weight ?? 0) * group.count }
        var best: (kind: String, score: Int)?
        for kind in SuggestionRanker.kindOrder {
            let score = (group.votes[kind] ?? 0) + shapeScore(kind)
            if score > (best?.score ?? 0) { best = (kind, score) }
        }
        guard let winner = best?.kind else {
            return Guess(kind: "towns", evidence: "no clue in the text", phrase: nil, strength: .none)
        }
        let strongContext = (group.strongest[winner] ?? 0) >= 3
        let isStrong = priors[winner]?.isStrong == true || strongContext || !group.expansions.isEmpty
        let strength: ClueStrength = isStrong ? .strong : .weak
        let phrase = SuggestionRanker.mostFrequent(group.phrases[winner] ?? [:])
        // The words of the text say more than the name's look (`after "général"`), unless the name is in a list.
        if let prior = priors[winner], shapeScore(winner) >= (group.votes[winner] ?? 0),
            phrase == nil || prior.weight >= 10 || (prior.weight >= 2 && !strongContext)
        {
            return Guess(kind: winner, evidence: prior.evidence, phrase: nil, strength: strength)
        }
        return Guess(kind: winner, evidence: phrase ?? "context", phrase: phrase, strength: strength)
    }

    /// What a name's shape says of one kind: a weight per occurrence, and whether it is a strong clue.
    private struct Prior {
        var weight: Int
        var evidence: String
        var isStrong: Bool
    }

    /// What the name's own shape says: 10 for a name in a list of the world's, 4 for a telling first word
    /// (2 for a town's: `province de Deir Ezzor` may still be the province), 1 for a mere look.
    private func priors() -> [String: Prior] {
        var priors: [String: Prior] = [:]
        let words = group.nameWordKeys
        let first = words.first ?? key
        if group.isAcronym { priors["groups"] = Prior(weight: 2, evidence: "an acronym", isStrong: false) }
        if group.isOrganisationName || NameLexicon.organisationHeads.contains(first) {
            priors["groups"] = Prior(weight: 4, evidence: "named like an organisation", isStrong: true)
        }
        if NameLexicon.placeHeads.contains(first) || key.hasPrefix("mer ") || key.hasPrefix("ocean ") {
            priors["places"] = Prior(weight: 4, evidence: "named like a place", isStrong: true)
        }
        if words.count >= 2, NameLexicon.townHeads.contains(first) {
            priors["towns"] = Prior(weight: 2, evidence: "named like a town", isStrong: true)
        }
        if words.count >= 2, NameLexicon.givenNames.contains(first) {
            priors["people"] = Prior(weight: 4, evidence: "begins with a given name", isStrong: true)
        } else if priors.isEmpty, looksLikePersonName(words) {
            priors["people"] = Prior(
                weight: 1, evidence: "two capitalised words, like a person's name", isStrong: false)
        }
        if NameLexicon.countries.contains(key) {
            priors["places"] = Prior(weight: 10, evidence: "a country", isStrong: true)
        }
        if NameLexicon.worldRegions.contains(key) {
            priors["places"] = Prior(weight: 10, evidence: "a region of the world", isStrong: true)
        }
        if NameLexicon.institutions.contains(key) {
            priors["groups"] = Prior(weight: 10, evidence: "an institution", isStrong: true)
        }
        if NameLexicon.townsWithArticle[key] != nil {
            priors["towns"] = Prior(weight: 10, evidence: "a city", isStrong: true)
        }
        return priors
    }

    /// `Talal Silo`, `Navi Pillay`: two or three capitalised words apart, nothing else (not `Sykes-Picot`,
    /// not `Orum al-Koubra`).
    private func looksLikePersonName(_ words: [String]) -> Bool {
        (2...3).contains(words.count) && key.split(separator: " ").count == words.count && spelling.contains(" ")
    }
}
