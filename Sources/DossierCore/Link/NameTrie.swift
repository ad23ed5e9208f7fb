/// Every registered name as a path of folded bytes, so that a text is matched in one walk per word.
///
/// Built from the names sorted by their bytes, then laid out flat: each node's children sit side by side,
/// sorted by byte, so that a step of the walk is a short scan, never a hash (the matcher takes one step per
/// letter).
struct NameTrie: Sendable {
    /// The names as inserted: their folded bytes end to end, name `k`'s from `keyStarts[k]` to `keyStarts[k + 1]`.
    /// Kept once laid out, so that a trie can take more names and be laid out again (a few bytes per name).
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    /// Each inserted name's first word's length and pattern.
    private var keyFirstWords: [Int32] = []
    private var keyPatterns: [Int32] = []
    /// Once laid out, in breadth-first numbering: node `n`'s children are the bytes
    /// `childBytes[childStart[n]..<childStart[n + 1]]`, and the child at `childBytes[i]` is node `i + 1`.
    private var childStart: [Int32] = []
    private var childBytes: [UInt8] = []
    /// Once laid out: the root's children by byte (most walks end there, so this is a table).
    private var walkRoot: [Int32] = []
    /// Once laid out: the patterns ending at node `n` are `endingPatterns[endingStart[n]..<endingStart[n + 1]]`,
    /// so that the walk asks an array, not a dictionary.
    private var endingStart: [Int32] = []
    private var endingPatterns: [Int32] = []
    /// Once laid out, the second level as a table: the node that bytes `a`, `b` lead to from the root is
    /// `pairChildren[Int(pairRow[a]) << 8 | b]` (a row of 256 per first byte that starts a name).
    private var pairRow = [Int32](repeating: -1, count: 256)
    private var pairChildren: [Int32] = []

    /// Once laid out: a bit per hash of the heads of the words a name may begin at (see `mayBegin(head:)`), so
    /// that a word that begins no name (most words) is passed over with one load, not a walk that branches on
    /// each of its bytes. A false "yes" costs a walk; never a false "no".
    private var headBits: [UInt64] = []
    private var headShift: UInt64 = 64

    /// The root, where every walk starts.
    static let root: Int32 = 0

    /// Room for about this many names.
    mutating func reserve(names: Int) {
        keyBytes.reserveCapacity(names * 16)
        keyStarts.reserveCapacity(names + 1)
        keyFirstWords.reserveCapacity(names)
        keyPatterns.reserveCapacity(names)
    }

    /// Adds a name's folded bytes; `firstWordLength` is how many of them its first word has.
    mutating func insert(_ key: [UInt8], firstWordLength: Int, pattern: Int) {
        keyBytes.append(contentsOf: key)
        keyStarts.append(keyBytes.count)
        keyFirstWords.append(Int32(firstWordLength))
        keyPatterns.append(Int32(pattern))
        childStart = []  // laid out again by `layOut()`
    }

    /// Lays the names out flat; call after the last `insert`.
    ///
    /// No hash table and no array per node: the names are sorted by their bytes, and the nodes of each depth
    /// are then made in one pass over the names long enough to reach it. A node at that depth is new where a
    /// name shares fewer bytes than that with the one before it. This numbers the nodes breadth first, each
    /// node's children in byte order and next to each other, so that the child at `childBytes[i]` is node
    /// `i + 1`, and the shallow nodes every walk visits sit together in memory. A registry of hundreds of
    /// thousands of aliases (millions of nodes) then costs a sort and a few passes over its bytes, in memory
    /// order, where a table of edges took a cache miss per byte.
    mutating func layOut() {
        let names = SortedNames(bytes: keyBytes, starts: keyStarts, firstWords: keyFirstWords, patterns: keyPatterns)
        var childCounts: [Int32] = [0]
        var childBytes: [UInt8] = []
        childBytes.reserveCapacity(names.bytes.count)
        var endingStart: [Int32] = [0]
        var endingPatterns: [Int32] = []
        endingPatterns.reserveCapacity(names.count)
        var heads: [UInt64] = []
        // The names long enough to reach the depth, in sorted order, each with the bytes it shares with the
        // name before it, and the node its bytes so far lead to.
        var active: [Int32] = []
        var shared: [Int32] = []
        var nodes: [Int32] = []
        for name in 0..<names.count {
            if names.length(name) == 0 {
                endingPatterns.append(names.patterns[name])
            } else {
                active.append(Int32(name))
                shared.append(names.shared[name])
                nodes.append(Self.root)
            }
        }
        var depth = 0
        while !active.isEmpty {
            depth += 1
            var kept = 0
            var node = Self.root
            var plainHead = false
            var elidedHead = false
            for position in 0..<active.count {
                let name = Int(active[position])
                let start = names.starts[name]
                if position == 0 || shared[position] < depth {
                    // A new node, one byte below the node this name's bytes so far lead to.
                    let parent = Int(nodes[position])
                    childCounts[parent] += 1
                    childCounts.append(0)
                    childBytes.append(names.bytes[start + depth - 1])
                    endingStart.append(Int32(endingPatterns.count))
                    node = Int32(childBytes.count)
                    plainHead = false
                    elidedHead = false
                    // A word begins a name if it is the name's first one to eight bytes (or more, whose first
                    // eight these are), but a function word or an elision only if it is the name's whole first
                    // word (`à Boukamal` is not `Abou Kamal`, the matcher's rule): those, the commonest words,
                    // need no walk.
                    if depth <= 8, !FoldedText.isFunctionWord(names.bytes[start..<start + depth]) {
                        heads.append(ByteLanes.head(of: names.bytes[start..<start + depth]))
                        plainHead = true
                    }
                }
                if depth <= 8, names.firstWords[name] == depth {
                    let head = ByteLanes.head(of: names.bytes[start..<start + depth])
                    if !elidedHead { heads.append(head | Self.elisionTag) }
                    if !plainHead { heads.append(head) }
                    (plainHead, elidedHead) = (true, true)
                }
                let length = names.length(name)
                if length == depth { endingPatterns.append(names.patterns[name]) }
                // A name that goes deeper keeps what it shares with the one before it: if that one ends here,
                // they share no more than `depth` bytes, so the name still makes a node of its own below.
                if length > depth {
                    active[kept] = Int32(name)
                    shared[kept] = shared[position]
                    nodes[kept] = node
                    kept += 1
                }
            }
            active.removeLast(active.count - kept)
            shared.removeLast(shared.count - kept)
            nodes.removeLast(nodes.count - kept)
        }
        endingStart.append(Int32(endingPatterns.count))
        var childStart = [Int32](repeating: 0, count: childCounts.count + 1)
        for node in childCounts.indices { childStart[node + 1] = childStart[node] + childCounts[node] }
        self.childStart = childStart
        self.childBytes = childBytes
        self.endingStart = endingStart
        self.endingPatterns = endingPatterns
        layOutTables(heads: heads)
    }

