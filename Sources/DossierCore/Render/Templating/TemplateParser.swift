/// Parses Mustache templates into `TemplateNode`s: variables (`{{name}}`, `{{{raw}}}`, `{{&raw}}`), sections
/// and inverted sections, comments, partials (`{{>name}}`), inheritance (`{{<parent}}` with `{{$block}}`s),
/// transforms (`empty(list)`, `first()`), and the Mustache rule that a tag alone on its line takes the line
/// with it. Errors carry the line and column of the tag.
struct TemplateParser {
    struct SyntaxError: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
        /// The diagnostic's stable code: a partial that tries a path has its own.
        var code = "template-syntax"
    }

    private enum TagKind: Character {
        case variable = " "
        case raw = "{"
        case ampersand = "&"
        case section = "#"
        case inverted = "^"
        case close = "/"
        case comment = "!"
        case partial = ">"
        case parent = "<"
        case block = "$"
        case delimiters = "="
        case pragma = "%"

        /// Tags that vanish with their line when they stand alone on it.
        var canStandAlone: Bool { self != .variable && self != .raw && self != .ampersand }
    }

    private enum Token {
        case text(String)
        case tag(TagKind, name: String, line: Int, column: Int)
    }

    static func parse(_ source: String) throws(SyntaxError) -> [TemplateNode] {
        var tokens = try tokenize(source)
        removeStandaloneLines(&tokens)
        var position = 0
        return try nodes(tokens, from: &position, closing: nil)
    }

    // MARK: - Tokens

    private static func tokenize(_ source: String) throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(source.utf8)
        var line = 1
        var lineStart = 0
        var textStart = 0
        var index = 0
        func column(_ offset: Int) -> Int { String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1 }
        while index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard bytes[index] == 0x7B, index + 1 < bytes.count, bytes[index + 1] == 0x7B else {
                index += 1
                continue
            }
            let tagLine = line
            let tagColumn = column(index)
            if index > textStart { tokens.append(.text(String(decoding: bytes[textStart..<index], as: UTF8.self))) }
            var contentStart = index + 2
            var kind = TagKind.variable
            if contentStart < bytes.count, let marker = TagKind(rawValue: Character(Unicode.Scalar(bytes[contentStart]))),
                marker != .variable
            {
                kind = marker
                contentStart += 1
            }
            let closing: [UInt8] = kind == .raw ? Array("}}}".utf8) : Array("}}".utf8)
            guard let end = find(closing, in: bytes, from: contentStart) else {
                throw SyntaxError(message: "`{{` is never closed by `\(String(decoding: closing, as: UTF8.self))`", line: tagLine, column: tagColumn)
            }
            var content = String(decoding: bytes[contentStart..<end], as: UTF8.self)
            if kind == .delimiters {
                throw SyntaxError(message: "changing the delimiters (`{{=…=}}`) is not supported", line: tagLine, column: tagColumn)
            }
            if kind == .comment {
                content = ""
            } else {
                content = content.trimmingASCIISpaces()
                if content.isEmpty && kind != .pragma {
                    throw SyntaxError(message: "the tag has no name", line: tagLine, column: tagColumn)
                }
            }
            tokens.append(.tag(kind, name: content, line: tagLine, column: tagColumn))
            for offset in index..<(end + closing.count) where bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            index = end + closing.count
            textStart = index
        }
        if textStart < bytes.count { tokens.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
        return tokens
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// A section, comment, partial or block tag alone on its line: the line's indentation and its line
    /// break go with it, so templates can be laid out one tag per line.
    private static func removeStandaloneLines(_ tokens: inout [Token]) {
        var dropPrefix = [Int](repeating: 0, count: tokens.count)  // bytes to cut at the start of a text
        var dropSuffix = [Int](repeating: 0, count: tokens.count)  // bytes to cut at its end
        for index in tokens.indices {
            guard case .tag(let kind, _, _, _) = tokens[index], kind.canStandAlone else { continue }
            var cutBefore = 0
            if index > 0 {
                guard case .text(let before) = tokens[index - 1] else { continue }
                let tail = before.utf8.reversed().prefix { $0 != 0x0A }
                guard tail.allSatisfy({ $0 == 0x20 || $0 == 0x09 }),
                    before.utf8.contains(0x0A) || index - 1 == 0
                else { continue }
                cutBefore = tail.count
            }
            var cutAfter = 0
            if index + 1 < tokens.count {
                guard case .text(let after) = tokens[index + 1] else { continue }
                let head = after.utf8.prefix { $0 != 0x0A }
                let hasBreak = head.count < after.utf8.count
                guard head.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }), hasBreak || index + 1 == tokens.count - 1
                else { continue }
                cutAfter = head.count + (hasBreak ? 1 : 0)
            }
            if index > 0 { dropSuffix[index - 1] = cutBefore }
            if index + 1 < tokens.count { dropPrefix[index + 1] = cutAfter }
        }
        for index in tokens.indices {
            guard case .text(let text) = tokens[index], dropPrefix[index] + dropSuffix[index] > 0 else { continue }
            let bytes = Array(text.utf8)
            let start = min(dropPrefix[index], bytes.count)
            let end = max(start, bytes.count - dropSuffix[index])
            tokens[index] = .text(String(decoding: bytes[start..<end], as: UTF8.self))
        }
    }

    // MARK: - Tree

    private static func nodes(_ tokens: [Token], from position: inout Int, closing: (name: String, line: Int, column: Int)?)
        throws(SyntaxError) -> [TemplateNode]
    {
        var result: [TemplateNode] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let text):
                if !text.isEmpty { result.append(.text(Array(text.utf8))) }
            case .tag(let kind, let name, let line, let column):
                switch kind {
                case .comment, .pragma, .delimiters:
                    continue
                case .variable, .ampersand, .raw:
                    result.append(.variable(try reference(name, line: line, column: column), escaped: kind == .variable))
                case .partial:
                    try checkTemplateName(name, line: line, column: column)
                    result.append(.partial(name))
                case .section, .inverted:
                    let children = try nodes(tokens, from: &position, closing: (name, line, column))
                    result.append(.section(try reference(name, line: line, column: column), children, inverted: kind == .inverted))
                case .block:
                    result.append(.block(name, try nodes(tokens, from: &position, closing: (name, line, column))))
                case .parent:
                    try checkTemplateName(name, line: line, column: column)
                    let children = try nodes(tokens, from: &position, closing: (name, line, column))
                    var blocks: [String: [TemplateNode]] = [:]
                    for case .block(let blockName, let content) in children { blocks[blockName] = content }
                    result.append(.parent(name, blocks: blocks))
                case .close:
                    guard let closing else {
                        throw SyntaxError(message: "`{{/\(name)}}` closes a section that was never opened", line: line, column: column)
                    }
                    guard closing.name == name else {
                        throw SyntaxError(
                            message: "`{{/\(name)}}` does not close `\(closing.name)`, opened on line \(closing.line)",
                            line: line, column: column)
                    }
                    return result
                }
            }
        }
        if let closing {
            throw SyntaxError(message: "`\(closing.name)` is never closed (`{{/\(closing.name)}}`)", line: closing.line, column: closing.column)
        }
        return result
    }

    /// Partials are looked up among the loaded templates, never on disk; still, a name that climbs out of the
    /// templates folder (`../../etc/passwd`, `/etc/passwd`) is a mistake or an attack, and is said to be one.
    private static func checkTemplateName(_ name: String, line: Int, column: Int) throws(SyntaxError) {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard name.hasPrefix("/") || name.hasPrefix("~") || name.contains("\\") || parts.contains("..") else { return }
        throw SyntaxError(
            message: "the partial `\(name)` points outside the templates folder", line: line, column: column,
            code: "template-partial-path")
    }

    /// `name`, `a.b`, `.`, `.name`, `empty(list)`, `first()`.
    private static func reference(_ text: String, line: Int, column: Int) throws(SyntaxError) -> TemplateReference {
        var name = Substring(text)
        var transforms: [String] = []
        while name.hasSuffix(")"), let open = name.firstIndex(of: "(") {
            transforms.append(String(name[..<open]))
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        guard !name.contains("(") && !name.contains(")") else {
            throw SyntaxError(message: "`\(text)` is not a name or a transform like `empty(list)`", line: line, column: column)
        }
        let isDot = name == "."
        let currentOnly = !isDot && name.hasPrefix(".")
        let path = isDot || name.isEmpty ? [] : name.split(separator: ".").map(String.init)
        return TemplateReference(path: path, currentOnly: currentOnly, transforms: transforms.reversed(), isDot: isDot)
    }
}

extension String {
    fileprivate func trimmingASCIISpaces() -> String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }),
            let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
