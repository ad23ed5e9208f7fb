/// The whole dossier, linked and cross-referenced: what every page is rendered from. Immutable.
public struct Site: Sendable {
    public var config: DossierConfig
    public var registry: Registry
    /// Chronological: oldest first, undated last.
    public var articles: [LinkedArticle]
    /// Per entity id.
    public var entityFacts: [String: EntityFacts]
    /// What the related articles of each article are found from.
    var relatedIndex: RelatedArticles

    /// The indexes of the articles related to the article at `index`, best first. Scored when asked (each
    /// article page asks once), so that `dossier serve` scores only the pages a reader opens.
    public func related(to index: Int) -> [Int] {
        SiteModeler.related(to: index, in: relatedIndex)
    }

    /// The entities mentioned at least once, in registry order.
    public var mentionedEntities: [Entity] {
        registry.entities.filter { (entityFacts[$0.id]?.mentionCount ?? 0) > 0 }
    }
}

/// What the dossier says about one entity.
public struct EntityFacts: Sendable {
    public var mentionCount = 0
    /// Indexes into `Site.articles`, chronological.
    public var articles: [Int] = []
    /// Entity ids mentioned in the same articles, with the number of articles shared, most first.
    public var companions: [(id: String, count: Int)] = []
    /// Entity ids whose affiliation is this entity.
    public var members: [String] = []
}

/// Which articles name each entity, and which entities each article names, by entity number.
struct RelatedArticles: Sendable {
    /// Per entity number: the indexes of the articles that name it, chronological.
    var postings: [[Int]]
    /// Per article index: the numbers of the entities it names, in the order of their ids.
    var entitySets: [[Int]]
}