    /// The root's and the second level's tables, and the bits of the heads.
    private mutating func layOutTables(heads: [UInt64]) {
        // The root's children are nodes 1…, in byte order; their children make the pair table.
        walkRoot = [Int32](repeating: -1, count: 256)
        pairRow = [Int32](repeating: -1, count: 256)
        var rows = 0
        for slot in Int(childStart[0])..<Int(childStart[1]) {
            let byte = Int(childBytes[slot])
            walkRoot[byte] = Int32(slot + 1)
            pairRow[byte] = Int32(rows)
            rows += 1
        }
        // Sixteen bits or more per head: few words that begin no name get through, and the table stays small
        // enough for the cache up to registries of tens of thousands of names.
        var bitCount = 1 << 12
        while bitCount < 16 * heads.count && bitCount < 1 << 23 { bitCount <<= 1 }
        headShift = UInt64(64 - bitCount.trailingZeroBitCount)
        headBits = [UInt64](repeating: 0, count: bitCount / 64)
        for head in heads {
            let bit = Self.hash(head, shift: headShift)
            headBits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        pairChildren = [Int32](repeating: -1, count: rows << 8)
        for byte in 0..<256 where walkRoot[byte] >= 0 {
            let node = Int(walkRoot[byte])
            for slot in Int(childStart[node])..<Int(childStart[node + 1]) {
                pairChildren[Int(pairRow[byte]) << 8 | Int(childBytes[slot])] = Int32(slot + 1)
            }
        }
    }

    /// Set in the head of an elided word (`l’`, `qu’`: never more than six bytes, so the bit is free), which
    /// begins a name only if it is the name's first word.
    static let elisionTag: UInt64 = 1 << 63

    @inline(__always)
    fileprivate static func hash(_ head: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (head &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Runs `body` with a view of the laid-out trie that reads its arrays through pointers: the matcher takes
    /// a step per letter of every article, and an array's bounds checks and reference counts would be most of it.
    func withWalker<Result>(_ body: (Walker) -> Result) -> Result {
        precondition(!childStart.isEmpty, "lay the trie out before walking it")
        return walkRoot.withUnsafeBufferPointer { rootChildren in
            pairRow.withUnsafeBufferPointer { pairRow in
                pairChildren.withUnsafeBufferPointer { pairChildren in
                    childStart.withUnsafeBufferPointer { childStart in
                        childBytes.withUnsafeBufferPointer { childBytes in
                            endingStart.withUnsafeBufferPointer { endingStart in
                                endingPatterns.withUnsafeBufferPointer { endingPatterns in
                                    headBits.withUnsafeBufferPointer { headBits in
                                        body(
                                            Walker(
                                                rootChildren: rootChildren, pairRow: pairRow,
                                                pairChildren: pairChildren, childStart: childStart,
                                                childBytes: childBytes, endingStart: endingStart,
                                                endingPatterns: endingPatterns, headBits: headBits,
                                                headShift: headShift))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The laid-out trie, read through pointers that live only as long as `withWalker`'s call.
    struct Walker {
        fileprivate let rootChildren: UnsafeBufferPointer<Int32>
        fileprivate let pairRow: UnsafeBufferPointer<Int32>
        fileprivate let pairChildren: UnsafeBufferPointer<Int32>
        fileprivate let childStart: UnsafeBufferPointer<Int32>
        fileprivate let childBytes: UnsafeBufferPointer<UInt8>
        fileprivate let endingStart: UnsafeBufferPointer<Int32>
        fileprivate let endingPatterns: UnsafeBufferPointer<Int32>
        fileprivate let headBits: UnsafeBufferPointer<UInt64>
        fileprivate let headShift: UInt64

        /// Whether some name may begin at a word whose first (up to eight) folded bytes are `head`, packed as
        /// `ByteLanes.head(of:)` packs them, with `NameTrie.elisionTag` if the word is elided: false only if none
        /// can.
        @inline(__always)
        func mayBegin(head: UInt64) -> Bool {
            let bit = NameTrie.hash(head, shift: headShift)
            return headBits[bit >> 6] >> UInt64(bit & 63) & 1 != 0
        }

        /// The node one byte on from the root, or -1.
        @inline(__always)
        func rootChild(_ byte: UInt8) -> Int32 { rootChildren[Int(byte)] }

        /// The node two bytes on from the root, or -1.
        @inline(__always)
        func grandchild(_ first: UInt8, _ second: UInt8) -> Int32 {
            let row = pairRow[Int(first)]
            return row < 0 ? -1 : pairChildren[Int(row) << 8 | Int(second)]
        }

        /// The node one byte on from `node` (not the root), or -1.
        @inline(__always)
        func child(of node: Int32, _ byte: UInt8) -> Int32 {
            var index = Int(childStart[Int(node)])
            let end = Int(childStart[Int(node) + 1])
            while index < end {
                let candidate = childBytes[index]
                if candidate == byte { return Int32(index + 1) }
                if candidate > byte { return -1 }
                index += 1
            }
            return -1
        }

        /// Where the patterns ending at `node` are, for `pattern(at:)`; empty for most nodes.
        @inline(__always)
        func patterns(endingAt node: Int32) -> Range<Int> {
            Int(endingStart[Int(node)])..<Int(endingStart[Int(node) + 1])
        }

        @inline(__always)
        func pattern(at index: Int) -> Int { Int(endingPatterns[index]) }
    }
}

/// The names of a trie being laid out, sorted by their bytes (a name before the longer ones it begins, equal
/// names in the order they were added), and how many bytes each shares with the one before it.
private struct SortedNames {
    let count: Int
    /// The names' bytes end to end in sorted order, name `k`'s from `starts[k]` to `starts[k + 1]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]
    private(set) var firstWords: [Int32] = []
    private(set) var patterns: [Int32] = []
    /// How many bytes each name shares with the one before it (none for the first).
    private(set) var shared: [Int32] = []

    init(bytes keyBytes: [UInt8], starts keyStarts: [Int], firstWords keyFirstWords: [Int32], patterns: [Int32]) {
        count = patterns.count
        // Compared on their first eight bytes in one number, where most names differ; on the rest only on a tie.
        var order = (0..<count).map { name in
            (opening: Self.opening(keyBytes[keyStarts[name]..<keyStarts[name + 1]]), name: name)
        }
        keyBytes.withUnsafeBufferPointer { all in
            order.sort { left, right in
                if left.opening != right.opening { return left.opening < right.opening }
                let (leftStart, leftEnd) = (keyStarts[left.name], keyStarts[left.name + 1])
                let (rightStart, rightEnd) = (keyStarts[right.name], keyStarts[right.name + 1])
                var (leftIndex, rightIndex) = (leftStart + 8, rightStart + 8)
                while leftIndex < leftEnd && rightIndex < rightEnd {
                    if all[leftIndex] != all[rightIndex] { return all[leftIndex] < all[rightIndex] }
                    leftIndex += 1
                    rightIndex += 1
                }
                let (leftLength, rightLength) = (leftEnd - leftStart, rightEnd - rightStart)
                return leftLength != rightLength ? leftLength < rightLength : left.name < right.name
            }
        }
        bytes.reserveCapacity(keyBytes.count)
        starts.reserveCapacity(count + 1)
        firstWords.reserveCapacity(count)
        self.patterns.reserveCapacity(count)
        shared.reserveCapacity(count)
        for (_, name) in order {
            let start = bytes.count
            bytes.append(contentsOf: keyBytes[keyStarts[name]..<keyStarts[name + 1]])
            var common = 0
            if let previous = starts.dropLast().last {
                let limit = min(start - previous, bytes.count - start)
                while common < limit && bytes[previous + common] == bytes[start + common] { common += 1 }
            }
            starts.append(bytes.count)
            firstWords.append(keyFirstWords[name])
            self.patterns.append(patterns[name])
            shared.append(Int32(common))
        }
    }

    func length(_ name: Int) -> Int { starts[name + 1] - starts[name] }

    /// The first eight bytes as one number, the first the most significant, zeros past the end: where two
    /// numbers differ, they compare as the names do; where they tie, the rest and the lengths settle it.
    private static func opening(_ name: ArraySlice<UInt8>) -> UInt64 {
        var opening: UInt64 = 0
        for (position, byte) in name.prefix(8).enumerated() { opening |= UInt64(byte) << (56 - 8 * UInt64(position)) }
        return opening
    }
}
