import Foundation

/// Finds lines in an article's raw file, so that every `file:line` shown opens on the very words.
struct SourceLineLocator {
    private let bytes: [UInt8]
    /// Byte ranges of the lines, without their `\n`, `\r\n` or `\r`.
    private let lines: [Range<Int>]

    init(data: Data) {
        let bytes = [UInt8](data)
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                lines.append(start..<index)
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(start..<bytes.count)
        self.bytes = bytes
        self.lines = lines
    }

    var lineCount: Int { lines.count }

    /// The text of a line (1-based).
    func text(ofLine number: Int) -> String {
        guard number >= 1, number <= lines.count else { return "" }
        return String(decoding: bytes[lines[number - 1]], as: UTF8.self)
    }

    /// The line that holds `text`: `hint` when it does, else the nearest such line after `from`, else before it.
    func line(holding text: String, hint: Int, from: Int) -> Int {
        let needle = Array(text.utf8)
        if holds(hint, needle) { return hint }
        let start = max(1, min(from, lines.count))
        if let after = (start...lines.count).first(where: { holds($0, needle) }) { return after }
        if let before = (1...start).reversed().first(where: { holds($0, needle) }) { return before }
        return hint
    }

    /// The first line (or the last, from the end) that holds `text`.
    func line(holding text: String, fromEnd: Bool) -> Int? {
        let needle = Array(text.utf8)
        let numbers = Array(1...lines.count)
        return fromEnd ? numbers.reversed().first { holds($0, needle) } : numbers.first { holds($0, needle) }
    }

    private func holds(_ number: Int, _ needle: [UInt8]) -> Bool {
        guard number >= 1, number <= lines.count, !needle.isEmpty else { return false }
        let line = bytes[lines[number - 1]]
        guard line.count >= needle.count else { return false }
        var start = line.startIndex
        while start + needle.count <= line.endIndex {
            if line[start] == needle[0], line[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
