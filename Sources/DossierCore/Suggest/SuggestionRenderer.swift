import Foundation

/// Writes what `dossier entities suggest` prints: the ranked list, then YAML to paste into `entities.yml`.
public enum SuggestionRenderer {
    public static func render(_ report: SuggestionReport, folder: String) -> String {
        let suggestions = report.suggestions
        guard !suggestions.isEmpty else { return nothing(report, folder: folder) }
        var lines: [String] = []
        let names = counted(suggestions.count + report.beyondLimit, "name")
        lines.append(
            "\(names) in \(folder) look like entities but are not in entities.yml "
                + "(\(counted(report.articleCount, "article")), \(threshold(report))):")
        lines.append("")
        let width = String(suggestions.count).count
        for (rank, suggestion) in suggestions.enumerated() {
            let number = String(rank + 1).leftPadded(to: width)
            lines.append(
                "\(number). \(suggestion.displayName) · \(counted(suggestion.count, "mention")) · \(guess(suggestion))")
            let indent = String(repeating: " ", count: width + 2)
            lines.append("\(indent)\(location(suggestion))  « \(suggestion.example.excerpt()) »")
        }
        if report.beyondLimit > 0 {
            lines.append("")
            lines.append(
                "(\(counted(report.beyondLimit, "more name", "more names")) with as many mentions or fewer: "
                    + "--limit \(report.limit + report.beyondLimit) shows them)")
        }
        lines.append("")
        lines += yaml(suggestions)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func nothing(_ report: SuggestionReport, folder: String) -> String {
        let articles = counted(report.articleCount, "article")
        if report.belowMinimum > 0 {
            let rare = counted(report.belowMinimum, "name is", "names are")
            let clue = report.admitsStrongClues ? " (or once with a strong clue)" : ""
            return "No unregistered name occurs \(report.minCount) times or more\(clue) in \(folder) (\(articles)); "
                + "\(rare) seen fewer times: --min-count 1 shows them.\n"
        }
        return
            "No unregistered names found in \(folder) (\(articles)): entities.yml names everything that looks like an entity.\n"
    }

    /// The YAML block: new entities grouped by kind, each with its count, guess and example as comments.
    static func yaml(_ suggestions: [Suggestion]) -> [String] {
        var lines = ["# Paste each entry under its kind in entities.yml (the kind is a guess: move it if wrong)."]
        let entities = suggestions.filter { $0.aliasOf == nil }
        let kinds = Set(entities.map(\.kind)).sorted { kindRank($0) < kindRank($1) }
        for kind in kinds {
            lines.append("\(kind):")
            for suggestion in entities where suggestion.kind == kind {
                lines.append(
                    "  # \(counted(suggestion.count, "mention")) · \(guess(suggestion)) · \(location(suggestion))")
                lines.append("  #   « \(suggestion.example.excerpt()) »")
                lines.append("  \(suggestion.id):")
                lines.append("    name: \(scalar(suggestion.name))")
                if !suggestion.aliases.isEmpty {
                    lines.append("    aliases: [\(suggestion.aliases.map(scalar).joined(separator: ", "))]")
                }
            }
        }
        let aliases = suggestions.filter { $0.aliasOf != nil }
        if !aliases.isEmpty {
            lines.append("# New aliases of registered entities: add them to the entity's `aliases:`.")
            for suggestion in aliases {
                lines.append(
                    "#   \(suggestion.kind) › \(suggestion.aliasOf ?? ""): \(suggestion.name) (\(location(suggestion)))"
                )
            }
        }
        return lines
    }

    /// Kinds in the order pages show them, the built-in ones first.
    private static func kindRank(_ kind: String) -> (Int, String) {
        (EntityKind.builtIn.firstIndex(of: kind) ?? EntityKind.builtIn.count, kind)
    }

    private static func guess(_ suggestion: Suggestion) -> String {
        if let owner = suggestion.aliasOf { return "new alias of \(suggestion.kind) › \(owner)" }
        return "\(suggestion.kind) (guessed: \(suggestion.evidence))"
    }

    private static func location(_ suggestion: Suggestion) -> String {
        "\(suggestion.example.file):\(suggestion.example.line)"
    }

    private static func threshold(_ report: SuggestionReport) -> String {
        var text = report.minCount <= 1 ? "every name seen" : "names seen \(report.minCount) times or more"
        if report.admitsStrongClues { text += " or with a strong clue" }
        if report.belowMinimum > 0 { text += "; \(counted(report.belowMinimum, "rarer name")) left out" }
        return text
    }

    /// A YAML scalar: plain when YAML reads it back as the same text, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"]
        let isPlainSafe =
            text.first.map { $0.isLetter } == true && !reserved.contains(text.lowercased())
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" }
            && text.last != " "
        if isPlainSafe { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// `1 mention`, `3 mentions`.
    static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}

extension Suggestion {
    /// `Forces démocratiques syriennes (FDS)`, `Jim Mattis (Mattis)` when the name has aliases, else the name.
    var displayName: String { aliases.isEmpty ? name : "\(name) (\(aliases.joined(separator: ", ")))" }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
