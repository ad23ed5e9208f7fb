/// Cross-references linked articles: backlinks, co-mentions, related articles, chronological order.
enum SiteModeler {
    static let companionLimit = 12
    static let relatedLimit = 5

    /// With a `memo` from the previous model of the same dossier, work whose inputs have not changed is not
    /// done again (`dossier serve`: most edits change no article's set of entities).
    static func model(
        config: DossierConfig, registry: Registry, articles linked: [LinkedArticle], memo: ModelMemo? = nil
    ) -> Site {
        let articles = chronological(linked)
        // Entities are numbered in the order of their ids, and counted in arrays: string-keyed dictionaries in
        // the inner loops would cost most of the modelling, which `dossier serve` runs again on every edit.
        let ids = Set(registry.entities.map(\.id)).sorted()
        let numbers = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
        let numberOfIndex = registry.entities.map { numbers[$0.id]! }
        var mentionTotals = [Int](repeating: 0, count: ids.count)
        var articleLists = [[Int]](repeating: [], count: ids.count)
        var entitySets: [[Int]] = []
        var crowds: [[Int]] = []
        entitySets.reserveCapacity(articles.count)
        crowds.reserveCapacity(articles.count)
        for (index, article) in articles.enumerated() {
            let counts = numbered(article.entityCounts, numberOfIndex: numberOfIndex)
            for entry in counts {
                mentionTotals[entry.entity] += entry.count
                articleLists[entry.entity].append(index)
            }
            entitySets.append(counts.map(\.entity))
            crowds.append(crowd(of: counts))
        }
        let companionInputs = ModelMemo.CompanionInputs(articleLists: articleLists, crowds: crowds, ids: ids)
        let companions: [[(id: String, count: Int)]]
        if let kept = memo?.companions, kept.inputs == companionInputs {
            companions = kept.lists
        } else {
            companions = Self.companions(articleLists: articleLists, crowds: crowds, ids: ids)
            memo?.companions = (companionInputs, companions)
        }
        var facts: [String: EntityFacts] = [:]
        facts.reserveCapacity(ids.count)
        for (entity, id) in ids.enumerated() where !articleLists[entity].isEmpty {
            facts[id] = EntityFacts(
                mentionCount: mentionTotals[entity], articles: articleLists[entity], companions: companions[entity])
        }
        for entity in registry.entities {
            if let affiliation = entity.affiliation, registry[affiliation] != nil {
                facts[affiliation, default: EntityFacts()].members.append(entity.id)
            }
        }
        let related = RelatedArticles(postings: articleLists, entitySets: entitySets)
        return Site(config: config, registry: registry, articles: articles, entityFacts: facts, relatedIndex: related)
    }

    /// Oldest first, undated last, then by file: the keys are read once, and the articles moved once.
    private static func chronological(_ linked: [LinkedArticle]) -> [LinkedArticle] {
        let keys = linked.map { (date: $0.article.date, file: $0.article.file.value) }
        let order = linked.indices.sorted { lhs, rhs in
            switch (keys[lhs].date, keys[rhs].date) {
            case (let left?, let right?) where left != right: return left < right
            case (.some, .none): return true
            case (.none, .some): return false
            default: return keys[lhs].file < keys[rhs].file
            }
        }
        return order.map { linked[$0] }
    }

    /// An article's counts by entity number, in number order: registry indexes sharing an id (an error the
    /// registry reports) count as one entity, as they share a page.
    private static func numbered(_ counts: [EntityCount], numberOfIndex: [Int]) -> [EntityCount] {
        EntityCount.merged(counts.map { EntityCount(entity: numberOfIndex[$0.entity], count: $0.count) })
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

    /// The entities an article lends as companions, by number: all of them, or the `crowdLimit` it names most.
    private static func crowd(of counts: [EntityCount]) -> [Int] {
        guard counts.count > crowdLimit else { return counts.map(\.entity) }
        return counts.sorted { ($1.count, $0.entity) < ($0.count, $1.entity) }.prefix(crowdLimit).map(\.entity).sorted()
    }

    /// The related articles of one article: those that share the most (and the rarest) entities with it, each
    /// shared entity weighing 1 / its article count. For an entity named in many articles only the nearest in
    /// time are considered (`relatedWindow` on each side), so that the work stays flat as the dossier grows.
    static func related(to index: Int, in related: RelatedArticles) -> [Int] {
        var scratch = RelatedScratch(articles: related.entitySets.count)
        return Self.related(to: index, in: related, scratch: &scratch)
    }

    /// The related articles of every article, scored on every core: for a build, which renders them all.
    static func relatedLists(in related: RelatedArticles) -> [[Int]] {
        let count = related.entitySets.count
        let chunk = 256
        return Array(stride(from: 0, to: count, by: chunk)).parallelMap { start in
            var scratch = RelatedScratch(articles: count)
            return (start..<min(count, start + chunk)).map { Self.related(to: $0, in: related, scratch: &scratch) }
        }.flatMap { $0 }
    }

    /// Scores by article index, and which ones are set: reused from one article to the next, so that scoring
    /// costs neither a dictionary nor an allocation per article.
    struct RelatedScratch {
        var scores: [Double]
        var touched: [Int] = []
        init(articles: Int) { scores = Array(repeating: 0, count: articles) }
    }

    private static func related(to index: Int, in related: RelatedArticles, scratch: inout RelatedScratch) -> [Int] {
        for entity in related.entitySets[index] {
            let list = related.postings[entity]
            let weight = 1.0 / Double(list.count)
            var neighbours = list[...]
            if list.count > 2 * relatedWindow + 1 {
                let position = lowerBound(of: index, in: list)
                neighbours = list[max(0, position - relatedWindow)..<min(list.count, position + relatedWindow + 1)]
            }
            for other in neighbours where other != index {
                if scratch.scores[other] == 0 { scratch.touched.append(other) }  // weights are never 0
                scratch.scores[other] += weight
            }
        }
        // The best few by score, then nearest in time, then earliest: picked, not sorted (there can be hundreds).
        // The order is total, so the pick does not depend on the order candidates were met in.
        func before(_ lhs: (key: Int, value: Double), _ rhs: (key: Int, value: Double)) -> Bool {
            if lhs.value != rhs.value { return lhs.value > rhs.value }
            let (left, right) = (abs(lhs.key - index), abs(rhs.key - index))
            return left != right ? left < right : lhs.key < rhs.key
        }
        var best: [(key: Int, value: Double)] = []
        for other in scratch.touched {
            let candidate = (key: other, value: scratch.scores[other])
            scratch.scores[other] = 0
            guard best.count < relatedLimit || before(candidate, best[best.count - 1]) else { continue }
            let position = best.firstIndex { before(candidate, $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > relatedLimit { best.removeLast() }
        }
        scratch.touched.removeAll(keepingCapacity: true)
        return best.map(\.key)
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

/// What the previous model of a dossier computed, with what it was computed from: kept by `BuildCache`.
final class ModelMemo: @unchecked Sendable {
    // @unchecked: used by one build at a time, like the cache that holds it.
    struct CompanionInputs: Equatable {
        var articleLists: [[Int]]
        var crowds: [[Int]]
        var ids: [String]
    }

    var companions: (inputs: CompanionInputs, lists: [[(id: String, count: Int)]])?
}
