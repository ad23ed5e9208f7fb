import DossierCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DossierServer

/// The preview's routes, in process: the seed dossier built in memory and served from a store.
@Suite struct PreviewRouteTests {
    let store = SiteStore()
    let report: BuildReport

    init() throws {
        report = try ServerTestSupport.builtSeeds()
        store.publish(files: report.files)
    }

    private func withClient(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let application = Application(responder: PreviewResponder(store: store))
        try await application.test(.router) { client in try await body(client) }
    }

    @Test func pagesAreServedWithTheReloadScriptBeforeTheEndOfTheBody() async throws {
        let boukamal = try #require(report.files.first { $0.path.value == "towns/boukamal/index.html" })
        let original = String(decoding: boukamal.data, as: UTF8.self)
        #expect(!original.contains("/_dossier/"))
        try await withClient { client in
            try await client.execute(uri: "/towns/boukamal/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.contains("<h1>Boukamal</h1>") || page.contains(">Boukamal<"))
                let script = try #require(page.range(of: "<script src=\"/_dossier/reload.js\""))
                let end = try #require(page.range(of: "</body>", options: .backwards))
                #expect(script.upperBound < end.lowerBound)
                #expect(!page.contains("dossier-problems"))
            }
            try await client.execute(uri: "/_dossier/reload.js", method: .get) { response in
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(String(buffer: response.body).contains("EventSource(\"/_dossier/events\")"))
            }
        }
    }

    @Test func aFolderWithoutItsSlashIsRedirectedAndTheRootIsTheFrontPage() async throws {
        try await withClient { client in
            try await client.execute(uri: "/towns/boukamal", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/towns/boukamal/")
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Boukamal"))
            }
        }
    }

    @Test(arguments: [
        ("/assets/style.css", "text/css; charset=utf-8"), ("/assets/dossier.js", "text/javascript; charset=utf-8"),
        ("/dossier.json", "application/json"), ("/towns.geojson", "application/geo+json"),
        ("/feed.xml", "application/atom+xml"), ("/sitemap.xml", "application/xml"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ])
    func filesHaveTheirContentType(path: String, type: String) async throws {
        let file = try #require(report.files.first { "/" + $0.path.value == path })
        try await withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == type)
                #expect(Data(buffer: response.body) == file.data)  // only HTML pages are touched
            }
        }
    }

    @Test(arguments: [
        "/../Package.swift", "/%2e%2e/Package.swift", "/towns/%2E%2E/%2e%2e/etc/passwd", "/..%2fPackage.swift",
        "/towns%2fboukamal/", "/assets\\..\\..\\Package.swift", "/%5c..%5cPackage.swift", "/./index.html",
        "/.dossier/last-build.json", "/no/such/page/", "/towns/nowhere", "/index.html%00.txt",
    ])
    func pathsOutsideTheSiteGetTheSites404Page(path: String) async throws {
        try await withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound)
                let page = String(buffer: response.body)
                #expect(page.contains("Page introuvable"))
                #expect(!page.contains("swift-tools-version"))
                // Served at any depth, its relative links still start from the root.
                #expect(page.contains("<base href=\"/\">"))
            }
        }
    }

    @Test(arguments: [HTTPRequest.Method.post, .put, .delete, .patch, .options])
    func onlyGetAndHeadAreAnswered(method: HTTPRequest.Method) async throws {
        try await withClient { client in
            try await client.execute(uri: "/", method: method) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func headGivesTheLengthWithoutTheBody() async throws {
        try await withClient { client in
            var length = 0
            try await client.execute(uri: "/dossier.json", method: .get) { response in
                length = response.body.readableBytes
            }
            try await client.execute(uri: "/dossier.json", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentLength] == String(length))
            }
        }
    }

    @Test func aFailedBuildKeepsTheLastSiteAndShowsItsProblemsUntilAGoodBuild() async throws {
        store.publish(problems: [
            .error("front-matter-invalid", "a <script> in the title", file: SourcePath("notes/bad.md"), line: 3)
        ])
        try await withClient { client in
            try await client.execute(uri: "/towns/boukamal/", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("Boukamal"))
                #expect(page.contains("id=\"dossier-problems\""))
                #expect(page.contains("notes/bad.md:3"))
                #expect(page.contains("a &lt;script&gt; in the title"))
                #expect(!page.contains("a <script> in the title"))
            }
        }
        store.publish(files: report.files)
        try await withClient { client in
            try await client.execute(uri: "/towns/boukamal/", method: .get) { response in
                #expect(!String(buffer: response.body).contains("dossier-problems"))
            }
        }
    }

    @Test func theEventStreamGivesTheCurrentBuildThenEachNewOne() async throws {
        var generations = store.generations().makeAsyncIterator()
        let first = try #require(await generations.next())
        store.publish(files: report.files)
        #expect(await generations.next() == first + 1)
        store.close()
        #expect(await generations.next() == nil)
    }
}
