import Testing

@testable import DossierCore

/// Walks `bytes` from the root the way the matcher does (tables for the first two steps), or -1 off the trie.
private func walk(_ trie: NameTrie.Walker, _ bytes: [UInt8]) -> Int32 {
    var node = NameTrie.root
    for (depth, byte) in bytes.enumerated() {
        switch depth {
        case 0: node = trie.rootChild(byte)
        case 1: node = trie.grandchild(bytes[0], byte)
        default: node = trie.child(of: node, byte)
        }
        if node < 0 { return -1 }
    }
    return node
}

@Suite("The trie of names, laid out from the names sorted")
struct NameTrieTests {
    @Test("Random names: each walk ends at exactly the patterns added for that name, in their order")
    func walksMatchTheNames() {
        var random = SplitMix(seed: 31)
        // Few letters, so that names share long openings, begin one another and repeat; bytes past ASCII too.
        let letters = Array("abé".utf8) + [UInt8(ascii: "z")]
        var namesChecked = 0
        for round in 0..<60 {
            var trie = NameTrie()
            var patternsOf: [[UInt8]: [Int]] = [:]
            var prefixes: Set<[UInt8]> = [[]]
            let nameCount = 1 + random.next(round < 20 ? 8 : 600)
            for pattern in 0..<nameCount {
                // Every third trie is laid out halfway too: the names after that must join the ones before.
                if round % 3 == 0, pattern == nameCount / 2 { trie.layOut() }
                let name = (0..<random.next(14)).map { _ in letters[random.next(letters.count)] }
                trie.insert(name, firstWordLength: min(name.count, 1 + random.next(5)), pattern: pattern)
                patternsOf[name, default: []].append(pattern)
                for length in 0...name.count { prefixes.insert(Array(name.prefix(length))) }
            }
            trie.layOut()
            trie.withWalker { walker in
                for prefix in prefixes {
                    let node = walk(walker, prefix)
                    #expect(node >= 0, "\(prefix) leads nowhere")
                    guard node >= 0 else { continue }
                    let found = walker.patterns(endingAt: node).map(walker.pattern(at:))
                    #expect(found == patternsOf[prefix] ?? [], "\(prefix)")
                    namesChecked += patternsOf[prefix] == nil ? 0 : 1
                }
                for _ in 0..<200 {
                    let text = (0..<(1 + random.next(10))).map { _ in letters[random.next(letters.count)] }
                    #expect((walk(walker, text) >= 0) == prefixes.contains(text), "\(text)")
                }
            }
        }
        #expect(namesChecked > 2_000, "\(namesChecked) names checked")
    }

    @Test("Every opening of a name up to eight bytes lets a word in, and its first word's does as an elision")
    func headsLetNamesIn() {
        var random = SplitMix(seed: 5)
        let words = ["abou", "kamal", "al", "le", "de", "deir", "ezzor", "rami", "abdel", "rahmane", "a", "l"]
        var trie = NameTrie()
        var names: [(bytes: [UInt8], firstWord: Int)] = []
        for pattern in 0..<3_000 {
            let parts = (0..<(1 + random.next(3))).map { _ in words[random.next(words.count)] }
            let bytes = Array(parts.joined().utf8)
            names.append((bytes, parts[0].utf8.count))
            trie.insert(bytes, firstWordLength: parts[0].utf8.count, pattern: pattern)
        }
        trie.layOut()
        trie.withWalker { walker in
            for (bytes, firstWord) in names {
                let head = ByteLanes.head(of: bytes.prefix(firstWord))
                #expect(walker.mayBegin(head: head) && walker.mayBegin(head: head | NameTrie.elisionTag))
                for count in 1...min(bytes.count, 8) where !FoldedText.isFunctionWord(bytes.prefix(count)) {
                    #expect(walker.mayBegin(head: ByteLanes.head(of: bytes.prefix(count))), "\(bytes.prefix(count))")
                }
            }
        }
    }
}
