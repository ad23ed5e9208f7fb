/// An article as read from its file, before linking. Its fields live in one shared box, copied only when a
/// copy is changed: the build cache, the slug pass and the linker pass ten thousand articles along after each
/// edit, and a copy then costs one reference instead of one per field.
public struct Article: Sendable, Hashable {
    private struct Fields: Hashable {
        var file: SourcePath
        var slug: String { didSet { url = Self.url(slug: slug) } }
        /// Made from the slug once, not at each of the many times a build asks for it.
        private(set) var url: SiteURL
        var hasExplicitSlug: Bool
        var title: String
        var date: PartialDate?
        var source: String?
        var originalURL: String?
        var authors: [String]
        var draft: Bool
        var body: ArticleBody
        var extra: [String: String]

        init(
            file: SourcePath, slug: String, hasExplicitSlug: Bool, title: String, date: PartialDate?, source: String?,
            originalURL: String?, authors: [String], draft: Bool, body: ArticleBody, extra: [String: String]
        ) {
            (self.file, self.slug, self.url, self.hasExplicitSlug) = (file, slug, Self.url(slug: slug), hasExplicitSlug)
            (self.title, self.date, self.source, self.originalURL) = (title, date, source, originalURL)
            (self.authors, self.draft, self.body, self.extra) = (authors, draft, body, extra)
        }

        static func url(slug: String) -> SiteURL { SiteURL("articles/\(slug)/") }
    }

    private final class Box: @unchecked Sendable {
        // @unchecked: a box is changed only while its article holds the one reference to it, which also
        // makes the run-time exclusivity check redundant (it cost a call on every read of a field).
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public var file: SourcePath {
        get { box.fields.file }
        set { change { $0.file = newValue } }
    }
    public var slug: String {
        get { box.fields.slug }
        set { change { $0.slug = newValue } }
    }
    /// The slug was chosen in the front matter (and must be unique) rather than derived from the title.
    public var hasExplicitSlug: Bool {
        get { box.fields.hasExplicitSlug }
        set { change { $0.hasExplicitSlug = newValue } }
    }
    public var title: String {
        get { box.fields.title }
        set { change { $0.title = newValue } }
    }
    public var date: PartialDate? {
        get { box.fields.date }
        set { change { $0.date = newValue } }
    }
    /// The credit or source: `AFP et Reuters`, a newspaper's name.
    public var source: String? {
        get { box.fields.source }
        set { change { $0.source = newValue } }
    }
    /// The original's address (http or https only).
    public var originalURL: String? {
        get { box.fields.originalURL }
        set { change { $0.originalURL = newValue } }
    }
    public var authors: [String] {
        get { box.fields.authors }
        set { change { $0.authors = newValue } }
    }
    public var draft: Bool {
        get { box.fields.draft }
        set { change { $0.draft = newValue } }
    }
    public var body: ArticleBody {
        get { box.fields.body }
        set { change { $0.body = newValue } }
    }
    /// Front-matter fields we do not interpret, kept for templates and the open data.
    public var extra: [String: String] {
        get { box.fields.extra }
        set { change { $0.extra = newValue } }
    }

    public init(
        file: SourcePath, slug: String, hasExplicitSlug: Bool = false, title: String, date: PartialDate? = nil, source: String? = nil,
        originalURL: String? = nil, authors: [String] = [], draft: Bool = false, body: ArticleBody,
        extra: [String: String] = [:]
    ) {
        box = Box(
            Fields(
                file: file, slug: slug, hasExplicitSlug: hasExplicitSlug, title: title, date: date, source: source,
                originalURL: originalURL, authors: authors, draft: draft, body: body, extra: extra))
    }

    private mutating func change(_ edit: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        edit(&box.fields)
    }

    public static func == (lhs: Article, rhs: Article) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    public var url: SiteURL { box.fields.url }
}

/// The text of an article: Markdown, or wire copy already cut into blocks.
public enum ArticleBody: Sendable, Hashable {
    /// CommonMark + GFM, with the line in the file where it starts (after any front matter). A slice of the file's
    /// text: copied out, every body of a dossier would be made twice.
    case markdown(Substring, firstLine: Int)
    /// Plain-text blocks: nothing in them is markup.
    case plain([PlainBlock])
}

/// A paragraph or a sub-heading of wire copy.
public struct PlainBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case paragraph, heading }
    public var kind: Kind
    /// Most often a slice of the file's text, not a copy: a copy of every paragraph of ten thousand dispatches was
    /// 120,000 small strings, and the holes they left once linked made the peak memory 28 MB higher.
    public var text: Substring
    public var line: Int

    public init(_ kind: Kind, _ text: Substring, line: Int) {
        self.kind = kind
        self.text = text
        self.line = line
    }

    public init(_ kind: Kind, _ text: String, line: Int) {
        self.init(kind, text[...], line: line)
    }
}
