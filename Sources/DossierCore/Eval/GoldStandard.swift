import Foundation

/// One mention an editor marked by hand: the truth the linker is measured against.
public struct GoldMention: Sendable, Hashable {
    /// The article, relative to the dossier folder.
    public var file: SourcePath
    /// The line of the article where the mention starts.
    public var line: Int
    public var entity: String
    /// The words as written in the article.
    public var text: String
    /// The line of the gold file that holds this row, for diagnostics.
    public var row: Int
}

/// Reads a gold file: tab-separated `file`, `line`, `entity`, `text`, a header row first, `#` comments.
public enum GoldStandardReader {
    public static func read(_ text: String, file: SourcePath, diagnostics: inout [Diagnostic]) -> [GoldMention] {
        var mentions: [GoldMention] = []
        var sawHeader = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let row = index + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                if fields.first == "file" { continue }
            }
            guard fields.count == 4 else {
                diagnostics.append(
                    .error("gold-row-fields", "a gold row needs 4 tab-separated fields, this one has \(fields.count)",
                        file: file, line: row, suggestion: "file<TAB>line<TAB>entity<TAB>text"))
                continue
            }
            guard let number = Int(fields[1]), number > 0 else {
                diagnostics.append(
                    .error("gold-row-line", "`\(fields[1])` is not a line number", file: file, line: row, column: fields[0].count + 2))
                continue
            }
            mentions.append(
                GoldMention(file: SourcePath(fields[0]), line: number, entity: fields[2], text: fields[3], row: row))
        }
        return mentions
    }
}
