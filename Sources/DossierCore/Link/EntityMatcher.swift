/// One place in a text where a registered name was found.
struct NameMatch: Sendable, Hashable {
    /// Index of the entity in the registry.
    var entity: Int
    /// Byte offsets in the text's UTF-8.
    var start: Int
    var end: Int
}

/// Finds every registered name and alias in a text: whole words only, the longest name wins.
///
/// Names are compared on folded bytes with the separators inside them left out, so case, accents,
/// apostrophes, hyphens, spaces and line breaks never hide a name. A phrase the registry says is *not*
/// an entity (`la Douma`) is matched like a name and then dropped, so that nothing inside it is linked.
struct EntityMatcher: Sendable {
    private struct Pattern: Sendable {
        /// Index of the entity in the registry; `nil` for a phrase that is not an entity.
        var entity: Int?
        /// Folded length of the name's first word: a name starts at `à` or an elided `l’` only if it begins with it.
        var firstWordLength: Int
        /// For a name that must match in its own case (acronyms, `case_sensitive`): each letter's case.
        var letterCases: [LetterCase]?
        /// A one-word proper name (`Alep`, `Hezbollah`) is never an all-lowercase word: in French prose a
        /// lowercase word is a common noun (`mare`, `front`), however the registry spells its homograph.
        var needsCapital = false
    }

    enum LetterCase: Sendable, Equatable { case upper, lower, none }

    private var trie = NameTrie()
    private var patterns: [Pattern] = []

    /// Names that two entities share, to report: (the name as first written, the entities' indexes).
    private(set) var sharedNames: [(name: String, entities: [Int])] = []
    /// `not` phrases that hold none of their entity's names, to report: they can never apply.
    private(set) var idleExclusions: [(phrase: String, entity: Int)] = []
    /// Names with punctuation between their words (`Hayat Tahrir al-Cham (HTS)`): a name never runs across
    /// punctuation in a text, so these can never match, to report.
    private(set) var unmatchableNames: [(name: String, entity: Int)] = []

    init(registry: Registry) {
        // Sized up front: a registry of 100,000 aliases would otherwise rehash this table again and again.
        let nameCount = registry.entities.reduce(0) { $0 + $1.names.count + $1.exclusions.count }
        // Each distinct folded name once: the spelling it was first written in and the entities that have it.
        var nameOfKey: [NameKey: Int] = Dictionary(minimumCapacity: nameCount)
        var distinctNames: [(spelling: String, entities: [Int])] = []
        distinctNames.reserveCapacity(nameCount)
        // Kept only for the entities with `not` phrases, the only ones that need them again.
        var keysOfEntity: [[[UInt8]]] = []
        keysOfEntity.reserveCapacity(registry.entities.count)
        trie.reserve(names: nameCount)
        for (index, entity) in registry.entities.enumerated() {
            var keys: [[UInt8]] = []
            for name in entity.names {
                let folded = FoldedText(name)
                guard let first = folded.words.first else { continue }
                if folded.words.dropFirst().contains(where: { !$0.joinsPrevious }) {
                    unmatchableNames.append((name, index))
                }
                let key = Array(folded.bytes)
                if !entity.exclusions.isEmpty { keys.append(key) }
                let fresh = distinctNames.count
                let known = Self.lookUp(&nameOfKey[NameKey(bytes: key), default: fresh])
                guard known == fresh else {
                    // A second spelling of one of this entity's names, or a name another entity has too.
                    if !distinctNames[known].entities.contains(index) { distinctNames[known].entities.append(index) }
                    continue
                }
                distinctNames.append((name, [index]))
                let isAcronym = folded.words.count == 1 && Self.isAcronym(name)
                let caseSensitive = isAcronym || entity.caseSensitiveNames.contains(name)
                let capitalized =
                    name.unicodeScalars.first { TextFolding.fastClass($0) == .word }
                    .map(TextFolding.isUppercaseLetter) ?? false
                add(
                    Pattern(
                        entity: index, firstWordLength: first.folded.count,
                        letterCases: caseSensitive ? Self.letterCases(of: name) : nil,
                        needsCapital: !caseSensitive && capitalized && folded.words.count == 1), key: key)
            }
            keysOfEntity.append(keys)
        }
        for (index, entity) in registry.entities.enumerated() {
            for phrase in entity.exclusions {
                let folded = FoldedText(phrase)
                guard let first = folded.words.first else { continue }
                let key = Array(folded.bytes)
                if !keysOfEntity[index].contains(where: { Self.contains(key, $0) }) {
                    idleExclusions.append((phrase, index))
                }
                let fresh = distinctNames.count
                // A registered name wins over a `not` phrase.
                guard Self.lookUp(&nameOfKey[NameKey(bytes: key), default: fresh]) == fresh else { continue }
                distinctNames.append((phrase, []))
                add(Pattern(entity: nil, firstWordLength: first.folded.count, letterCases: nil), key: key)
            }
        }
        trie.layOut()
        sharedNames = distinctNames.filter { $0.entities.count > 1 }
            .map { (name: $0.spelling, entities: $0.entities) }
            .sorted { $0.name < $1.name }
    }

