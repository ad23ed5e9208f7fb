/// Reads the front-matter shapes articles use, in one pass over the bytes, into what Yams would give:
/// `key: plain text`, `key: "double"` or `'single'` quoted, `key: [a, "b"]` on one line, `key:` followed by
/// `- item` lines, comments and blank lines. Anything else (anchors, tags, escapes, multi-line or block
/// scalars, nested maps, a repeated key, a character YAML refuses, tabs) makes it answer nil, and Yams reads
/// the text, with its diagnostics. Composing with Yams cost more than the rest of an article's parse.
enum FrontMatterScanner {
    static func scan(_ yaml: String) -> [FrontMatterEntry]? {
        var text = yaml
        return text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x0A }), hasOnlyPlainScalars(bytes) else {
                return nil
            }
            var scanner = LineScanner(bytes: bytes)
            return scanner.entries()
        }
    }

    /// libyaml refuses C1 controls and non-characters, reads U+0085, U+2028 and U+2029 as line breaks and a
    /// byte-order mark as a marker: leave all of them to it.
    private static func hasOnlyPlainScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch byte {
            case 0xC2 where next < 0xA0: return false
            case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): return false
            case 0xEF where next == 0xBB && third == 0xBF: return false
            case 0xEF where next == 0xBF && (third == 0xBE || third == 0xBF): return false
            default: break
            }
            index += 1
        }
        return true
    }
}

private struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The start of the next line to read, and its number from 1.
    var position = 0
    var lineNumber = 1

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let space = UInt8(ascii: " ")
    private static let hash = UInt8(ascii: "#")
    private static let dash = UInt8(ascii: "-")
    private static let colon = UInt8(ascii: ":")

    /// One line of the text: its bytes without the line feed, where its content starts, and how it reads.
    private struct Line {
        var start: Int
        var end: Int
        var indent: Int
        var number: Int
    }

    mutating func entries() -> [FrontMatterEntry]? {
        var entries: [FrontMatterEntry] = []
        var keys: Set<String> = []  // a front matter of thousands of keys must not cost their square
        var pending: Line? = nextContentLine()
        while let line = pending {
            // Every field starts at the line's start: an indented one would be a nested map or a continuation.
            guard line.indent == 0, let (key, afterColon) = key(in: line) else { return nil }
            guard key.count <= 128, keys.insert(key).inserted else { return nil }
            var cursor = skipSpaces(from: afterColon, to: line.end)
            if cursor < line.end && bytes[cursor] == LineScanner.hash && cursor > afterColon {
                cursor = line.end
            }
            let value: FrontMatterEntry.Value
            if cursor == line.end {
                // `key:` alone: an empty value, or a list below it.
                pending = nextContentLine()
                if let first = pending, first.indent > 0 || isItem(first) {
                    guard isItem(first), let (items, next) = blockList(startingAt: first) else { return nil }
                    value = .sequence(items)
                    pending = next
                } else {
                    value = .scalar(text: "", plain: true, flag: nil)
                }
            } else {
                guard let read = self.value(from: cursor, to: line.end) else { return nil }
                value = read
                pending = nextContentLine()
                // A line indented below a value continues it (or is a map in it): Yams decides.
                if let next = pending, next.indent > 0 { return nil }
            }
            entries.append(FrontMatterEntry(key: key, line: line.number, column: 1, value: value))
        }
        return entries.isEmpty ? nil : entries
    }

    /// The `- item` lines from `first` on, all at its indentation; and the first content line after them.
    private mutating func blockList(startingAt first: Line) -> ([FrontMatterEntry.Value], Line?)? {
        var items: [FrontMatterEntry.Value] = []
        var pending: Line? = first
        while let line = pending, line.indent == first.indent, isItem(line) {
            let content = skipSpaces(from: line.start + line.indent + 1, to: line.end)
            if content == line.end || (bytes[content] == LineScanner.hash && content > line.start + line.indent + 1) {
                items.append(.scalar(text: "", plain: true, flag: nil))
            } else {
                guard let item = value(from: content, to: line.end), case .scalar = item else { return nil }
                items.append(item)
            }
            pending = nextContentLine()
        }
        // After the list, only a field at the line's start: anything else continues an item or nests.
        if let next = pending, next.indent > 0 { return nil }
        return (items, pending)
    }

    /// `-` then a space or the line's end.
    private func isItem(_ line: Line) -> Bool {
        let dash = line.start + line.indent
        guard dash < line.end, bytes[dash] == LineScanner.dash else { return false }
        return dash + 1 == line.end || bytes[dash + 1] == LineScanner.space
    }

    /// A key of ASCII letters, digits, `_` and inner `-`, and the index after its colon, which must be followed
    /// by a space or the line's end.
    private func key(in line: Line) -> (String, Int)? {
        var index = line.start
        while index < line.end, isKeyByte(bytes[index], first: index == line.start) { index += 1 }
        guard index > line.start, index < line.end, bytes[index] == LineScanner.colon,
            bytes[index - 1] != LineScanner.dash
        else { return nil }
        let afterColon = index + 1
        guard afterColon == line.end || bytes[afterColon] == LineScanner.space else { return nil }
        return (string(line.start, index), afterColon)
    }

    private func isKeyByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        case LineScanner.dash: return !first
        default: return false
        }
    }

    /// A value that fills the rest of a line (a comment may follow it): quoted, a one-line flow list, or plain.
    private func value(from start: Int, to end: Int) -> FrontMatterEntry.Value? {
        switch bytes[start] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard let (text, after) = quoted(from: start, to: end), restIsComment(from: after, to: end) else { return nil }
            return .scalar(text: text, plain: false, flag: nil)
        case UInt8(ascii: "["):
            return flowList(from: start, to: end)
        default:
            guard let text = plain(from: start, to: end) else { return nil }
            return .scalar(text: text, plain: true, flag: FrontMatterEntry.Value.flag(of: text, plain: true))
        }
    }

    /// A plain scalar in block context up to a ` #` comment, trailing spaces dropped; nil where YAML would read
    /// more into it (an indicator first, `: ` or a final `:`).
    private func plain(from start: Int, to end: Int) -> String? {
        guard !isIndicator(bytes[start]) else { return nil }
        var index = start
        var contentEnd = start
        while index < end {
            let byte = bytes[index]
            if byte == LineScanner.hash && bytes[index - 1] == LineScanner.space { break }
            if byte == LineScanner.colon && (index + 1 == end || bytes[index + 1] == LineScanner.space) { return nil }
            index += 1
            if byte != LineScanner.space { contentEnd = index }
        }
        return string(start, contentEnd)
    }

    /// `-?:,[]{}#&*!|>'"%@` and the backquote: a plain scalar cannot start with one (`-`, `?` and `:` can when
    /// a non-space follows, but articles have no such value; Yams reads them).
    private func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return true
        default: return false
        }
    }

    /// A quoted scalar closed on its line: `'…'` with `''` for a quote, `"…"` without any escape. The text and
    /// the index after the closing quote.
    private func quoted(from start: Int, to end: Int) -> (String, Int)? {
        let quote = bytes[start]
        var index = start + 1
        if quote == UInt8(ascii: "\"") {
            while index < end, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            guard index < end else { return nil }
            return (string(start + 1, index), index + 1)
        }
        var text: [UInt8] = []
        var runStart = index
        while index < end {
            if bytes[index] == quote {
                guard index + 1 < end, bytes[index + 1] == quote else {
                    text.append(contentsOf: bytes[runStart..<index])
                    return (String(decoding: text, as: UTF8.self), index + 1)
                }
                text.append(contentsOf: bytes[runStart...index])
                index += 2
                runStart = index
            } else {
                index += 1
            }
        }
        return nil
    }

    /// `[a, "b", 'c']` on one line: plain items hold no `:`, `#`, quote or bracket; no empty item.
    private func flowList(from start: Int, to end: Int) -> FrontMatterEntry.Value? {
        var items: [FrontMatterEntry.Value] = []
        var index = skipSpaces(from: start + 1, to: end)
        if index < end && bytes[index] == UInt8(ascii: "]") {
            return restIsComment(from: index + 1, to: end) ? .sequence([]) : nil
        }
        while index < end {
            let byte = bytes[index]
            var itemEnd: Int
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let (text, after) = quoted(from: index, to: end) else { return nil }
                items.append(.scalar(text: text, plain: false, flag: nil))
                itemEnd = after
            } else {
                guard !isIndicator(byte) else { return nil }
                var contentEnd = index
                itemEnd = index
                while itemEnd < end, bytes[itemEnd] != UInt8(ascii: ","), bytes[itemEnd] != UInt8(ascii: "]") {
                    switch bytes[itemEnd] {
                    case LineScanner.colon, LineScanner.hash, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"),
                        UInt8(ascii: "\""), UInt8(ascii: "'"):
                        return nil
                    case LineScanner.space: break
                    default: contentEnd = itemEnd + 1
                    }
                    itemEnd += 1
                }
                let text = string(index, contentEnd)
                items.append(.scalar(text: text, plain: true, flag: FrontMatterEntry.Value.flag(of: text, plain: true)))
            }
            index = skipSpaces(from: itemEnd, to: end)
            guard index < end else { return nil }
            if bytes[index] == UInt8(ascii: "]") {
                return restIsComment(from: index + 1, to: end) ? .sequence(items) : nil
            }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpaces(from: index + 1, to: end)
            // `[a, ]` and `[a,, b]`: Yams decides.
            guard index < end, bytes[index] != UInt8(ascii: "]"), bytes[index] != UInt8(ascii: ",") else { return nil }
        }
        return nil
    }

    /// Nothing after a value but spaces, or spaces and a comment.
    private func restIsComment(from start: Int, to end: Int) -> Bool {
        let index = skipSpaces(from: start, to: end)
        return index == end || (bytes[index] == LineScanner.hash && index > start)
    }

    private func skipSpaces(from start: Int, to end: Int) -> Int {
        var index = start
        while index < end && bytes[index] == LineScanner.space { index += 1 }
        return index
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The next line that holds more than spaces or a comment.
    private mutating func nextContentLine() -> Line? {
        while position < bytes.count {
            var end = position
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let start = position
            let indent = skipSpaces(from: start, to: end) - start
            let number = lineNumber
            position = end + 1
            lineNumber += 1
            // Blank, or a comment alone.
            guard start + indent == end || bytes[start + indent] == LineScanner.hash else {
                return Line(start: start, end: end, indent: indent, number: number)
            }
        }
        return nil
    }
}
