/// Finds where the linker's mentions sit in the article file, so that they can be compared with hand-marked
/// lines: each mention's sentence is looked up in the file, in reading order, then the mention inside it.
struct MentionLocator {
    /// The file's bytes with line breaks and tabs turned into spaces, as the linker's sentences have them.
    private let flat: [UInt8]
    private let lineStarts: [Int]
    /// Where the search goes on: just after the last mention placed.
    private var cursor: Int
    /// The sentence placed last, and where it starts, for the next mention in the same sentence.
    private var lastSentence: (index: Int, start: Int)?

    /// `text` is the file as the parser read it (line breaks normalised); search starts at `firstLine`.
    init(text: String, firstLine: Int) {
        var flat: [UInt8] = []
        var lineStarts = [0]
        flat.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0x0A { lineStarts.append(flat.count + 1) }
            flat.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte)
        }
        self.flat = flat
        self.lineStarts = lineStarts
        self.cursor = lineStarts[min(max(firstLine - 1, 0), lineStarts.count - 1)]
    }

    /// The line where a mention starts, or nil when neither its sentence nor its words are found
    /// (Markdown markup inside a sentence can hide it).
    mutating func line(ofMention range: Range<Int>, sentence index: Int, text sentence: String) -> Int? {
        let sentenceBytes = Array(sentence.utf8)
        var start: Int?
        if let last = lastSentence, last.index == index {
            start = last.start + range.lowerBound
        } else if let found = find(sentenceBytes, from: cursor) {
            lastSentence = (index, found)
            start = found + range.lowerBound
        } else if range.upperBound <= sentenceBytes.count {
            start = find(Array(sentenceBytes[range]), from: cursor)
        }
        guard let start else { return nil }
        cursor = start + range.count
        return line(at: start)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= flat.count else { return nil }
        var position = start
        while position + needle.count <= flat.count {
            if flat[position] == first && flat[position..<position + needle.count].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }

    private func line(at offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }
}
