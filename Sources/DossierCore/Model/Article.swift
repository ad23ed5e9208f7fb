/// An article as read from its file, before linking.
public struct Article: Sendable, Hashable {
    public var file: SourcePath
    public var slug: String
    /// The slug was chosen in the front matter (and must be unique) rather than derived from the title.
    public var hasExplicitSlug: Bool
    public var title: String
    public var date: PartialDate?
    /// The credit or source: `AFP et Reuters`, a newspaper's name.
    public var source: String?
    /// The original's address (http or https only).
    public var originalURL: String?
    public var authors: [String]
    public var draft: Bool
    public var body: ArticleBody
    /// Front-matter fields we do not interpret, kept for templates and the open data.
    public var extra: [String: String]

    public init(
        file: SourcePath, slug: String, hasExplicitSlug: Bool = false, title: String, date: PartialDate? = nil, source: String? = nil,
        originalURL: String? = nil, authors: [String] = [], draft: Bool = false, body: ArticleBody,
        extra: [String: String] = [:]
    ) {
        self.file = file
        self.slug = slug
        self.hasExplicitSlug = hasExplicitSlug
        self.title = title
        self.date = date
        self.source = source
        self.originalURL = originalURL
        self.authors = authors
        self.draft = draft
        self.body = body
        self.extra = extra
    }

    public var url: SiteURL { SiteURL("articles/\(slug)/") }
}

/// The text of an article: Markdown, or wire copy already cut into blocks.
public enum ArticleBody: Sendable, Hashable {
    /// CommonMark + GFM, with the line in the file where it starts (after any front matter).
    case markdown(String, firstLine: Int)
    /// Plain-text blocks: nothing in them is markup.
    case plain([PlainBlock])
}

/// A paragraph or a sub-heading of wire copy.
public struct PlainBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case paragraph, heading }
    public var kind: Kind
    public var text: String
    public var line: Int

    public init(_ kind: Kind, _ text: String, line: Int) {
        self.kind = kind
        self.text = text
        self.line = line
    }
}
