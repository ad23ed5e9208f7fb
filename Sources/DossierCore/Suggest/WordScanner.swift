/// A text block cut into `NameWord`s, with its sentences.
struct ScannedBlock: Sendable {
    var bytes: [UInt8]
    var words: [NameWord]
    /// Byte ranges of the sentences, in order.
    var sentences: [Range<Int>]
    /// For each word, the index of its sentence.
    var sentenceOfWord: [Int]
}

/// Cuts a block into words on `Tokenizer`'s tokens, then says which capitals mean a name:
/// not a sentence's first word, not a word in a shouted heading, not an elided article.
enum WordScanner {
    static func scan(_ text: String, isHeading: Bool = false, excluding excluded: [Range<Int>] = []) -> ScannedBlock {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(of: text)
        var words: [NameWord] = []
        words.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            var last = index
            // `Hay'at`, `aujourd'hui`: an apostrophe inside a word that is not an elision.
            while last + 1 < tokens.count,
                GapReader.isInnerApostrophe(bytes[tokens[last].end..<tokens[last + 1].start]),
                !NameLexicon.elisions.contains(tokens[last].key)
            {
                last += 1
            }
            let first = tokens[index]
            let previousEnd = index == 0 ? 0 : tokens[index - 1].end
            let gap = GapReader.read(bytes[previousEnd..<first.start], isStart: index == 0)
            let key = tokens[index...last].map(\.key).joined(separator: " ")
            let start = first.start
            let end = tokens[last].end
            let word = NameWord(
                start: start, end: end, key: key,
                shape: shape(of: bytes[start..<end], key: key, allCaps: tokens[index...last].allSatisfy(\.isAllCaps)),
                gap: gap.kind, marks: gap.marks, isInitial: false,
                isExcluded: gap.marks.contains(.hashtag) || excluded.contains { $0.overlaps(start..<end) })
            words.append(word)
            index = last + 1
        }
        let trailing = GapReader.read(bytes[(words.last?.end ?? 0)...], isStart: false)
        markElisions(&words)
        markShouting(&words, bytes: bytes, isHeading: isHeading, trailing: trailing.marks)
        markAddresses(&words, bytes: bytes)
        let sentences = SentenceSplitter.sentences(in: bytes)
        let sentenceOfWord = markInitials(&words, sentences: sentences)
        return ScannedBlock(bytes: bytes, words: words, sentences: sentences, sentenceOfWord: sentenceOfWord)
    }

    private static func shape(of bytes: ArraySlice<UInt8>, key: String, allCaps: Bool) -> NameWord.Shape {
        guard let first = GapReader.firstScalar(of: bytes) else { return .other }
        let isUpper = TextFolding.isUppercaseLetter(first)
        if isUpper, NameLexicon.titles.contains(key) { return .title }
        if allCaps {
            var letters = 0
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                if TextFolding.isUppercaseLetter(scalar) {
                    letters += 1
                } else if TextFolding.characterClass(scalar) == .word {
                    return .other  // digits: `G7`, `F16`
                }
            }
            if letters < 2 { return .other }
            if letters > 6 || NameLexicon.isRomanNumeral(key) || NameLexicon.notAcronyms.contains(key) {
                return .capitals
            }
            return .acronym
        }
        if isUpper {
            if key.utf8.count < 2 || NameLexicon.isRomanOrdinal(String(decoding: bytes, as: UTF8.self)) {
                return .other
            }
            return .capitalised
        }
        return TextFolding.isLowercaseLetter(first) ? .lowercase : .other
    }

    /// `l'`, `d'`, `qu'`: an elided word glued by an apostrophe to the next.
    private static func markElisions(_ words: inout [NameWord]) {
        for index in words.indices.dropLast() where NameLexicon.elisions.contains(words[index].key) {
            if words[index + 1].gap == .apostrophe, words[index].shape != .acronym { words[index].shape = .elision }
        }
    }

    /// Capitals in a line without lowercase (`- OFFENSIVE SUR RAQQA -`), in a heading of one word (`RAQQA`)
    /// or in a dateline (`BEYROUTH, 13 mars`) are shouting, not acronyms.
    private static func markShouting(
        _ words: inout [NameWord], bytes: [UInt8], isHeading: Bool, trailing: NameWord.Marks
    ) {
        var lineStart = 0
        while lineStart < words.count {
            var lineEnd = lineStart + 1
            while lineEnd < words.count, !bytes[words[lineEnd - 1].end..<words[lineEnd].start].contains(0x0A) {
                lineEnd += 1
            }
            let line = words[lineStart..<lineEnd]
            let capitals = line.count { $0.shape == .acronym || $0.shape == .capitals }
            let mixed = line.contains { $0.shape == .capitalised || $0.shape == .lowercase || $0.shape == .title }
            if (capitals >= 2 || (capitals == 1 && isHeading)) && !mixed {
                for index in lineStart..<lineEnd where words[index].shape == .acronym { words[index].shape = .capitals }
            }
            lineStart = lineEnd
        }
        if let first = words.first, first.shape == .acronym {
            let marksAfter = words.count > 1 ? words[1].marks : trailing
            if marksAfter.contains(.comma) { words[0].shape = .capitals }
        }
    }

    /// Words inside `https://…`, `www.…` or an e-mail address are never names.
    private static func markAddresses(_ words: inout [NameWord], bytes: [UInt8]) {
        var wordIndex = 0
        for address in WebAddresses.ranges(in: bytes) {
            while wordIndex < words.count, words[wordIndex].end <= address.lowerBound { wordIndex += 1 }
            var inside = wordIndex
            while inside < words.count, words[inside].start < address.upperBound {
                words[inside].isExcluded = true
                inside += 1
            }
        }
    }

    /// A sentence's first word, and a word after an opening quote, a colon or a dash, are initial;
    /// a word after an elided article is not (`L'OSDH`: the capital of `OSDH` is deliberate).
    private static func markInitials(_ words: inout [NameWord], sentences: [Range<Int>]) -> [Int] {
        var sentenceOfWord = [Int](repeating: 0, count: words.count)
        var sentence = 0
        var lastSentenceStarted = -1
        for index in words.indices {
            while sentence + 1 < sentences.count, sentences[sentence].upperBound <= words[index].start { sentence += 1 }
            sentenceOfWord[index] = sentence
            var initial = words[index].marks.contains(.opening)
            if sentence != lastSentenceStarted {
                lastSentenceStarted = sentence
                initial = true
            }
            if index > 0, words[index - 1].shape == .elision, words[index].gap == .apostrophe { initial = false }
            words[index].isInitial = initial
        }
        return sentenceOfWord
    }
}
