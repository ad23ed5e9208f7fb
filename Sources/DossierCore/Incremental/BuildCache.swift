import Foundation

/// What one build parsed and linked, kept in memory for the next build of the same dossier (`dossier serve`):
/// an article whose file has the same bytes is not parsed again, and one that parses to the same article is
/// not linked again while the registry and the link setting are the same. Everything else is rebuilt, so
/// the result is the one a clean build gives.
///
/// A cache belongs to one dossier and is used by one build at a time.
public final class BuildCache: @unchecked Sendable {
    // @unchecked: a build reads and replaces the entries from its own thread only, one build at a time.
    struct Parsed: Sendable {
        var data: Data
        var stamp: FileStamp?
        var article: Article?
        var diagnostics: [Diagnostic]
    }

    struct Linked: Sendable {
        var article: Article
        var linked: LinkedArticle
    }

    /// The article files as the last load read them: the next load reads only those whose stamp moved.
    var reads = SourceReads()
    var parsed: [SourcePath: Parsed] = [:]
    /// The registry file's bytes and the link setting that `linked` was made with.
    var linkInputs: Data?
    var linked: [SourcePath: Linked] = [:]
    /// How many articles the last build parsed and linked anew, for the log and the tests.
    public private(set) var lastParsed = 0
    public private(set) var lastLinked = 0

    public init() {}

    /// Parses each file, reusing the previous result for an unchanged file; forgets files that are gone.
    func parse(_ files: [SourceFile]) -> [Parsed] {
        let previous = parsed
        let results = files.parallelMap { file -> Parsed in
            if let kept = previous[file.path], kept.holds(file) { return kept }
            return Self.parse(file)
        }
        lastParsed = zip(files, results).count { !(previous[$0.0.path]?.holds($0.0) ?? false) }
        parsed = Dictionary(zip(files.map(\.path), results), uniquingKeysWith: { first, _ in first })
        return results
    }

    /// One file parsed, with its problems.
    @Sendable static func parse(_ file: SourceFile) -> Parsed {
        var problems: [Diagnostic] = []
        let article = ArticleParser.parse(file, diagnostics: &problems)
        return Parsed(data: file.data, stamp: file.stamp, article: article, diagnostics: problems)
    }

    /// Links each article, reusing the previous result for the same article under the same registry.
    func link(_ articles: [Article], linker: EntityLinker, inputs: Data) -> [LinkedArticle] {
        let previous = inputs == linkInputs ? linked : [:]
        let results = articles.parallelMap { article -> Linked in
            if let kept = previous[article.file], kept.article == article { return kept }
            return Linked(article: article, linked: linker.link(article))
        }
        lastLinked = results.indices.count { previous[articles[$0].file]?.article != articles[$0] }
        linked = Dictionary(zip(articles.map(\.file), results), uniquingKeysWith: { first, _ in first })
        linkInputs = inputs
        return results.map(\.linked)
    }
}

extension BuildCache.Parsed {
    /// Whether this is the parse of `file` as it is now: the same stamp when both were read from disk (the
    /// bytes were then reused, not read), the same bytes otherwise.
    func holds(_ file: SourceFile) -> Bool {
        if let stamp, let other = file.stamp { return stamp == other }
        return data == file.data
    }
}
