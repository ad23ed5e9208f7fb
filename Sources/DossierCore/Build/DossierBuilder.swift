import Foundation

/// What a build produced: the diagnostics, and the site's files when there was no error.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var site: Site?
    /// The files, when the build kept them in memory (`build(folder:baseURL:)`); empty when it has errors.
    public var files: [RenderedFile] = []
    /// HTML pages rendered: none when the build has errors.
    public var pageCount = 0
    public var seconds: Double
    /// Seconds per phase (load, parse, link, model, render), in order.
    public var timings: [PhaseTiming] = []

    public var articleCount: Int { site?.articles.count ?? 0 }
    public var entityCount: Int { site?.mentionedEntities.count ?? 0 }
}

/// The build pipeline: load → parse → link → model → render. Writing is the caller's choice
/// (`DiskPublisher` for `build`, nothing for `check`, memory for tests).
public enum DossierBuilder {
    /// Runs every stage and keeps the files in memory, sorted by path.
    /// With a `cache` from the previous build of this dossier, unchanged articles are neither parsed nor linked again.
    public static func build(folder: URL, baseURL: String? = nil, cache: BuildCache? = nil) throws -> BuildReport {
        let sink = MemorySink()
        var report = try build(folder: folder, baseURL: baseURL, into: sink, cache: cache)
        report.files = sink.files.sorted { $0.path < $1.path }
        return report
    }

