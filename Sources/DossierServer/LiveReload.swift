import DossierCore
import Foundation

/// What the preview adds to the pages it serves, and only to them: the reload script and, while the
/// dossier has errors, a panel listing them. Nothing here ever reaches a site written to disk.
enum LiveReload {
    /// The reserved folder of the preview's own resources; no dossier page can live under a hidden name.
    static let prefix = "/_dossier/"
    static let eventsPath = prefix + "events"
    static let scriptPath = prefix + "reload.js"
    static let stylePath = prefix + "panel.css"

    /// The page learns which build it shows from the tag, and the event stream says which build is current:
    /// a page that missed an event (loaded between a build and its connection) still reloads.
    static func markup(generation: Int, problems: [Diagnostic]) -> String {
        var html = ""
        if !problems.isEmpty {
            html += "<link rel=\"stylesheet\" href=\"\(stylePath)\">\n"
            html += "<aside id=\"dossier-problems\" role=\"alert\">\n"
            html += "<h2>dossier: the last change did not build; this is the last good site</h2>\n<ul>\n"
            for problem in problems {
                html += "<li><code>\(HTML.escape(problem.description))</code></li>\n"
            }
            html += "</ul>\n</aside>\n"
        }
        html += "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>\n"
        return html
    }

    /// `page` with `markup` put before its last `</body>` (or at its end when it has none).
    static func inject(_ markup: String, into page: Data) -> Data {
        let closing = Array("</body>".utf8)
        let bytes = [UInt8](page)
        var position = bytes.count
        if bytes.count >= closing.count {
            var index = bytes.count - closing.count
            while index >= 0 {
                if matches(bytes, at: index, closing) {
                    position = index
                    break
                }
                index -= 1
            }
        }
        var result = Data(bytes[..<position])
        result.append(Data(markup.utf8))
        result.append(Data(bytes[position...]))
        return result
    }

    /// A `<base>` for the 404 page: it is served at any depth, and its relative links are written for the root.
    static func rootBase(into page: Data) -> Data {
        let bytes = [UInt8](page)
        let opening = Array("<head>".utf8)
        guard bytes.count >= opening.count,
            let index = (0...(bytes.count - opening.count)).first(where: { matches(bytes, at: $0, opening) })
        else { return page }
        let end = index + opening.count
        return Data(bytes[..<end]) + Data("\n<base href=\"/\">".utf8) + Data(bytes[end...])
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ tag: [UInt8]) -> Bool {
        for offset in tag.indices {
            var byte = bytes[index + offset]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }  // ASCII lowercase: `</BODY>` counts too
            if byte != tag[offset] { return false }
        }
        return true
    }

    /// Served as a file, not inlined, so that a page with a strict `script-src 'self'` policy still runs it.
    static let script = """
        // dossier serve: reloads this page when the dossier is rebuilt. Only the preview serves this file.
        (function () {
          var tag = document.currentScript;
          var shown = tag ? tag.getAttribute("data-generation") : null;
          if (!window.EventSource) return;
          var events = new EventSource("\(eventsPath)");
          events.onmessage = function (event) {
            if (shown !== null && event.data !== shown) { events.close(); location.reload(); }
          };
        })();

        """

    static let style = """
        #dossier-problems { position: fixed; inset: auto 0 0 0; z-index: 2147483647; max-height: 50vh;
          overflow: auto; margin: 0; padding: 0.75rem 1rem; background: #5c0011; color: #fff;
          font: 14px/1.4 ui-monospace, monospace; border-top: 3px solid #ff4d4f; }
        #dossier-problems h2 { margin: 0 0 0.5rem; font-size: 1rem; }
        #dossier-problems ul { margin: 0; padding-left: 1.25rem; }
        #dossier-problems code { color: inherit; background: none; white-space: pre-wrap; }

        """
}