    /// Reads a dictionary's value in place: `lookUp(&table[key, default: fresh])` finds the key's value, or
    /// stores `fresh` for a new key, in one probe of the table.
    private static func lookUp(_ slot: inout Int) -> Int { slot }

    /// A name's folded bytes as a dictionary key, hashed in one call rather than byte by byte.
    private struct NameKey: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    private mutating func add(_ pattern: Pattern, key: [UInt8]) {
        trie.insert(key, firstWordLength: pattern.firstWordLength, pattern: patterns.count)
        patterns.append(pattern)
    }

    /// A single word of two or more letters, all capitals (`EI`, `OSDH`): it matches only in capitals.
    private static func isAcronym(_ name: String) -> Bool {
        var letters = 0
        for scalar in name.unicodeScalars where TextFolding.fastClass(scalar) == .word {
            if TextFolding.isLowercaseLetter(scalar) { return false }
            if TextFolding.isUppercaseLetter(scalar) { letters += 1 }
        }
        return letters >= 2
    }

    private static func letterCases<S: Sequence<Unicode.Scalar>>(of scalars: S) -> [LetterCase] {
        var cases: [LetterCase] = []
        for scalar in scalars where TextFolding.fastClass(scalar) == .word {
            cases.append(
                TextFolding.isUppercaseLetter(scalar) ? .upper : TextFolding.isLowercaseLetter(scalar) ? .lower : .none)
        }
        return cases
    }

    static func letterCases(of name: String) -> [LetterCase] { letterCases(of: name.unicodeScalars) }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// Leftmost-longest matches, in order, never overlapping; none inside a web or e-mail address.
    func matches(in text: String) -> [NameMatch] { matches(inUTF8: Array(text.utf8)) }

    /// The same, on the text's UTF-8 bytes: offsets are into them.
    func matches(inUTF8 bytes: [UInt8]) -> [NameMatch] {
        var folded = FoldedText()
        var found: [NameMatch] = []
        matches(inUTF8: bytes, folded: &folded, into: &found)
        return found
    }

    /// The same, folding into `folded` and writing into `found` (both emptied first): the linker passes the
    /// same two for every paragraph of an article, so their storage is allocated once, not per paragraph.
    func matches(inUTF8 bytes: [UInt8], folded: inout FoldedText, into found: inout [NameMatch]) {
        found.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { folded.fold($0) }
        collect(in: bytes, folded: folded, into: &found)
        guard !found.isEmpty, folded.mayHoldAddress else { return }
        let addresses = WebAddresses.ranges(in: bytes)
        guard !addresses.isEmpty else { return }
        found.removeAll { match in addresses.contains { $0.overlaps(match.start..<match.end) } }
    }

