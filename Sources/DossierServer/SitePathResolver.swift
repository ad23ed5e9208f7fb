/// What a request path asks of the served site, decided before any file is looked up.
public enum SiteLookup: Sendable, Equatable {
    /// Serve this file of the site (`articles/x/index.html`).
    case file(String)
    /// The path names a folder without its final `/`: send the reader to `location`, so that the page's
    /// relative links resolve from the folder as they do on a static host.
    case redirect(location: String)
    /// Nothing here: answer with the site's own 404 page.
    case notFound
}

/// Maps a request path onto the site's files, and refuses every path that tries to leave the site.
///
/// The site lives in memory, so no path can reach the disk; the rules still refuse what a static host
/// must refuse, so that the preview never teaches a link that would break (or leak) once published.
public enum SitePathResolver {
    /// `path` is the request's path as sent (percent-encoded, without the query); `exists` tells whether
    /// the site has a file at a path relative to its root.
    public static func resolve(_ path: String, query: String? = nil, exists: (String) -> Bool) -> SiteLookup {
        guard let segments = segments(of: path) else { return .notFound }
        let joined = segments.joined(separator: "/")
        if path.hasSuffix("/") {
            let index = joined.isEmpty ? "index.html" : joined + "/index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(joined) { return .file(joined) }
        if exists(joined + "/index.html") {
            let suffix = query.map { "?" + $0 } ?? ""
            return .redirect(location: "/" + joined + "/" + suffix)
        }
        return .notFound
    }

    /// The files `resolve` may ask about for this path, in the order it asks: a server that must make its files
    /// (`SiteOnDemand`) looks these up first, and stops at the first it has.
    public static func candidates(for path: String) -> [String] {
        guard let segments = segments(of: path) else { return [] }
        let joined = segments.joined(separator: "/")
        if path.hasSuffix("/") { return [joined.isEmpty ? "index.html" : joined + "/index.html"] }
        return [joined, joined + "/index.html"]
    }

    /// The decoded path segments, or nil for a path that is malformed or tries to climb out of the site:
    /// `..` and `.` segments (encoded or not), encoded slashes, backslashes, NUL and control characters.
    static func segments(of path: String) -> [String]? {
        guard path.hasPrefix("/") else { return nil }
        let lowered = path.lowercased()
        // An encoded `/` or `\` would make one segment into two after decoding: refuse it outright.
        for forbidden in ["\\", "%2f", "%5c", "%00"] where lowered.contains(forbidden) { return nil }
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(raw).removingPercentEncoding else { return nil }
            if segment == "." || segment == ".." || segment.hasPrefix(".") { return nil }
            if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) {
                return nil
            }
            segments.append(segment)
        }
        return segments
    }
}
