import Foundation

/// What one build parsed and linked, kept in memory for the next build of the same dossier (`dossier serve`):
/// an article whose file has the same bytes is not parsed again, and one that parses to the same article is
/// not linked again while the registry and the link setting are the same. Everything else is rebuilt, so
/// the result is the one a clean build gives.
///
/// A cache belongs to one dossier and is used by one build at a time.
public final class BuildCache: @unchecked Sendable {
    // @unchecked: a build reads and replaces the entries from its own thread only, one build at a time.

    /// One file parsed, with its problems. A class, so that keeping ten thousand of them from one build to the
    /// next costs a reference each.
    final class Parsed: Sendable {
        let data: Data
        let stamp: FileStamp?
        let article: Article?
        let diagnostics: [Diagnostic]

        init(data: Data, stamp: FileStamp?, article: Article?, diagnostics: [Diagnostic]) {
            self.data = data
            self.stamp = stamp
            self.article = article
            self.diagnostics = diagnostics
        }
    }

    /// One article linked, with the article it was linked from.
    final class Linked: Sendable {
        let article: Article
        let linked: LinkedArticle

        init(article: Article, linked: LinkedArticle) {
            self.article = article
            self.linked = linked
        }
    }

    /// The article files as the last load read them: the next load reads only those whose stamp moved.
    var reads = SourceReads()
    private var parsed = KeptResults<SourcePath, Parsed>()
    /// The registry text and link setting that `linker` and `linked` were made with.
    private var linkInputs: String?
    private var linker: EntityLinker?
    private var linked = KeptResults<SourcePath, Linked>()
    /// What the last model computed that the next one may reuse.
    let modelMemo = ModelMemo()
    /// How many articles the last build parsed and linked anew, for the log and the tests.
    public private(set) var lastParsed = 0
    public private(set) var lastLinked = 0

    public init() {}

    /// Parses each file, reusing the previous result for an unchanged file; forgets files that are gone.
    func parse(_ files: [SourceFile]) -> [Parsed] {
        let paths = files.map(\.path)
        let previous = parsed.lookup(for: paths)
        let results = Self.reuseOrMake(
            count: files.count, kept: { index in previous(index).flatMap { $0.holds(files[index]) ? $0 : nil } },
            make: { Self.parse(files[$0]) })
        lastParsed = results.made
        parsed = KeptResults(keys: paths, values: results.values)
        return results.values
    }

    /// One file parsed, with its problems.
    @Sendable static func parse(_ file: SourceFile) -> Parsed {
        let (article, problems) = ArticleParser.parse(file)
        return Parsed(data: file.data, stamp: file.stamp, article: article, diagnostics: problems)
    }

    /// The linker for this registry and link setting: the previous one while they have not changed (its name
    /// trie is made once), a new one otherwise, which also forgets every linked article.
    func linker(registry: Registry, mode: DossierConfig.LinkMode, registryText: String) -> EntityLinker {
        let inputs = registryText + "\u{0}link: \(mode.rawValue)"
        if let linker, inputs == linkInputs { return linker }
        let made = EntityLinker(registry: registry, mode: mode)
        (linker, linkInputs, linked) = (made, inputs, KeptResults())
        return made
    }

    /// Links each article with the linker `linker(registry:mode:registryText:)` gave, reusing the previous
    /// result for the same article.
    func link(_ articles: [Article], linker: EntityLinker) -> [LinkedArticle] {
        let paths = articles.map(\.file)
        let previous = linked.lookup(for: paths)
        let results = Self.reuseOrMake(
            count: articles.count, kept: { index in previous(index).flatMap { $0.article == articles[index] ? $0 : nil } },
            make: { Linked(article: articles[$0], linked: linker.link(articles[$0])) })
        lastLinked = results.made
        linked = KeptResults(keys: paths, values: results.values)
        return results.values.map(\.linked)
    }

    /// The kept value where there is one, a new one (made on every core) elsewhere.
    private static func reuseOrMake<Value: Sendable>(
        count: Int, kept: (Int) -> Value?, make: @Sendable (Int) -> Value
    ) -> (values: [Value], made: Int) {
        var values: [Value?] = []
        values.reserveCapacity(count)
        var missing: [Int] = []
        for index in 0..<count {
            let value = kept(index)
            if value == nil { missing.append(index) }
            values.append(value)
        }
        for (index, value) in zip(missing, missing.parallelMap(make)) { values[index] = value }
        return (values.map { $0! }, missing.count)
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
