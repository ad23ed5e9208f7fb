import Foundation

/// A file read from the dossier folder, not yet decoded.
public struct SourceFile: Sendable {
    public var path: SourcePath
    public var data: Data
    /// The file's stamp when it was read from disk: a later load reuses the bytes while the stamp holds.
    public var stamp: FileStamp?

    public init(path: SourcePath, data: Data, stamp: FileStamp? = nil) {
        self.path = path
        self.data = data
        self.stamp = stamp
    }
}

/// Turns an article file (`.md` with front matter, or `.txt` wire copy) into an `Article`.
enum ArticleParser {
    /// A file's text as every reader of articles sees it: UTF-8 (or legacy wire copy, decoded) without a
    /// byte-order mark, line breaks as `\n` (so line numbers are the file's). Nil when the bytes are no text.
    static func text(of data: Data) -> String? {
        SourceText.decode(data).text
    }

    /// The article and the file's own problems, for a parse that runs on a core of its own.
    static func parse(_ source: SourceFile) -> (article: Article?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let article = parse(source, diagnostics: &diagnostics)
        return (article, diagnostics)
    }

    /// The article, or nil when the file cannot become one (the diagnostics say why).
    static func parse(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> Article? {
        let file = source.path
        let decoded = SourceText.decode(source.data)
        diagnostics += SourceText.diagnostics(for: decoded, file: file)
        guard let text = decoded.text else { return nil }
        guard text.contains(where: { !$0.isWhitespace }) else {
            diagnostics.append(
                .warning("article-empty", "the file is empty and is skipped", file: file, line: 1,
                    suggestion: "write the article in it, or delete the file"))
            return nil
        }
        switch file.fileExtension {
        case "md", "markdown": return parseMarkdown(text, file: file, diagnostics: &diagnostics)
        default: return parseWireCopy(text, file: file, diagnostics: &diagnostics)
        }
    }

    private static func parseWireCopy(_ text: String, file: SourcePath, diagnostics: inout [Diagnostic]) -> Article? {
        let wire = WireCopyReader.read(text, file: file, diagnostics: &diagnostics)
        guard let opening = wire.blocks.first(where: { $0.kind == .paragraph }) ?? wire.blocks.first else {
            diagnostics.append(.warning("article-empty", "the article has no text and is skipped", file: file, line: 1))
            return nil
        }
        let title = WireCopyReader.deriveTitle(from: String(opening.text))
        return Article(
            file: file, slug: Slug.make(title), title: title, date: wire.date, source: wire.source,
            body: .plain(wire.blocks))
    }

    private static func parseMarkdown(_ text: String, file: SourcePath, diagnostics: inout [Diagnostic]) -> Article? {
        let errorsBefore = diagnostics.errorCount
        let parts = FrontMatterSplitter.split(text, file: file, diagnostics: &diagnostics)
        var fields = FrontMatter()
        if let yaml = parts.yaml {
            fields = FrontMatter.read(yaml, file: file, diagnostics: &diagnostics)
        }
        guard diagnostics.errorCount == errorsBefore else { return nil }
        var body = parts.body
        var title = fields.title
        if title == nil, let heading = leadingHeading(of: body) {
            title = heading.title
            body = heading.rest[...]
        }
        let resolvedTitle = title ?? WireCopyReader.deriveTitle(from: plainOpening(of: body))
        guard !resolvedTitle.isEmpty else {
            diagnostics.append(
                .warning("article-empty", "the article has no title and no text and is skipped", file: file, line: 1))
            return nil
        }
        return Article(
            file: file, slug: fields.slug ?? Slug.make(resolvedTitle), hasExplicitSlug: fields.slug != nil, title: resolvedTitle, date: fields.date,
            source: fields.source, originalURL: fields.url, authors: fields.authors, draft: fields.draft,
            body: .markdown(body, firstLine: parts.bodyFirstLine), extra: fields.extra)
    }

    /// A first line `# Title` becomes the title (and leaves the body).
    private static func leadingHeading(of body: Substring) -> (title: String, rest: String)? {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
            lines[index].hasPrefix("# ")
        else { return nil }
        let title = lines[index].dropFirst(2).trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "#")).trimmingCharacters(in: .whitespaces)
        lines[index] = ""
        return title.isEmpty ? nil : (title, lines.joined(separator: "\n"))
    }

    /// The first paragraph without its most common Markdown marks, to derive a title from.
    private static func plainOpening(of body: Substring) -> String {
        let paragraph = body.components(separatedBy: "\n\n").first { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? ""
        let marks = CharacterSet(charactersIn: "*_`#>[]")
        return paragraph.unicodeScalars.filter { !marks.contains($0) }.map(String.init).joined()
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
