/// One mention of an entity: which sentence holds it and where. Twenty bytes: a dossier of 10,000 articles holds
/// nearly 400,000 mentions, kept until its last page is written. An article's file is at most 10 MB, so every
/// number here fits in 32 bits.
public struct Mention: Sendable, Hashable {
    private var entityNumber: Int32
    private var sentenceNumber: Int32
    private var start: Int32
    private var end: Int32
    /// Whether this mention became a link in the page.
    public var linked: Bool

    init(entityIndex: Int, sentence: Int, range: Range<Int>, linked: Bool) {
        entityNumber = Int32(entityIndex)
        sentenceNumber = Int32(sentence)
        start = Int32(range.lowerBound)
        end = Int32(range.upperBound)
        self.linked = linked
    }

    /// The entity's index in the registry the article was linked with; `LinkedArticle.entityIDs` has its id.
    public var entityIndex: Int { Int(entityNumber) }
    /// Index in `LinkedArticle.sentences`.
    public var sentence: Int { Int(sentenceNumber) }
    /// Byte offsets (UTF-8) of the mention in its sentence.
    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// An article after linking: its HTML, and every mention with its sentence. A class: the site, the build
/// cache and every page share one copy, which `dossier serve` passes around after each edit for the price of
/// a reference.
public final class LinkedArticle: Sendable {
    /// The article's metadata; its body is left out, rendered in `bodyHTML`.
    public let article: Article
    /// The body as HTML, in UTF-8 bytes.
    public let bodyHTML: [UInt8]
    /// The credit (`Avec AFP et Reuters`) as HTML, its names linked like the body's.
    public let sourceHTML: String?
    /// The sentences that hold at least one mention, in reading order.
    public let sentences: Sentences
    /// Every mention in reading order, linked or not.
    public let mentions: [Mention]
    /// The opening of the text, for lists and the feed.
    public let excerpt: String
    /// Mentions per entity, the entity given by its index in the registry the article was linked with, in
    /// index order: counted once here, so that modelling the site after an edit costs no dictionary per article.
    public let entityCounts: [EntityCount]
    /// The ids of the entities of the registry the article was linked with, by index: shared by every article.
    public let entityIDs: [String]

    init(
        article: Article, bodyHTML: [UInt8], sourceHTML: String?, sentences: Sentences, mentions: [Mention],
        excerpt: String, entityCounts: [EntityCount], entityIDs: [String]
    ) {
        self.article = article
        self.bodyHTML = bodyHTML
        self.sourceHTML = sourceHTML
        self.sentences = sentences
        self.mentions = mentions
        self.excerpt = excerpt
        self.entityCounts = entityCounts
        self.entityIDs = entityIDs
    }

    /// The id of the entity a mention names.
    public func entityID(of mention: Mention) -> String { entityIDs[mention.entityIndex] }

    /// Mentions per entity id.
    public var mentionCounts: [String: Int] {
        mentions.reduce(into: [:]) { $0[entityID(of: $1), default: 0] += 1 }
    }
}

/// How many times an article mentions one entity.
public struct EntityCount: Sendable, Hashable {
    /// Index in `Registry.entities`.
    public var entity: Int
    public var count: Int

    /// The counts of a list of entity indexes, in index order.
    static func tally(_ entities: [Int]) -> [EntityCount] {
        merged(entities.map { EntityCount(entity: $0, count: 1) })
    }

    /// Counts in entity order, those of the same entity added up.
    static func merged(_ counts: [EntityCount]) -> [EntityCount] {
        var merged: [EntityCount] = []
        merged.reserveCapacity(counts.count)
        for entry in counts.sorted(by: { $0.entity < $1.entity }) {
            if merged.last?.entity == entry.entity {
                merged[merged.count - 1].count += entry.count
            } else {
                merged.append(entry)
            }
        }
        return merged
    }
}
