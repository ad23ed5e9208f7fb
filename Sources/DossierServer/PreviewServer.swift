import DossierCore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `dossier serve`: builds the dossier into memory, serves it, and rebuilds and reloads open pages when a
/// file of the dossier changes. Nothing is written to disk.
public struct PreviewServer: Sendable {
    /// The dossier folder, watched whole (its `templates/` included).
    public var folder: URL
    /// The address to listen on: loopback unless the user asks otherwise.
    public var host: String
    /// The port to listen on; 0 lets the system pick a free one.
    public var port: Int
    /// The site's public address, as `dossier build --base-url` takes it.
    public var baseURL: String?
    /// Log each build's phase times after its summary line, as `timing PHASE SECONDS`.
    public var timings = false

    public init(folder: URL, host: String = "127.0.0.1", port: Int = 8000, baseURL: String? = nil) {
        self.folder = folder
        self.host = host
        self.port = port
        self.baseURL = baseURL
    }

    /// Builds, then serves until Ctrl-C (or until the task is cancelled, with `stopOnSignals: false`).
    /// `onReady` gets the port the server listens on (useful with port 0); `log` gets one line per event.
    public func run(
        stopOnSignals: Bool = true, onReady: @escaping @Sendable (Int) -> Void = { _ in },
        log: @escaping @Sendable (String) -> Void
    ) async throws {
        let store = SiteStore()
        let rebuilder = SiteRebuilder(folder: folder, baseURL: baseURL, store: store)
        // Watching starts before the first build, so that a file saved while it runs is not missed.
        let watcher = FolderWatcher(folders: [folder])
        Self.report(await rebuilder.rebuild(), first: true, timings: timings, log: log)

        var logger = Logger(label: "dossier.serve")
        logger.logLevel = .critical  // failures that matter (a port in use) are thrown, not logged
        let host = host
        let application = Application(
            responder: PreviewResponder(store: store),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                log("Serving at http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (Ctrl-C stops)")
                onReady(port)
            },
            logger: logger)
        let rebuilding = RebuildService(
            watcher: watcher, rebuilder: rebuilder, store: store, timings: timings, log: log)
        // Services stop in reverse order: the rebuilding loop first, which ends the open event streams, so
        // that the server then has no request left to wait for.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [application, rebuilding], gracefulShutdownSignals: stopOnSignals ? [.sigint, .sigterm] : [],
                logger: logger))
        try await group.run()
        log("Stopped.")
    }

    static func report(_ outcome: RebuildOutcome, first: Bool, timings: Bool, log: @Sendable (String) -> Void) {
        let seconds = String(format: "%.3f", outcome.seconds)
        if outcome.succeeded {
            let warnings = outcome.diagnostics.warningCount
            log(
                (first ? "Built" : "Rebuilt") + " \(outcome.articleCount) articles, \(outcome.pageCount) pages in "
                    + "\(seconds) s" + (first ? "" : " (\(outcome.parsed) parsed, \(outcome.linked) linked anew)")
                    + (warnings > 0 ? " (\(warnings) warnings, see `dossier check`)" : ""))
        } else {
            let errors = outcome.diagnostics.filter { $0.severity == .error }
            log("Build failed in \(seconds) s; the last good site stays served:")
            for diagnostic in errors { log("  \(diagnostic)") }
        }
        if timings {
            for phase in outcome.timings { log("timing \(phase.name) \(String(format: "%.4f", phase.seconds))") }
        }
    }
}

/// Waits for changes and rebuilds, until the server stops; then ends the pages' event streams.
struct RebuildService: Service {
    let watcher: FolderWatcher
    let rebuilder: SiteRebuilder
    let store: SiteStore
    let timings: Bool
    let log: @Sendable (String) -> Void

    func run() async throws {
        let (watcher, rebuilder, timings, log) = (watcher, rebuilder, timings, log)
        await cancelWhenGracefulShutdown {
            while await watcher.nextChange() {
                PreviewServer.report(await rebuilder.rebuild(), first: false, timings: timings, log: log)
            }
        }
        store.close()
    }
}
