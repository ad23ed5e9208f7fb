/// The settings of `dossier.yml`.
public struct DossierConfig: Sendable, Hashable {
    public enum LinkMode: String, Sendable, Hashable, CaseIterable {
        /// Link the first mention of each entity in an article.
        case first
        /// Link every mention.
        case all
    }

    public var title: String
    public var description: String
    public var language: String
    /// Absolute, ending with `/`, or nil: used for the feed, the sitemap and canonical links only.
    public var baseURL: String?
    public var linkMode: LinkMode

    public init(
        title: String = "Dossier", description: String = "", language: String = "fr", baseURL: String? = nil,
        linkMode: LinkMode = .first
    ) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.linkMode = linkMode
    }
}
