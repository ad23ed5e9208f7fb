/// A problem found in the input, reported like a compiler does: `file:line:column: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// A stable identifier for the kind of problem, e.g. `front-matter-unclosed`.
    public var code: String
    public var message: String
    public var file: SourcePath?
    public var line: Int?
    public var column: Int?
    /// How to fix it, when we can say.
    public var suggestion: String?

    public init(
        _ severity: Severity, code: String, _ message: String,
        file: SourcePath? = nil, line: Int? = nil, column: Int? = nil, suggestion: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.suggestion = suggestion
    }

    public static func error(
        _ code: String, _ message: String, file: SourcePath? = nil, line: Int? = nil, column: Int? = nil,
        suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message, file: file, line: line, column: column, suggestion: suggestion)
    }

    public static func warning(
        _ code: String, _ message: String, file: SourcePath? = nil, line: Int? = nil, column: Int? = nil,
        suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, message, file: file, line: line, column: column, suggestion: suggestion)
    }

    /// `seeds/a.md:3:1: error: message [code]`, then the suggestion on its own line.
    public var description: String {
        var location = ""
        if let file {
            location = file.value
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            location += ": "
        }
        var text = "\(location)\(severity.rawValue): \(message) [\(code)]"
        if let suggestion { text += "\n  note: \(suggestion)" }
        return text
    }
}

extension Diagnostic: Comparable {
    /// File, then line, then column, so that reports read top to bottom like the input.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = (lhs.file?.value ?? "", lhs.line ?? 0, lhs.column ?? 0, lhs.severity == .error ? 0 : 1, lhs.message)
        let right = (rhs.file?.value ?? "", rhs.line ?? 0, rhs.column ?? 0, rhs.severity == .error ? 0 : 1, rhs.message)
        return left < right
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
}
