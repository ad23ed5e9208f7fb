import DossierCore
import Foundation

/// What one rebuild did, for the log line and the benchmark.
public struct RebuildOutcome: Sendable {
    /// Whether the build had no error, and so replaced the served site.
    public var succeeded: Bool
    public var seconds: Double
    public var articleCount: Int
    /// HTML pages of the site, rendered when a reader asks for them.
    public var pageCount: Int
    /// Every problem of the build, warnings included.
    public var diagnostics: [Diagnostic]
    /// Seconds per phase, as `dossier build --timings` prints them.
    public var timings: [PhaseTiming]
    /// Articles parsed and linked anew (the others were unchanged and kept from the previous build).
    public var parsed = 0
    public var linked = 0
}

/// Builds the dossier into memory and hands the result to the store: the files of a good build, or the
/// problems of a failed one (the last good files stay served).
public struct SiteRebuilder: Sendable {
    let folder: URL
    let baseURL: String?
    let store: SiteStore
    /// The previous build's parsed and linked articles: an edit to one article parses and links only that one.
    let cache = BuildCache()

    public init(folder: URL, baseURL: String?, store: SiteStore) {
        self.folder = folder
        self.baseURL = baseURL
        self.store = store
    }

    /// Runs a build off the concurrency pool (it is long, uses every core on its own, and waits for the page
    /// table after publishing) and publishes it.
    @discardableResult
    public func rebuild() async -> RebuildOutcome {
        let rebuilder = self
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: rebuilder.rebuildNow()) }
        }
    }

    private func rebuildNow() -> RebuildOutcome {
        let started = Date()
        let result = Result { try DossierBuilder.buildOnDemand(folder: folder, baseURL: baseURL, cache: cache) }
        switch result {
        case .success(let (report, site?)) where !report.diagnostics.hasErrors:
            // Pages are rendered when they are asked for: the open page that reloads costs only itself.
            store.publish(site: site)
            return RebuildOutcome(
                succeeded: true, seconds: Date().timeIntervalSince(started), articleCount: report.articleCount,
                pageCount: site.pageCount, diagnostics: report.diagnostics, timings: report.timings,
                parsed: cache.lastParsed, linked: cache.lastLinked)
        case .success(let (report, _)):
            store.publish(problems: report.diagnostics.filter { $0.severity == .error })
            return RebuildOutcome(
                succeeded: false, seconds: Date().timeIntervalSince(started), articleCount: report.articleCount,
                pageCount: 0, diagnostics: report.diagnostics, timings: report.timings)
        case .failure(let error):
            // The environment failed (a folder vanished, say): shown like a content problem, and retried on
            // the next change.
            let problem = Diagnostic.error("build-failed", "\(error)")
            store.publish(problems: [problem])
            return RebuildOutcome(
                succeeded: false, seconds: Date().timeIntervalSince(started), articleCount: 0, pageCount: 0,
                diagnostics: [problem], timings: [])
        }
    }
}
