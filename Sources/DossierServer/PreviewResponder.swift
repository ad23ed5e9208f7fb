import Foundation
import HTTPTypes
import Hummingbird

/// Answers every request of the preview: the site's files from memory, the reload script and its event
/// stream, and the site's own 404 page. GET and HEAD only.
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let store: SiteStore

    public init(store: SiteStore) { self.store = store }

    /// The answer to one request; never throws: every failure is an HTTP status.
    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(
                status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "Only GET and HEAD are served here.\n")))
        }
        let path = request.uri.path
        switch path {
        case LiveReload.eventsPath: return events()
        case LiveReload.scriptPath:
            return plain(Data(LiveReload.script.utf8), type: "text/javascript; charset=utf-8", request)
        case LiveReload.stylePath: return plain(Data(LiveReload.style.utf8), type: "text/css; charset=utf-8", request)
        default: break
        }
        let site = store.current
        do {
            return try await siteFile(path, in: site, request)
        } catch {
            // Making a file failed (the open data could not be encoded): say so, never a misleading 404.
            return plain(
                Data("The preview could not make this file: \(error)\n".utf8), type: "text/plain; charset=utf-8",
                request, status: .internalServerError)
        }
    }

    /// The file a path names, a redirect to its folder, or the site's 404 page.
    private func siteFile(_ path: String, in site: SiteSnapshot, _ request: Request) async throws -> Response {
        // The resolver asks about one or two paths; what it found is kept, so that a page renders once.
        var found: [String: Data] = [:]
        for candidate in SitePathResolver.candidates(for: path) {
            if let data = try await site.content.file(at: candidate) {
                found[candidate] = data
                break
            }
        }
        switch SitePathResolver.resolve(path, query: request.uri.query, exists: { found[$0] != nil }) {
        case .file(let file):
            return page(file, data: found[file] ?? Data(), in: site, status: .ok, request)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
        case .notFound:
            guard let notFound = try await site.content.file(at: "404.html") else { return notBuiltYet(site, request) }
            return page("404.html", data: notFound, in: site, status: .notFound, request)
        }
    }

    /// A file of the site; HTML pages get the reload script (and the problems panel) on the way out.
    private func page(
        _ file: String, data: Data, in site: SiteSnapshot, status: HTTPResponse.Status, _ request: Request
    ) -> Response {
        var data = data
        if ContentType.isHTML(file) {
            if file == "404.html" { data = LiveReload.rootBase(into: data) }
            data = LiveReload.inject(
                LiveReload.markup(generation: site.generation, problems: site.problems), into: data)
        }
        return plain(data, type: ContentType.of(file), request, status: status)
    }

    private func plain(_ data: Data, type: String, _ request: Request, status: HTTPResponse.Status = .ok) -> Response {
        // The preview changes under the reader's eyes: nothing may be cached.
        var headers: HTTPFields = [
            .contentType: type, .cacheControl: "no-store", .contentLength: String(data.count),
        ]
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        return Response(status: status, headers: headers, body: body)
    }

    /// Before the first good build there is no site and no 404 page: a bare page with the problems, which
    /// reloads itself once the dossier builds.
    private func notBuiltYet(_ site: SiteSnapshot, _ request: Request) -> Response {
        let page = Data(
            ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>dossier serve</title>\n"
                + "</head>\n<body>\n<h1>The dossier is not built yet</h1>\n</body>\n</html>\n").utf8)
        let markup = LiveReload.markup(generation: site.generation, problems: site.problems)
        return plain(
            LiveReload.inject(markup, into: page), type: "text/html; charset=utf-8", request, status: .notFound)
    }

    /// Server-sent events: the current build's number at once, then each new one, until the server stops.
    private func events() -> Response {
        let generations = store.generations()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                // A short retry: after a restart of `dossier serve`, open pages find the new server quickly.
                try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                for await generation in generations {
                    try await writer.write(ByteBuffer(string: "data: \(generation)\n\n"))
                }
                try await writer.finish(nil)
            })
    }
}
