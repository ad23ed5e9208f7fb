import DossierCore
import Foundation
import Testing

@testable import DossierServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `dossier serve` as a reader meets it: a real server on a free port of 127.0.0.1, a copy of the seed
/// dossier edited while it runs.
@Suite struct ServeEndToEndTests {
    /// Fetches a page; the status and the text.
    private func fetch(_ session: URLSession, port: Int, _ path: String) async throws -> (status: Int, text: String) {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        let (data, response) = try await session.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Fetches `path` until `condition` holds, a bounded number of times: a rebuild takes its time.
    private func fetch(
        _ session: URLSession, port: Int, _ path: String, until condition: (String) -> Bool
    ) async throws -> String {
        var text = ""
        for _ in 0..<300 {
            text = try await fetch(session, port: port, path).text
            if condition(text) { return text }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return text
    }

    @Test func anEditedArticleIsServedAgainAndPathsOutsideTheSiteAreRefused() async throws {
        let folder = try ServerTestSupport.seedsCopy()
        let before = try ServerTestSupport.files(under: folder)
        let article = folder.appendingPathComponent("000_94cd7e84aae576f1.txt")
        let report = try DossierBuilder.build(folder: folder)
        let page = try #require(report.site?.articles.first { $0.article.file.value == article.lastPathComponent })
        let path = "/" + page.article.url.path

        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let server = PreviewServer(folder: folder, port: 0)
        let running = Task {
            try await server.run(stopOnSignals: false, onReady: { portSink.yield($0) }, log: { _ in })
        }
        var portIterator = ports.makeAsyncIterator()
        let port = try #require(await portIterator.next())
        let session = URLSession(configuration: .ephemeral)

        let first = try await fetch(session, port: port, path)
        #expect(first.status == 200)
        #expect(first.text.contains("scènes insoutenables"))
        #expect(first.text.contains("/_dossier/reload.js"))

        let text = try String(contentsOf: article, encoding: .utf8)
        try text.replacingOccurrences(of: "scènes insoutenables", with: "scènes zanzibaresques")
            .write(to: article, atomically: false, encoding: .utf8)
        let edited = try await fetch(session, port: port, path) { $0.contains("zanzibaresques") }
        #expect(edited.contains("scènes zanzibaresques"))

        // A broken front matter keeps the site and shows where the problem is; fixing it clears the panel.
        let broken = folder.appendingPathComponent("broken.md")
        try "---\ntitle: [never closed\n---\nCorps.\n".write(to: broken, atomically: false, encoding: .utf8)
        let failing = try await fetch(session, port: port, path) { $0.contains("dossier-problems") }
        #expect(failing.contains("broken.md:"))
        #expect(failing.contains("scènes zanzibaresques"))
        try FileManager.default.removeItem(at: broken)
        let fixed = try await fetch(session, port: port, path) { !$0.contains("dossier-problems") }
        #expect(!fixed.contains("dossier-problems"))

        for traversal in ["/../Package.swift", "/%2e%2e/%2e%2e/Package.swift", "/articles/../../seeds/dossier.yml"] {
            let answer = try ServerTestSupport.rawRequest(port: port, "GET \(traversal) HTTP/1.1\r\nHost: 127.0.0.1")
            #expect(answer.status == 404, "\(traversal)")
            #expect(answer.text.contains("Page introuvable"))
        }
        let post = try ServerTestSupport.rawRequest(
            port: port, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0")
        #expect(post.status == 405)

        running.cancel()
        _ = await running.result
        // The preview wrote nothing next to the dossier: no site, no state, nothing carrying the reload script.
        #expect(try ServerTestSupport.files(under: folder) == before)
    }

    @Test func aSiteWrittenToDiskHasNoReloadScript() throws {
        let report = try ServerTestSupport.builtSeeds()
        let output = try ServerTestSupport.temporaryFolder().appendingPathComponent("public")
        try DiskPublisher.publish(report.files, to: output, input: ServerTestSupport.seeds)
        for path in try ServerTestSupport.files(under: output) where path.hasSuffix(".html") {
            let page = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(!page.contains("_dossier"), "\(path)")
        }
    }
}
