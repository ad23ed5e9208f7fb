import Testing

@testable import DossierCore

@Suite("Search: the word table the index is built with")
struct SearchWordTableTests {
    /// The number of a word given as text; the tests choose a hash to make words collide.
    private func number(of word: String, in table: inout SearchWordTable, hash: UInt64? = nil) -> Int {
        var word = word
        return word.withUTF8 { bytes in
            let word = SearchWord(bytes: bytes, head: ByteLanes.head(of: bytes))
            return table.number(of: word, hash: hash ?? SearchWordTable.hash(of: bytes))
        }
    }

    @Test("words that share a hash keep their own numbers, and keep them as the table grows")
    func collidingWords() {
        var table = SearchWordTable()
        let words =
            (0..<200).map { "mot\($0)" } + [
                "", "a", "ab", "ba", "abcdefgh", "abcdefghi", "élan", "abcdefgh1", "abcdefgh2", "abcdefghij",
                "abcdefghijklmnopq", "abcdefghijklmnopr", "bcdefghij", "\u{0}", "\u{0}\u{0}",
            ]
        // Every word with one hash: each one is found by comparing bytes, in one long run of slots.
        for (expected, word) in words.enumerated() {
            #expect(number(of: word, in: &table, hash: 42) == expected)
        }
        for (expected, word) in words.enumerated().reversed() {
            #expect(number(of: word, in: &table, hash: 42) == expected)
            #expect(table.word(expected) == word)
        }
        #expect(table.count == words.count)
        // The same words hashed for real are new to the table only where the hash differs.
        var hashed = SearchWordTable(capacity: 4)
        for word in words + words { _ = number(of: word, in: &hashed) }
        #expect(hashed.count == words.count)
        #expect((0..<words.count).map(hashed.word) == words)
        // Another table takes words by their numbers in a table, with the hash they have there: colliding
        // ones too. The same words keep the same numbers, in the order the other table met them.
        for source in [table, hashed] {
            var other = SearchWordTable()
            for (expected, number) in (0..<words.count).reversed().enumerated() {
                #expect(other.number(ofWord: number, in: source) == expected)
            }
            for number in 0..<words.count {
                #expect(other.number(ofWord: number, in: source) == words.count - 1 - number)
                #expect(other.word(words.count - 1 - number) == words[number])
            }
            #expect(other.count == words.count)
        }
    }

    @Test("a document's weights add up per word and stop at the cap")
    func weights() {
        var words = SearchWordWeights()
        words.add("Deir ez-Zor", weight: 40, cap: 99)
        words.add("deir DEIR Déir, l’EI", weight: 25, cap: 99)
        #expect(words.dictionary == ["deir": 99, "ez": 40, "zor": 40, "ei": 25])
    }
}

@Suite("Search: postings grouped a chunk at a time")
struct SearchPostingsTests {
    @Test("postings added by chunks of any size are each word's documents in order, as gaps, with their weights")
    func chunksMatchReference() {
        var random = SplitMix(seed: 0x9057)
        let vocabulary = (0..<300).map { "mot\($0)" } + ["anticonstitutionnellement", "élan", "déjà", "x"]
        var documents: [SearchWordWeights] = []
        var reference: [String: [(document: Int, weight: Int)]] = [:]
        for number in 0..<700 {
            var words = SearchWordWeights()
            // Common words in most documents, rare ones in a few: gaps of one and gaps of hundreds.
            let count = random.next(40)
            for _ in 0..<count {
                let word = vocabulary[random.next(2) == 0 ? random.next(10) : random.next(vocabulary.count)]
                words.add(word, weight: 1 + random.next(60), cap: 99)
            }
            for (word, weight) in words.dictionary { reference[word, default: []].append((number, weight)) }
            documents.append(words)
        }
        var postings = SearchIndexWriter.Postings()
        var start = 0
        while start < documents.count {
            let end = min(documents.count, start + [1, 3, 256, 0][random.next(4)] + 1)
            postings.add(Array(documents[start..<end]), from: start)
            start = end
        }
        let entries = postings.entries()
        #expect(entries.count == reference.count)
        for entry in entries {
            var previous = 0
            var numbers: [String] = []
            for (document, weight) in reference[entry.word] ?? [] {
                numbers += [String(document - previous), String(weight)]
                previous = document
            }
            let expected = SearchIndexWriter.Entry(
                word: entry.word, postings: Array(numbers.joined(separator: ",").utf8))
            #expect(entry.text == expected.text, "\(entry.word)")
        }
    }
}
