/// The whole dossier, linked and cross-referenced: what every page is rendered from. Immutable.
public struct Site: Sendable {
    public var config: DossierConfig
    public var registry: Registry
    /// Chronological: oldest first, undated last.
    public var articles: [LinkedArticle]
    /// Per entity id.
    public var entityFacts: [String: EntityFacts]
    /// Per article index: the indexes of related articles, best first.
    public var related: [[Int]]

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
