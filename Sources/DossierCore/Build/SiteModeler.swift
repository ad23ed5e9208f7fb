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
        for (index, article) in articles.enumerated() {
            let counts = article.mentionCounts
            for (id, count) in counts {
                facts[id, default: EntityFacts()].mentionCount += count
                facts[id, default: EntityFacts()].articles.append(index)
            }
            entitySets.append(counts.keys.sorted())
        }
        for id in facts.keys {
            var shared: [String: Int] = [:]
            for index in facts[id]!.articles {
                for other in entitySets[index] where other != id { shared[other, default: 0] += 1 }
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

    /// Articles that share the most (and the rarest) entities: each shared entity weighs 1 / its article count.
    private static func relatedArticles(entitySets: [[String]], facts: [String: EntityFacts]) -> [[Int]] {
        entitySets.enumerated().map { index, entities in
            var scores: [Int: Double] = [:]
            for id in entities {
                let postings = facts[id]?.articles ?? []
                let weight = 1.0 / Double(postings.count)
                for other in postings where other != index { scores[other, default: 0] += weight }
            }
            return scores.sorted { lhs, rhs in
                lhs.value != rhs.value ? lhs.value > rhs.value : abs(lhs.key - index) < abs(rhs.key - index)
                    || (abs(lhs.key - index) == abs(rhs.key - index) && lhs.key < rhs.key)
            }
            .prefix(relatedLimit).map(\.key)
        }
    }
}
