import Foundation
import Yams

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
        let title = WireCopyReader.deriveTitle(from: opening.text)
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
            body = heading.rest
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
    private static func leadingHeading(of body: String) -> (title: String, rest: String)? {
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
    private static func plainOpening(of body: String) -> String {
        let paragraph = body.components(separatedBy: "\n\n").first { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? ""
        let marks = CharacterSet(charactersIn: "*_`#>[]")
        return paragraph.unicodeScalars.filter { !marks.contains($0) }.map(String.init).joined()
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The fields of an article's front matter, checked.
struct FrontMatter {
    var title: String?
    var date: PartialDate?
    var source: String?
    var url: String?
    var authors: [String] = []
    var slug: String?
    var draft = false
    var extra: [String: String] = [:]

    private static let knownFields = ["title", "date", "source", "url", "authors", "author", "slug", "draft"]

    static func read(_ yaml: String, file: SourcePath, diagnostics: inout [Diagnostic]) -> FrontMatter {
        var fields = FrontMatter()
        guard !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return fields }
        guard let root = YAMLReader.compose(yaml, file: file, lineOffset: 1, diagnostics: &diagnostics) else {
            return fields
        }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(
                .error("front-matter-not-mapping", "the front matter must be fields (`title: …`), one per line",
                    file: file, line: YAMLReader.line(of: root, offset: 1) ?? 2, column: root.mark?.column,
                    suggestion: "write one `field: value` per line between the two `---` lines, e.g. `title: …`"))
            return fields
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = YAMLReader.line(of: keyNode, offset: 1)
            let column = keyNode.mark?.column
            func text() -> String? {
                guard let string = YAMLReader.string(value) else {
                    diagnostics.append(
                        .error("front-matter-type", "`\(key)` must be text", file: file, line: line, column: column,
                            suggestion: "write it on one line, in quotes if it holds `: ` or `#`: \(key): \"…\""))
                    return nil
                }
                return string
            }
            switch key {
            case "title": fields.title = text()
            case "source": fields.source = text()
            case "date":
                guard let raw = text() else { continue }
                if let date = PartialDate(parsing: raw) {
                    fields.date = date
                } else {
                    // `2017-02-29` has the form of a date: what is wrong is the calendar, not the writing.
                    let looksLikeDate = raw.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "/") }
                    diagnostics.append(
                        .error("date-invalid",
                            looksLikeDate ? "`\(raw)` is not a day of the calendar" : "`\(raw)` is not a date",
                            file: file, line: line, column: column,
                            suggestion: looksLikeDate
                                ? "check the month (01 to 12) and the day (the month must have it)"
                                : "write 2017, 2017-11 or 2017-11-13"))
                }
            case "url":
                guard let raw = text() else { continue }
                let scheme = raw.split(separator: ":", maxSplits: 1).first?.lowercased()
                if raw.contains(":"), scheme == "http" || scheme == "https", URL(string: raw) != nil {
                    fields.url = raw
                } else {
                    diagnostics.append(
                        .warning("url-unsafe", "`url` must be an http or https address; `\(raw)` is ignored",
                            file: file, line: line, column: column,
                            suggestion: "write the original's full address, e.g. url: https://www.afp.com/…"))
                }
            case "authors", "author":
                if let authors = YAMLReader.strings(value) {
                    fields.authors = authors
                } else {
                    diagnostics.append(
                        .error("front-matter-type", "`\(key)` must be a name or a list of names", file: file,
                            line: line, column: column, suggestion: "e.g. \(key): [Jeanne Martin, Karim Haddad]"))
                }
            case "slug":
                guard let raw = text() else { continue }
                if Slug.isValid(raw) {
                    fields.slug = raw
                } else {
                    diagnostics.append(
                        .error("slug-invalid", "the slug `\(raw)` is not lowercase letters, digits and hyphens",
                            file: file, line: line, column: column, suggestion: "try `\(Slug.make(raw))`"))
                }
            case "draft":
                if let flag = value.bool {
                    fields.draft = flag
                } else {
                    diagnostics.append(
                        .error("front-matter-type", "`draft` must be true or false", file: file, line: line,
                            column: column, suggestion: "write draft: true to leave the article out, or remove the line"))
                }
            default:
                // Other fields are kept for templates; one a letter or two from a field we read is a typo.
                if let known = NameDistance.closest(to: key, in: knownFields), key.count > 2 {
                    diagnostics.append(
                        .warning("front-matter-field-unknown", "`\(key)` is not a field dossier reads and is kept as is",
                            file: file, line: line, column: column, suggestion: "did you mean `\(known)`?"))
                }
                if let string = YAMLReader.string(value) { fields.extra[key] = string }
            }
        }
        return fields
    }
}
