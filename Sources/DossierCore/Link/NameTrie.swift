/// Every registered name as a path of folded bytes, so that a text is matched in one walk per word.
///
/// Built with a dictionary of edges, then laid out flat: each node's children sit side by side, sorted by
/// byte, so that a step of the walk is a short scan, never a hash (the matcher takes one step per letter).
struct NameTrie: Sendable {
    /// The root's children by byte: most walks end here, so this is a table.
    private var rootChildren = [Int32](repeating: -1, count: 256)
    /// While building: every edge but the root's, keyed by `node << 8 | byte`.
    private var edges: [Int: Int32] = [:]
    /// Once laid out, in breadth-first numbering: node `n`'s children are the bytes
    /// `childBytes[childStart[n]..<childStart[n + 1]]`, and the child at `childBytes[i]` is node `i + 1`.
    private var childStart: [Int32] = []
    private var childBytes: [UInt8] = []
    /// Once laid out: the root's children by byte, in that numbering (`rootChildren` keeps the building one).
    private var walkRoot: [Int32] = []
    /// The patterns that end at each node, for the nodes that end one.
    private var endings: [Int32: [Int]] = [:]
    private var terminal: [Bool] = [false]
    /// Once laid out: the patterns ending at node `n` are `endingPatterns[endingStart[n]..<endingStart[n + 1]]`,
    /// so that the walk asks an array, not a dictionary.
    private var endingStart: [Int32] = []
    private var endingPatterns: [Int32] = []
    /// Once laid out, the second level as a table: the node that bytes `a`, `b` lead to from the root is
    /// `pairChildren[Int(pairRow[a]) << 8 | b]` (a row of 256 per first byte that starts a name).
    private var pairRow = [Int32](repeating: -1, count: 256)
    private var pairChildren: [Int32] = []

    /// While building: the heads of the words a name may begin at (see `mayBegin(head:)`).
    private var heads: Set<UInt64> = []
    /// Once laid out: a bit per hash of those heads, so that a word that begins no name (most words) is passed
    /// over with one load, not a walk that branches on each of its bytes. A false "yes" costs a walk; never a
    /// false "no".
    private var headBits: [UInt64] = []
    private var headShift: UInt64 = 64

    /// The root, where every walk starts.
    static let root: Int32 = 0

    /// Room for about this many names, so that a large registry does not rehash the edges as it grows.
    mutating func reserve(names: Int) {
        edges.reserveCapacity(names * 8)
        endings.reserveCapacity(names)
    }

    /// Adds a name's folded bytes; `firstWordLength` is how many of them its first word has.
    mutating func insert(_ key: [UInt8], firstWordLength: Int, pattern: Int) {
        var node = Self.root
        for byte in key {
            if let next = buildingChild(of: node, byte) {
                node = next
                continue
            }
            let next = Int32(terminal.count)
            terminal.append(false)
            if node == Self.root {
                rootChildren[Int(byte)] = next
            } else {
                edges[Int(node) << 8 | Int(byte)] = next
            }
            node = next
        }
        terminal[Int(node)] = true
        endings[node, default: []].append(pattern)
        // A word begins this name if it is the name's first one to eight bytes (or more, whose first eight these
        // are), but a function word or an elision only if it is the name's whole first word (`à Boukamal` is not
        // `Abou Kamal`, the matcher's rule): those, the commonest words, need no walk.
        for count in 1...min(key.count, 8) {
            let head = ByteLanes.head(of: key.prefix(count))
            let isFirstWord = count == firstWordLength
            if isFirstWord { heads.insert(head | Self.elisionTag) }
            if isFirstWord || !FoldedText.isFunctionWord(key.prefix(count)) { heads.insert(head) }
        }
        childStart = []  // laid out again by `layOut()`
    }

    private func buildingChild(of node: Int32, _ byte: UInt8) -> Int32? {
        if node == Self.root {
            let next = rootChildren[Int(byte)]
            return next < 0 ? nil : next
        }
        return edges[Int(node) << 8 | Int(byte)]
    }

    /// Lays the edges out flat; call once after the last `insert`.
    ///
    /// A counting sort into flat arrays: no array per node, so a registry of hundreds of thousands of aliases
    /// (millions of nodes) costs a few large allocations, not millions of small ones. The nodes are then
    /// numbered breadth first, so that the shallow nodes every walk visits sit together in memory, and a
    /// node's children are consecutive numbers: the child at `childBytes[i]` is node `i + 1`.
    mutating func layOut() {
        let nodeCount = terminal.count
        // Children by node in insertion numbering, the root's included, sorted by byte.
        var starts = [Int32](repeating: 0, count: nodeCount + 1)
        for key in edges.keys { starts[(key >> 8) + 1] += 1 }
        starts[1] += Int32(rootChildren.lazy.filter { $0 >= 0 }.count)
        for node in 0..<nodeCount { starts[node + 1] += starts[node] }
        let edgeCount = Int(starts[nodeCount])
        var cursors = starts
        var bytes = [UInt8](repeating: 0, count: edgeCount)
        var nodes = [Int32](repeating: 0, count: edgeCount)
        for byte in 0..<256 where rootChildren[byte] >= 0 {
            bytes[Int(cursors[0])] = UInt8(byte)
            nodes[Int(cursors[0])] = rootChildren[byte]
            cursors[0] += 1
        }
        for (key, child) in edges {
            let slot = Int(cursors[key >> 8])
            bytes[slot] = UInt8(key & 0xFF)
            nodes[slot] = child
            cursors[key >> 8] += 1
        }
        // Each node has a handful of children: an insertion sort by byte, in place.
        for node in 0..<nodeCount {
            let first = Int(starts[node])
            let end = Int(starts[node + 1])
            guard end - first > 1 else { continue }
            for index in (first + 1)..<end {
                var position = index
                while position > first, bytes[position - 1] > bytes[position] {
                    bytes.swapAt(position - 1, position)
                    nodes.swapAt(position - 1, position)
                    position -= 1
                }
            }
        }
        // Breadth first: `order[new] = old`.
        var order: [Int32] = [Self.root]
        order.reserveCapacity(nodeCount)
        var head = 0
        while head < order.count {
            let node = Int(order[head])
            head += 1
            for slot in Int(starts[node])..<Int(starts[node + 1]) { order.append(nodes[slot]) }
        }
        precondition(order.count == nodeCount, "every node of the trie hangs from the root")
        var childStart = [Int32](repeating: 0, count: nodeCount + 1)
        var childBytes: [UInt8] = []
        childBytes.reserveCapacity(edgeCount)
        var endingStart = [Int32](repeating: 0, count: nodeCount + 1)
        var endingPatterns: [Int32] = []
        endingPatterns.reserveCapacity(endings.count)
        for (new, old) in order.enumerated() {
            childStart[new] = Int32(childBytes.count)
            childBytes.append(contentsOf: bytes[Int(starts[Int(old)])..<Int(starts[Int(old) + 1])])
            for pattern in endings[old] ?? [] { endingPatterns.append(Int32(pattern)) }
            endingStart[new + 1] = Int32(endingPatterns.count)
        }
        childStart[nodeCount] = Int32(childBytes.count)
        self.childStart = childStart
        self.childBytes = childBytes
        self.endingStart = endingStart
        self.endingPatterns = endingPatterns
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
        precondition(childStart.count == terminal.count + 1, "lay the trie out before walking it")
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
