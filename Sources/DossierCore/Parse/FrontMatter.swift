import Foundation

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
        // Blank when every scalar is white space: trimming a copy of the whole text cost more than reading it.
        guard yaml.unicodeScalars.contains(where: { !CharacterSet.whitespacesAndNewlines.contains($0) }) else {
            return fields
        }
        let entries: [FrontMatterEntry]
        switch FrontMatterReader.read(yaml, file: file, diagnostics: &diagnostics) {
        case .nothing: return fields
        case .notMapping(let line, let column):
            diagnostics.append(
                .error("front-matter-not-mapping", "the front matter must be fields (`title: …`), one per line",
                    file: file, line: line.map { $0 + 1 } ?? 2, column: column,
                    suggestion: "write one `field: value` per line between the two `---` lines, e.g. `title: …`"))
            return fields
        case .entries(let read): entries = read
        }
        for entry in entries {
            let key = entry.key
            let value = entry.value
            // The front matter starts on the file's second line.
            let line = entry.line.map { $0 + 1 }
            let column = entry.column
            func text() -> String? {
                guard let string = value.text else {
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
                if let authors = value.texts {
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
                if let flag = value.flag {
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
                if let string = value.text { fields.extra[key] = string }
            }
        }
        return fields
    }
}
