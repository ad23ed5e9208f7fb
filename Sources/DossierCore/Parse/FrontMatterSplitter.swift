/// Splits a Markdown file into its YAML front matter (between `---` lines) and its body.
enum FrontMatterSplitter {
    struct Parts {
        /// The YAML text, or nil when the file has no front matter.
        var yaml: String?
        /// The rest of the text: a slice of it, not a copy.
        var body: Substring
        /// The file line where the body starts.
        var bodyFirstLine: Int
    }

    static func split(_ text: String, file: SourcePath, diagnostics: inout [Diagnostic]) -> Parts {
        // Only the front matter is cut into lines; the body is one slice of the text, however long. The lines
        // are cut on the UTF-8 bytes: a line feed always ends a character, and a marker line is ASCII.
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
            if lineNumber == 1 {
                guard isMarker(bytes[lineStart..<lineEnd], "---") else { return Parts(yaml: nil, body: text[...], bodyFirstLine: 1) }
                yamlStart = next
            } else if isMarker(bytes[lineStart..<lineEnd], "---") || isMarker(bytes[lineStart..<lineEnd], "...") {
                let yamlEnd = lineStart > yamlStart! ? bytes.index(before: lineStart) : lineStart
                return Parts(yaml: String(text[yamlStart!..<yamlEnd]), body: text[next...], bodyFirstLine: lineNumber + 1)
            }
            lineStart = next
            lineNumber += 1
        }
        guard yamlStart != nil else { return Parts(yaml: nil, body: text[...], bodyFirstLine: 1) }
        diagnostics.append(
            .error("front-matter-unclosed", "the front matter opened on line 1 is never closed", file: file, line: 1,
                column: 1, suggestion: "add a line `---` after the last field, before the text"))
        return Parts(yaml: nil, body: "", bodyFirstLine: lineNumber)
    }

    /// Whether a line is `marker` followed only by spaces, tabs or carriage returns.
    private static func isMarker(_ line: Substring.UTF8View, _ marker: StaticString) -> Bool {
        let count = marker.utf8CodeUnitCount
        guard line.count >= count else { return false }
        let markerBytes = UnsafeBufferPointer(start: marker.utf8Start, count: count)
        guard line.prefix(count).elementsEqual(markerBytes) else { return false }
        return line.dropFirst(count).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
