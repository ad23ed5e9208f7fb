extension SearchIndexWriter {
    /// For each word, the documents that hold it and its weight there: `[gap, weight, gap, weight…]`, where a
    /// document's number is stored as the gap from the previous one: small numbers, short files.
    ///
    /// The numbers are written as the text of the shard at once: fewer bytes to hold than integers. Documents
    /// come a chunk at a time, and a chunk's postings are grouped by word before they are written: each word's
    /// list is then met once per chunk, not once per document, which missed the cache on nearly every posting.
    struct Postings {
        private var words = SearchWordTable()
        /// By word number: `gap,weight,gap,weight…`.
        private var lists: [[UInt8]] = []
        /// By word number: the last document written to its list.
        private var last: [Int] = []

        /// One word of one document of a chunk.
        private struct Posting {
            var word: UInt32
            var document: UInt32
            var weight: UInt8
        }

        /// Adds the words of documents numbered from `first` on; chunks must come in order of their numbers.
        mutating func add(_ documents: [SearchWordWeights], from first: Int) {
            // A word is in the table once it has a posting: only those new in this chunk have an empty list.
            let known = words.count
            var postings: [Posting] = []
            postings.reserveCapacity(documents.reduce(0) { $0 + $1.count })
            for (offset, document) in documents.enumerated() {
                for local in 0..<document.count {
                    let word = words.number(ofWord: local, in: document.table)
                    postings.append(
                        Posting(word: UInt32(word), document: UInt32(first + offset), weight: document.weights[local]))
                }
            }
            lists += repeatElement([], count: words.count - lists.count)
            last += repeatElement(0, count: words.count - last.count)
            var text: [UInt8] = []
            var start = 0
            let grouped = Self.groupedByWord(postings, wordCount: words.count)
            while start < grouped.count {
                let word = Int(grouped[start].word)
                var end = start
                var previous = last[word]
                text.removeAll(keepingCapacity: true)
                while end < grouped.count, Int(grouped[end].word) == word {
                    let document = Int(grouped[end].document)
                    if end > start || word < known { text.append(0x2C) }
                    text.appendDecimal(document - previous)
                    text.append(0x2C)
                    text.appendDecimal(Int(grouped[end].weight))
                    previous = document
                    end += 1
                }
                lists[word].append(contentsOf: text)
                last[word] = previous
                start = end
            }
        }

        /// The postings ordered by word, each word's in the order they came (a counting sort: stable, and linear
        /// in the postings and the words).
        private static func groupedByWord(_ postings: [Posting], wordCount: Int) -> [Posting] {
            var starts = [Int](repeating: 0, count: wordCount + 1)
            for posting in postings { starts[Int(posting.word) + 1] += 1 }
            for word in 0..<wordCount { starts[word + 1] += starts[word] }
            var grouped = [Posting](repeating: Posting(word: 0, document: 0, weight: 0), count: postings.count)
            for posting in postings {
                grouped[starts[Int(posting.word)]] = posting
                starts[Int(posting.word)] += 1
            }
            return grouped
        }

        /// The words and their postings, as shard entries; the postings are handed over, not copied.
        mutating func entries() -> [Entry] {
            (0..<lists.count).map { slot in
                var list: [UInt8] = []
                swap(&list, &lists[slot])
                return Entry(word: words.word(slot), postings: list)
            }
        }
    }
}
