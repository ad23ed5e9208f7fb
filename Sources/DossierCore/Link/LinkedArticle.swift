/// One mention of an entity: which sentence holds it and where.
public struct Mention: Sendable, Hashable {
    public var entity: String
    /// Index in `LinkedArticle.sentences`.
    public var sentence: Int
    /// Byte offsets (UTF-8) of the mention in its sentence.
    public var range: Range<Int>
    /// Whether this mention became a link in the page.
    public var linked: Bool
}

/// An article after linking: its HTML, and every mention with its sentence.
public struct LinkedArticle: Sendable {
    /// The article's metadata; its body is left out, rendered in `bodyHTML`.
    public var article: Article
    public var bodyHTML: String
    /// The credit (`Avec AFP et Reuters`) as HTML, its names linked like the body's.
    public var sourceHTML: String?
    /// The sentences that hold at least one mention, in reading order.
    public var sentences: [String]
    /// Every mention in reading order, linked or not.
    public var mentions: [Mention]
    /// The opening of the text, for lists and the feed.
    public var excerpt: String

    /// Mentions per entity id.
    public var mentionCounts: [String: Int] {
        mentions.reduce(into: [:]) { $0[$1.entity, default: 0] += 1 }
    }
}
