/// Cross-references linked articles: backlinks, co-mentions, related articles, chronological order.
enum SiteModeler {
    static let companionLimit = 12
    static let relatedLimit = 5

    static func model(config: DossierConfig, registry: Registry, articles linked: [LinkedArticle]) -> Site {
        let articles = linked.sorted { lhs, rhs in
            switch (lhs.article.date, rhs.article.date) {
            case (let left?, let right?) where left != right: return left < right
            case (.some, .none): return true
            case (.none, .some): return false
            default: return lhs.article.file < rhs.article.file
            }
        }
        var facts: [String: EntityFacts] = [:]
        var entitySets: [[String]] = []
        var crowds: [[String]] = []
        for (index, article) in articles.enumerated() {
            let counts = article.mentionCounts
            for (id, count) in counts {
                facts[id, default: EntityFacts()].mentionCount += count
                facts[id, default: EntityFacts()].articles.append(index)
            }
            entitySets.append(counts.keys.sorted())
            crowds.append(crowd(of: counts))
        }
        for id in facts.keys {
            var shared: [String: Int] = [:]
            for index in facts[id]!.articles {
                for other in crowds[index] where other != id { shared[other, default: 0] += 1 }
            }
            facts[id]!.companions = shared.map { (id: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.id) < ($0.count, $1.id) }
                .prefix(companionLimit).map { $0 }
        }
        for entity in registry.entities {
            if let affiliation = entity.affiliation, registry[affiliation] != nil {
                facts[affiliation, default: EntityFacts()].members.append(entity.id)
            }
        }
        let related = relatedArticles(entitySets: entitySets, facts: facts)
        return Site(config: config, registry: registry, articles: articles, entityFacts: facts, related: related)
    }

    /// An article naming more entities than this (a list of names, an index) counts as company only the ones
    /// it names most: every pair of a list of 10,000 names would be 10⁸ co-mentions to count.
    static let crowdLimit = 100

    /// The entities an article lends as companions: all of them, or the `crowdLimit` it names most.
    private static func crowd(of counts: [String: Int]) -> [String] {
        guard counts.count > crowdLimit else { return counts.keys.sorted() }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(crowdLimit).map(\.key).sorted()
    }

    /// Articles that share the most (and the rarest) entities: each shared entity weighs 1 / its article count.
    /// For an entity named in many articles only the nearest in time are considered (`relatedWindow` on each
    /// side), so that the work grows with the dossier, not with its square.
    private static func relatedArticles(entitySets: [[String]], facts: [String: EntityFacts]) -> [[Int]] {
        let postings = facts.mapValues(\.articles)
        return Array(entitySets.indices).parallelMap { index in
            var scores: [Int: Double] = [:]
            for id in entitySets[index] {
                guard let list = postings[id] else { continue }
                let weight = 1.0 / Double(list.count)
                var neighbours = list[...]
                if list.count > 2 * relatedWindow + 1 {
                    let position = lowerBound(of: index, in: list)
                    neighbours = list[max(0, position - relatedWindow)..<min(list.count, position + relatedWindow + 1)]
                }
                for other in neighbours where other != index { scores[other, default: 0] += weight }
            }
            // The best few by score, then nearest in time, then earliest: picked, not sorted (hundreds of candidates).
            func before(_ lhs: (key: Int, value: Double), _ rhs: (key: Int, value: Double)) -> Bool {
                lhs.value != rhs.value ? lhs.value > rhs.value : abs(lhs.key - index) < abs(rhs.key - index)
                    || (abs(lhs.key - index) == abs(rhs.key - index) && lhs.key < rhs.key)
            }
            var best: [(key: Int, value: Double)] = []
            for candidate in scores where best.count < relatedLimit || before(candidate, best[best.count - 1]) {
                let position = best.firstIndex { before(candidate, $0) } ?? best.count
                best.insert(candidate, at: position)
                if best.count > relatedLimit { best.removeLast() }
            }
            return best.map(\.key)
        }
    }

    static let relatedWindow = 40

    /// The position of `value` in a sorted list (or where it would go).
    private static func lowerBound(of value: Int, in list: [Int]) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
