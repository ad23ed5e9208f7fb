import Foundation
import Yams

/// Reads YAML into Yams nodes, turning syntax errors into diagnostics with the file's line and column.
enum YAMLReader {
    /// `lineOffset` is added to every line: the front matter of an article starts after its `---` line.
    static func compose(
        _ text: String, file: SourcePath, lineOffset: Int = 0, diagnostics: inout [Diagnostic]
    ) -> Node? {
        do {
            // The encoding is given: its default reads an environment variable at every parse. The resolver has no
            // rules: with Yams's default, checking a mapping for duplicate keys ran up to seven regular expressions on
            // every key to find its type (int, bool, timestamp…), 17 ms for a registry of 500 entities. Nothing here
            // asks a node its type: values are read as text, `Node.bool` and `Node.float` parse the text themselves,
            // and two keys are the same key when they are the same text.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.append(.error("yaml-invalid", "cannot read YAML: \(error)", file: file, line: lineOffset + 1))
            return nil
        }
    }

    static func diagnostic(for error: YamlError, file: SourcePath, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error(
                "yaml-invalid", "invalid YAML: \(detail)", file: file, line: mark.line + lineOffset, column: mark.column,
                suggestion: "check the indentation and quote values that contain `: ` or start with a special character")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                "yaml-duplicate-key", "the key \(duplicates.joined(separator: ", ")) appears twice", file: file,
                line: context.mark.line + lineOffset, column: context.mark.column)
        default:
            return .error("yaml-invalid", "invalid YAML: \(error)", file: file, line: lineOffset + 1)
        }
    }

    /// The line of a node in the file.
    static func line(of node: Node, offset: Int = 0) -> Int? {
        node.mark.map { $0.line + offset }
    }

    /// A scalar as a trimmed string, or nil for a mapping, a sequence or an empty value.
    static func string(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        let text = trimmed(scalar.string)
        return text.isEmpty && scalar.style == .plain ? nil : text
    }

    /// A scalar as a number, as `Node.float` reads it. Most are plain decimals (`34.453`), read directly: Yams
    /// lowercases the text and tries sexagesimal forms first, which cost a microsecond each.
    static func number(_ node: Node) -> Double? {
        if case .scalar(let scalar) = node, scalar.style == .plain, !scalar.string.isEmpty,
            scalar.string.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B }),
            let number = Double(scalar.string)
        {
            return number
        }
        return node.float
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, which goes through UTF-16 (3.6 ms for the 500 entities
    /// of the bench registry), skipped when the text neither starts nor ends with white space: nearly every value.
    /// Unicode's White_Space is the same set as Foundation's `whitespacesAndNewlines` (Zs, Zl, Zp, tab, line breaks).
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A scalar or a list of scalars (`authors: A` and `authors: [A, B]` both work).
    static func strings(_ node: Node) -> [String]? {
        switch node {
        case .scalar: return string(node).map { [$0] } ?? []
        case .sequence(let sequence): 
            let items = sequence.map(string)
            return items.contains(where: { $0 == nil }) ? nil : items.compactMap { $0 }
        default: return nil
        }
    }
}
