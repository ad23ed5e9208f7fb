import Foundation
import Yams

/// One `key: value` of an article's front matter, as the checks of `FrontMatter` read it, whichever reader
/// found it: the hand reader for the common shapes, Yams for the rest.
struct FrontMatterEntry: Equatable, Sendable {
    indirect enum Value: Equatable, Sendable {
        /// `text` as Yams gives it (quotes and escapes resolved, not trimmed); `plain` when written without
        /// quotes; `flag` what Yams reads as a Bool (`yes`, `Off`… unquoted, and untagged).
        case scalar(text: String, plain: Bool, flag: Bool?)
        case sequence([Value])
        /// A mapping, an alias or anything else the checks read as neither text nor a list.
        case other
    }

    /// As Yams gives it (`Node.string`); "" for a key that is not a scalar.
    var key: String
    /// The key's line and column in the YAML text, from 1.
    var line: Int?
    var column: Int?
    var value: Value
}

extension FrontMatterEntry.Value {
    /// A scalar as a trimmed string, or nil for a list, a mapping or an empty value (`YAMLReader.string`).
    var text: String? {
        guard case .scalar(let text, let plain, _) = self else { return nil }
        let trimmed = YAMLReader.trimmed(text)
        return trimmed.isEmpty && plain ? nil : trimmed
    }

    /// A scalar or a list of scalars (`YAMLReader.strings`).
    var texts: [String]? {
        switch self {
        case .scalar: return text.map { [$0] } ?? []
        case .sequence(let items):
            let texts = items.map(\.text)
            return texts.contains(where: { $0 == nil }) ? nil : texts.compactMap { $0 }
        case .other: return nil
        }
    }

    var flag: Bool? {
        guard case .scalar(_, _, let flag) = self else { return nil }
        return flag
    }

    /// What Yams's `Bool.construct` reads in an untagged scalar: only an unquoted one carries no `str` tag.
    static func flag(of text: String, plain: Bool) -> Bool? {
        guard plain else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar): self = .scalar(text: scalar.string, plain: scalar.style == .plain, flag: node.bool)
        case .sequence(let sequence): self = .sequence(sequence.map(Self.init))
        default: self = .other
        }
    }
}

/// Reads front matter into entries: by hand when every line has a shape it knows, through Yams otherwise.
enum FrontMatterReader {
    enum Outcome: Equatable {
        case entries([FrontMatterEntry])
        /// The YAML is a list or a lone value, not fields; the root's line and column.
        case notMapping(line: Int?, column: Int?)
        /// Nothing to read, or YAML that Yams refused (the diagnostics say why).
        case nothing
    }

    static func read(_ yaml: String, file: SourcePath, diagnostics: inout [Diagnostic]) -> Outcome {
        if let entries = FrontMatterScanner.scan(yaml) { return .entries(entries) }
        return readWithYams(yaml, file: file, diagnostics: &diagnostics)
    }

    /// The reference reading, for every shape the hand reader leaves alone.
    static func readWithYams(_ yaml: String, file: SourcePath, diagnostics: inout [Diagnostic]) -> Outcome {
        guard let root = YAMLReader.compose(yaml, file: file, lineOffset: 1, diagnostics: &diagnostics) else {
            return .nothing
        }
        guard case .mapping(let mapping) = root else {
            return .notMapping(line: YAMLReader.line(of: root), column: root.mark?.column)
        }
        return .entries(
            mapping.map { key, value in
                FrontMatterEntry(
                    key: key.string ?? "", line: YAMLReader.line(of: key), column: key.mark?.column,
                    value: FrontMatterEntry.Value(value))
            })
    }
}
