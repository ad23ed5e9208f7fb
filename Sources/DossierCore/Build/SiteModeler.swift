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
        // Entities are numbered here, and counted in arrays: string-keyed dictionaries in the inner loops cost
        // most of the modelling, which `dossier serve` runs again on every edit.
        let counts = articles.parallelMap { $0.mentionCounts }
        let ids = Set(counts.flatMap(\.keys)).sorted()
        let number = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
        var mentionTotals = [Int](repeating: 0, count: ids.count)
        var articleLists = [[Int]](repeating: [], count: ids.count)
        var entitySets: [[String]] = []
        var crowds: [[Int]] = []
        entitySets.reserveCapacity(articles.count)
        crowds.reserveCapacity(articles.count)
        for (index, articleCounts) in counts.enumerated() {
            for (id, count) in articleCounts {
                let entity = number[id]!
                mentionTotals[entity] += count
                articleLists[entity].append(index)
            }
            entitySets.append(articleCounts.keys.sorted())
            crowds.append(crowd(of: articleCounts).map { number[$0]! })
        }
        let companions = Self.companions(articleLists: articleLists, crowds: crowds, ids: ids)
        var facts: [String: EntityFacts] = [:]
        facts.reserveCapacity(ids.count)
        for (entity, id) in ids.enumerated() {
            facts[id] = EntityFacts(
                mentionCount: mentionTotals[entity], articles: articleLists[entity], companions: companions[entity])
        }
        for entity in registry.entities {
            if let affiliation = entity.affiliation, registry[affiliation] != nil {
                facts[affiliation, default: EntityFacts()].members.append(entity.id)
            }
        }
        let related = relatedArticles(entitySets: entitySets, facts: facts)
        return Site(config: config, registry: registry, articles: articles, entityFacts: facts, related: related)
    }

    /// For each entity, the entities its articles name too, with the number of articles shared: most first,
    /// then by id, `companionLimit` of them.
    private static func companions(articleLists: [[Int]], crowds: [[Int]], ids: [String]) -> [[(id: String, count: Int)]] {
        let chunk = 32
        return Array(stride(from: 0, to: ids.count, by: chunk)).parallelMap { start -> [[(id: String, count: Int)]] in
            var shared = [Int](repeating: 0, count: ids.count)
            var touched: [Int] = []
            var lists: [[(id: String, count: Int)]] = []
            for entity in start..<min(start + chunk, ids.count) {
                for index in articleLists[entity] {
                    for other in crowds[index] where other != entity {
                        if shared[other] == 0 { touched.append(other) }
                        shared[other] += 1
                    }
                }
                lists.append(
                    touched.map { (id: ids[$0], count: shared[$0]) }
                        .sorted { ($1.count, $0.id) < ($0.count, $1.id) }
                        .prefix(companionLimit).map { $0 })
                for other in touched { shared[other] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            return lists
        }.flatMap { $0 }
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
        // Entities by number, and one score per article in a reused array: a dictionary per article cost more
        // than everything else the modeller does (it runs again on every edit `dossier serve` sees).
        let ids = facts.keys.sorted()
        let number = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
        let postings = ids.map { facts[$0]!.articles }
        let sets = entitySets.map { $0.compactMap { number[$0] } }
        let count = sets.count
        let chunk = 256
        let chunks = Array(stride(from: 0, to: count, by: chunk)).parallelMap { start -> [[Int]] in
            var scores = [Double](repeating: 0, count: count)
            var touched: [Int] = []
            var lists: [[Int]] = []
            for index in start..<min(start + chunk, count) {
                for entity in sets[index] {
                    let list = postings[entity]
                    let weight = 1.0 / Double(list.count)
                    var neighbours = list[...]
                    if list.count > 2 * relatedWindow + 1 {
                        let position = lowerBound(of: index, in: list)
                        neighbours = list[max(0, position - relatedWindow)..<min(list.count, position + relatedWindow + 1)]
                    }
                    for other in neighbours where other != index {
                        if scores[other] == 0 { touched.append(other) }
                        scores[other] += weight
                    }
                }
                lists.append(best(of: touched, scores: scores, around: index))
                for other in touched { scores[other] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            return lists
        }
        return chunks.flatMap { $0 }
    }

    /// The best few candidates by score, then nearest in time, then earliest: picked, not sorted (there can be
    /// hundreds). The order is total, so the pick does not depend on the order of the candidates.
    private static func best(of candidates: [Int], scores: [Double], around index: Int) -> [Int] {
        func before(_ lhs: Int, _ rhs: Int) -> Bool {
            if scores[lhs] != scores[rhs] { return scores[lhs] > scores[rhs] }
            let (left, right) = (abs(lhs - index), abs(rhs - index))
            return left != right ? left < right : lhs < rhs
        }
        var best: [Int] = []
        for candidate in candidates where best.count < relatedLimit || before(candidate, best[best.count - 1]) {
            let position = best.firstIndex { before(candidate, $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > relatedLimit { best.removeLast() }
        }
        return best
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
