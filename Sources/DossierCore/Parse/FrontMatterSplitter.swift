/// Splits a Markdown file into its YAML front matter (between `---` lines) and its body.
enum FrontMatterSplitter {
    struct Parts {
        /// The YAML text, or nil when the file has no front matter.
        var yaml: String?
        var body: String
        /// The file line where the body starts.
        var bodyFirstLine: Int
    }

    static func split(_ text: String, file: SourcePath, diagnostics: inout [Diagnostic]) -> Parts {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return Parts(yaml: nil, body: text, bodyFirstLine: 1)
        }
        for index in lines.indices.dropFirst() {
            let line = lines[index].trimmingTrailingSpaces()
            if line == "---" || line == "..." {
                return Parts(
                    yaml: lines[1..<index].joined(separator: "\n"),
                    body: lines[(index + 1)...].joined(separator: "\n"),
                    bodyFirstLine: index + 2)
            }
        }
        diagnostics.append(
            .error("front-matter-unclosed", "the front matter opened on line 1 is never closed", file: file, line: 1,
                column: 1, suggestion: "add a line `---` after the last field, before the text"))
        return Parts(yaml: nil, body: "", bodyFirstLine: lines.count + 1)
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" || last == "\r" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
