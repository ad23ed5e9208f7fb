/// One place in a text where a registered name was found.
struct NameMatch: Sendable, Hashable {
    /// Index of the entity in the registry.
    var entity: Int
    /// Byte offsets in the text's UTF-8.
    var start: Int
    var end: Int
}

/// Finds every registered name and alias in a text: whole words only, the longest name wins.
struct EntityMatcher: Sendable {
    private struct Pattern: Sendable {
        var words: [String]
        var entity: Int
        /// An acronym (`EI`) matches only when written in capitals.
        var capitalsOnly: Bool
    }

    /// Patterns by their first word, longest first.
    private var patternsByFirstWord: [String: [Pattern]] = [:]

    /// Names that two entities share, to report: (folded name, the entities' indexes).
    private(set) var sharedNames: [(name: String, entities: [Int])] = []

    init(registry: Registry) {
        var owners: [[String]: [Int]] = [:]
        var firstSpelling: [[String]: String] = [:]
        for (index, entity) in registry.entities.enumerated() {
            for name in entity.names {
                let words = Tokenizer.tokens(of: name)
                guard !words.isEmpty else { continue }
                let keys = words.map(\.key)
                let capitalsOnly = words.allSatisfy(\.isAllCaps)
                if owners[keys]?.contains(index) == true { continue }
                owners[keys, default: []].append(index)
                firstSpelling[keys] = firstSpelling[keys] ?? name
                if owners[keys]!.count > 1 { continue }
                patternsByFirstWord[keys[0], default: []].append(
                    Pattern(words: keys, entity: index, capitalsOnly: capitalsOnly))
            }
        }
        for key in patternsByFirstWord.keys {
            patternsByFirstWord[key]!.sort { $0.words.count > $1.words.count }
        }
        sharedNames = owners.filter { $0.value.count > 1 }
            .map { (name: firstSpelling[$0.key]!, entities: $0.value) }
            .sorted { $0.name < $1.name }
    }

    /// Leftmost-longest matches, in order, never overlapping; none inside a web or e-mail address.
    func matches(in text: String) -> [NameMatch] {
        let found = matches(in: Tokenizer.tokens(of: text))
        let addresses = Self.addressRanges(in: text)
        guard !addresses.isEmpty else { return found }
        return found.filter { match in !addresses.contains { $0.overlaps(match.start..<match.end) } }
    }

    /// Byte ranges of the words that are addresses (`https://…`, `www.…`, `nom@domaine.org`): not prose.
    static func addressRanges(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        var start = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        while start < bytes.count {
            while start < bytes.count, isSpace(bytes[start]) { start += 1 }
            var end = start
            while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
            if isAddress(bytes[start..<end]) { ranges.append(start..<end) }
            start = end
        }
        return ranges
    }

    /// `…://…`, `www.…` (perhaps after a bracket) or `name@domain.tld`, checked on bytes: this runs on every word.
    private static func isAddress(_ word: ArraySlice<UInt8>) -> Bool {
        let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/"), dot = UInt8(ascii: "."), at = UInt8(ascii: "@")
        var index = word.startIndex
        while index + 2 < word.endIndex {
            if word[index] == colon && word[index + 1] == slash && word[index + 2] == slash { return true }
            index += 1
        }
        let bare = word.drop { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "<") }
        if bare.count > 4, bare.prefix(4).map({ $0 | 0x20 }) == Array("www.".utf8) { return true }
        if let sign = word.firstIndex(of: at), sign > word.startIndex {
            return word[(sign + 1)...].dropLast().contains(dot)
        }
        return false
    }

    func matches(in tokens: [Token]) -> [NameMatch] {
        var found: [NameMatch] = []
        var index = 0
        while index < tokens.count {
            guard let candidates = patternsByFirstWord[tokens[index].key] else {
                index += 1
                continue
            }
            var matchedLength = 0
            for pattern in candidates where fits(pattern, at: index, in: tokens) {
                matchedLength = pattern.words.count
                found.append(
                    NameMatch(
                        entity: pattern.entity, start: tokens[index].start,
                        end: tokens[index + matchedLength - 1].end))
                break
            }
            index += max(matchedLength, 1)
        }
        return found
    }

    private func fits(_ pattern: Pattern, at index: Int, in tokens: [Token]) -> Bool {
        guard index + pattern.words.count <= tokens.count else { return false }
        for (offset, word) in pattern.words.enumerated() {
            let token = tokens[index + offset]
            if token.key != word { return false }
            if offset > 0 && !token.softGapBefore { return false }
            if pattern.capitalsOnly && !token.isAllCaps { return false }
        }
        return true
    }
}
