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
        // Only the front matter is cut into lines; the body is one slice of the text, however long.
        var lineStart = text.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces()
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if lineNumber == 1 {
                guard line == "---" else { return Parts(yaml: nil, body: text, bodyFirstLine: 1) }
                yamlStart = next
            } else if line == "---" || line == "..." {
                return Parts(yaml: String(text[yamlStart!..<lineStart].dropLast()), body: String(text[next...]), bodyFirstLine: lineNumber + 1)
            }
            lineStart = next
            lineNumber += 1
        }
        guard yamlStart != nil else { return Parts(yaml: nil, body: text, bodyFirstLine: 1) }
        diagnostics.append(
            .error("front-matter-unclosed", "the front matter opened on line 1 is never closed", file: file, line: 1,
                column: 1, suggestion: "add a line `---` after the last field, before the text"))
        return Parts(yaml: nil, body: "", bodyFirstLine: lineNumber)
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