    /// Leftmost-longest: from each word, walk the trie across the words that follow while only soft
    /// separators lie between them, and keep the longest name that ends at a word's end.
    private func collect(in text: [UInt8], folded: FoldedText, into found: inout [NameMatch]) {
        folded.words.withUnsafeBufferPointer { words in
            folded.withPaddedBytes { bytes in
                trie.withWalker { trie in
                    var index = 0
                    while index < words.count {
                        // Most words begin no name: one look at their first bytes tells.
                        let opening = words[index]
                        let start = Int(opening.foldedStart)
                        let length = Int(opening.foldedEnd) - start
                        guard start + 8 <= bytes.count else { preconditionFailure("folded bytes are padded") }
                        let head = ByteLanes.load(bytes, at: start) & ByteLanes.mask(bytes: length)
                        guard trie.mayBegin(head: opening.isElision ? head | NameTrie.elisionTag : head) else {
                            index += 1
                            continue
                        }
                        var node = NameTrie.root
                        var depth = 0
                        var firstByte: UInt8 = 0
                        var last = index
                        var bestPattern = -1
                        var bestLastWord = -1
                        walk: while true {
                            let word = words[last]
                            var position = Int(word.foldedStart)
                            let end = Int(word.foldedEnd)
                            while position < end {
                                // The first two steps are table lookups: most walks end there.
                                let byte = bytes[position]
                                let next: Int32
                                switch depth {
                                case 0:
                                    next = trie.rootChild(byte)
                                    firstByte = byte
                                case 1: next = trie.grandchild(firstByte, byte)
                                default: next = trie.child(of: node, byte)
                                }
                                if next < 0 { break walk }
                                node = next
                                depth += 1
                                position += 1
                            }
                            for slot in trie.patterns(endingAt: node) {
                                let candidate = trie.pattern(at: slot)
                                if accepts(patterns[candidate], from: index, to: last, folded: folded, text: text) {
                                    bestPattern = candidate
                                    bestLastWord = last
                                    break
                                }
                            }
                            last += 1
                            guard last < words.count, words[last].joinsPrevious else { break }
                        }
                        guard bestPattern >= 0 else {
                            index += 1
                            continue
                        }
                        if let entity = patterns[bestPattern].entity {
                            found.append(
                                NameMatch(
                                    entity: entity, start: Int(words[index].start), end: Int(words[bestLastWord].end)))
                        }
                        index = bestLastWord + 1
                    }
                }
            }
        }
    }

    /// Asked only where a name ends, so rarely: it may read the arrays with their checks.
    private func accepts(
        _ pattern: Pattern, from first: Int, to last: Int, folded: FoldedText, text: [UInt8]
    ) -> Bool {
        let opening = folded.words[first]
        if pattern.firstWordLength != opening.folded.count && folded.isFunctionWord(first) { return false }
        guard pattern.letterCases != nil || pattern.needsCapital else { return true }
        let span = Int(opening.start)..<Int(folded.words[last].end)
        return text.withUnsafeBufferPointer { text in
            let span = UnsafeBufferPointer(rebasing: text[span])
            if let cases = pattern.letterCases { return Self.hasLetterCases(cases, span) }
            return Self.containsUppercaseLetter(span)
        }
    }

    /// Whether the letters of `span` (its word characters, decoded from UTF-8) have exactly these cases: what
    /// `letterCases(of:)` of the span's text would give, without making a String and an array of it.
    static func hasLetterCases(_ cases: [LetterCase], _ span: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        var letter = 0
        while offset < span.count {
            let (scalar, width) =
                span[offset] < 0x80 ? (Unicode.Scalar(span[offset]), 1) : TextFolding.scalar(in: span, at: offset)
            offset += width
            guard TextFolding.fastClass(scalar) == .word else { continue }
            let letterCase: LetterCase =
                TextFolding.isUppercaseLetter(scalar) ? .upper : TextFolding.isLowercaseLetter(scalar) ? .lower : .none
            guard letter < cases.count, cases[letter] == letterCase else { return false }
            letter += 1
        }
        return letter == cases.count
    }

    static func containsUppercaseLetter(_ span: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < span.count {
            let (scalar, width) =
                span[offset] < 0x80 ? (Unicode.Scalar(span[offset]), 1) : TextFolding.scalar(in: span, at: offset)
            if TextFolding.isUppercaseLetter(scalar) { return true }
            offset += width
        }
        return false
    }
}