    /// Runs every stage and collects every problem; throws only when the environment fails. The files go to
    /// `sink` as they are rendered, only when there is no error; with no sink, nothing is rendered (`check`).
    /// `walked`: the walk of the folder the check before the build made, whose articles are read.
    public static func build(
        folder: URL, baseURL: String? = nil, into sink: SiteSink?, cache: BuildCache? = nil, walked: FolderWalk? = nil
    ) throws -> BuildReport {
        let started = Date()
        var (report, templates, clock) = try model(folder: folder, baseURL: baseURL, cache: cache, walked: walked)
        if !report.diagnostics.hasErrors, let sink, let site = report.site {
            let renderer = SiteRenderer(site: site, templates: templates)
            report.pageCount = try renderer.render(into: sink)
            // What the renderer made for every page (each article's references, its mentions by entity) takes 10 ms
            // to free at 10,000 articles: freed on another core, while the caller publishes and records the site.
            freeInBackground(renderer)
        }
        clock.lap("render")
        report.timings = clock.timings
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Runs every stage but the rendering, and returns a site that renders each file when it is asked for
    /// (`dossier serve`): after an edit, the new site is ready as soon as it is modelled, and a page costs
    /// its rendering only when a reader opens it. The site is nil when the build has errors; the report has no
    /// page count (the site's `pageCount` has it, once its page table is made).
    public static func buildOnDemand(folder: URL, baseURL: String? = nil, cache: BuildCache? = nil) throws
        -> (report: BuildReport, site: SiteOnDemand?)
    {
        let started = Date()
        var (report, templates, clock) = try model(folder: folder, baseURL: baseURL, cache: cache)
        var onDemand: SiteOnDemand?
        if !report.diagnostics.hasErrors, let site = report.site {
            onDemand = SiteOnDemand(SiteRenderer(site: site, templates: templates, everyPage: false))
        }
        clock.lap("pages")
        report.timings = clock.timings
        report.seconds = Date().timeIntervalSince(started)
        return (report, onDemand)
    }

    /// Load, parse, link and model, and the templates: everything a page needs before it is rendered.
    private static func model(folder: URL, baseURL: String?, cache: BuildCache?, walked: FolderWalk? = nil) throws
        -> (report: BuildReport, templates: TemplateLibrary, clock: PhaseClock)
    {
        var clock = PhaseClock()
        var diagnostics: [Diagnostic] = []

        var sources = try DossierLoader.load(
            folder: folder, diagnostics: &diagnostics, reusing: cache?.reads, walked: walked)
        cache?.reads = sources.reads
        // What the load read is kept for the next build by the cache alone: held here, every file's bytes (45 MB at
        // 10,000 articles) would outlive the parse and weigh on the peak, which comes at the end of the link.
        sources.reads = SourceReads()
        if let baseURL {
            if let normalized = ConfigLoader.normalizeBaseURL(baseURL) {
                sources.config.baseURL = normalized
            } else {
                diagnostics.append(.error("base-url-invalid", "--base-url must be an absolute http(s) URL, not `\(baseURL)`"))
            }
        }

        clock.lap("load")
        // Without a cache to keep it, the linker (its name trie) is made on another thread while the articles
        // are parsed, and so are the templates: nothing else would run while they are made.
        let registry = sources.registry
        let mode = sources.config.linkMode
        let newLinker = cache == nil ? BackgroundWork { EntityLinker(registry: registry, mode: mode) } : nil
        let templateFolder = sources.templateFolder
        let templateWork = BackgroundWork { () throws -> (TemplateLibrary, [Diagnostic]) in
            var problems: [Diagnostic] = []
            return (try TemplateLibrary.load(overrides: templateFolder, diagnostics: &problems), problems)
        }
        // Each stage's input is let go as soon as the next has it: memory grows with the dossier once, not thrice.
        // Without a cache to keep them, each file's bytes go as soon as the file is parsed: held to the end of the
        // parse, they and the text decoded from them (45 MB each at 10,000 articles) were all in memory at once.
        let files = sources.articleFiles
        sources.articleFiles = []
        let parsed: [(article: Article?, diagnostics: [Diagnostic])]
        if let cache {
            parsed = cache.parse(files).map { ($0.article, $0.diagnostics) }
            freeInBackground(consume files)
        } else {
            parsed = (consume files).parallelMapReleasing { ArticleParser.parse($0) }
        }
        diagnostics += parsed.flatMap(\.diagnostics)
        var articles = parsed.compactMap(\.article).filter { !$0.draft }
        freeInBackground(consume parsed)
        assignUniqueSlugs(&articles, diagnostics: &diagnostics)

        clock.lap("parse")
        let linker =
            try newLinker?.value()
            ?? cache?.linker(registry: registry, mode: mode, registryText: cache?.reads.registry?.text ?? "")
            ?? EntityLinker(registry: registry, mode: mode)
        diagnostics += linker.registryDiagnostics
        let linked: [LinkedArticle]
        if let cache {
            linked = cache.link(articles, linker: linker)
            freeInBackground(consume articles)
        } else {
            // Each parsed article's text is let go once it is linked: the link is where memory peaks.
            linked = (consume articles).parallelMapReleasing { linker.link($0) }
        }
        clock.lap("link")
        let site = SiteModeler.model(
            config: sources.config, registry: sources.registry, articles: linked, memo: cache?.modelMemo)
        // With an article lost to an error, "no article mentions it" would only echo that error.
        let registryFile = SourcePath(RegistryLoader.fileName)
        if !diagnostics.contains(where: { $0.severity == .error && $0.file != registryFile }) {
            diagnostics += RegistryCoverage.diagnostics(registry: sources.registry, site: site)
        }

        clock.lap("model")
        let (templates, templateProblems) = try templateWork.value()
        diagnostics += templateProblems
        return (BuildReport(diagnostics: diagnostics.sorted(), site: site, seconds: 0), templates, clock)
    }

    /// Slugs from front matter must be unique; derived ones get `-2`, `-3`… in file order.
    private static func assignUniqueSlugs(_ articles: inout [Article], diagnostics: inout [Diagnostic]) {
        var owners: [String: SourcePath] = [:]
        owners.reserveCapacity(articles.count)
        for article in articles where article.hasExplicitSlug {
            if let owner = owners[article.slug] {
                diagnostics.append(
                    .error("slug-duplicate", "the slug `\(article.slug)` is already used by \(owner)",
                        file: article.file, line: 1, suggestion: "give one of the two articles another `slug:`"))
            } else {
                owners[article.slug] = article.file
            }
        }
        // Per slug already taken, the number its next namesake tries first: every lower one is taken, and slugs
        // are never given back. Trying from 2 each time cost a wire service's sixty "Syrie : …" dispatches of the
        // same title some 1,800 tries.
        var nextNumbers: [String: Int] = [:]
        for index in articles.indices where !articles[index].hasExplicitSlug {
            let base = articles[index].slug.isEmpty ? "article" : articles[index].slug
            var slug = base
            if owners[slug] != nil {
                var number = nextNumbers[base] ?? 2
                repeat {
                    slug = "\(base)-\(number)"
                    number += 1
                } while owners[slug] != nil
                nextNumbers[base] = number
            }
            if slug != articles[index].slug { articles[index].slug = slug }  // else the article stays shared
            owners[slug] = articles[index].file
        }
    }
}
