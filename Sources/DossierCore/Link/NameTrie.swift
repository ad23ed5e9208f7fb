/// Every registered name as a path of folded bytes, so that a text is matched in one walk per word.
///
/// Built with a dictionary of edges, then laid out flat: each node's children sit side by side, sorted by
/// byte, so that a step of the walk is a short scan, never a hash (the matcher takes one step per letter).
struct NameTrie: Sendable {
    /// The root's children by byte: most walks end here, so this is a table.
    private var rootChildren = [Int32](repeating: -1, count: 256)
    /// While building: every edge but the root's, keyed by `node << 8 | byte`.
    private var edges: [Int: Int32] = [:]
    /// Once laid out: node `n`'s children are `childBytes[childStart[n]..<childStart[n + 1]]`.
    private var childStart: [Int32] = []
    private var childBytes: [UInt8] = []
    private var childNodes: [Int32] = []
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

    /// The root, where every walk starts.
    static let root: Int32 = 0

    /// Room for about this many names, so that a large registry does not rehash the edges as it grows.
    mutating func reserve(names: Int) {
        edges.reserveCapacity(names * 8)
        endings.reserveCapacity(names)
    }

    mutating func insert(_ key: [UInt8], pattern: Int) {
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
    /// A counting sort into three flat arrays: no array per node, so a registry of hundreds of thousands of
    /// aliases (millions of nodes) costs a few large allocations, not millions of small ones.
    mutating func layOut() {
        let nodeCount = terminal.count
        var starts = [Int32](repeating: 0, count: nodeCount + 1)
        for key in edges.keys { starts[(key >> 8) + 1] += 1 }
        for node in 0..<nodeCount { starts[node + 1] += starts[node] }
        var cursors = starts
        childBytes = [UInt8](repeating: 0, count: edges.count)
        childNodes = [Int32](repeating: 0, count: edges.count)
        for (key, child) in edges {
            let slot = Int(cursors[key >> 8])
            childBytes[slot] = UInt8(key & 0xFF)
            childNodes[slot] = child
            cursors[key >> 8] += 1
        }
        childStart = starts
        var endingStart = [Int32](repeating: 0, count: nodeCount + 1)
        var endingPatterns: [Int32] = []
        endingPatterns.reserveCapacity(endings.count)
        for node in 0..<nodeCount {
            for pattern in endings[Int32(node)] ?? [] { endingPatterns.append(Int32(pattern)) }
            endingStart[node + 1] = Int32(endingPatterns.count)
        }
        self.endingStart = endingStart
        self.endingPatterns = endingPatterns
        pairRow = [Int32](repeating: -1, count: 256)
        var rows = 0
        for byte in 0..<256 where rootChildren[byte] >= 0 {
            pairRow[byte] = Int32(rows)
            rows += 1
        }
        pairChildren = [Int32](repeating: -1, count: rows << 8)
        for byte in 0..<256 where rootChildren[byte] >= 0 {
            let node = Int(rootChildren[byte])
            for slot in Int(childStart[node])..<Int(childStart[node + 1]) {
                pairChildren[Int(pairRow[byte]) << 8 | Int(childBytes[slot])] = childNodes[slot]
            }
        }
        // Each node has a handful of children: an insertion sort by byte, in place.
        for node in 0..<nodeCount {
            let first = Int(starts[node])
            let end = Int(starts[node + 1])
            guard end - first > 1 else { continue }
            for index in (first + 1)..<end {
                var position = index
                while position > first, childBytes[position - 1] > childBytes[position] {
                    childBytes.swapAt(position - 1, position)
                    childNodes.swapAt(position - 1, position)
                    position -= 1
                }
            }
        }
    }

    /// Runs `body` with a view of the laid-out trie that reads its arrays through pointers: the matcher takes
    /// a step per letter of every article, and an array's bounds checks and reference counts would be most of it.
    func withWalker<Result>(_ body: (Walker) -> Result) -> Result {
        precondition(childStart.count == terminal.count + 1, "lay the trie out before walking it")
        return rootChildren.withUnsafeBufferPointer { rootChildren in
            pairRow.withUnsafeBufferPointer { pairRow in
                pairChildren.withUnsafeBufferPointer { pairChildren in
                    childStart.withUnsafeBufferPointer { childStart in
                        childBytes.withUnsafeBufferPointer { childBytes in
                            childNodes.withUnsafeBufferPointer { childNodes in
                                endingStart.withUnsafeBufferPointer { endingStart in
                                    endingPatterns.withUnsafeBufferPointer { endingPatterns in
                                        body(
                                            Walker(
                                                rootChildren: rootChildren, pairRow: pairRow,
                                                pairChildren: pairChildren,
                                                childStart: childStart, childBytes: childBytes, childNodes: childNodes,
                                                endingStart: endingStart, endingPatterns: endingPatterns))
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
        fileprivate let childNodes: UnsafeBufferPointer<Int32>
        fileprivate let endingStart: UnsafeBufferPointer<Int32>
        fileprivate let endingPatterns: UnsafeBufferPointer<Int32>

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
                if candidate == byte { return childNodes[index] }
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
