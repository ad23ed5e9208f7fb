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

    @inline(__always)
    func child(of node: Int32, _ byte: UInt8) -> Int32? {
        if node == Self.root {
            let next = rootChildren[Int(byte)]
            return next < 0 ? nil : next
        }
        var index = Int(childStart[Int(node)])
        let end = Int(childStart[Int(node) + 1])
        while index < end {
            let candidate = childBytes[index]
            if candidate == byte { return childNodes[index] }
            if candidate > byte { return nil }
            index += 1
        }
        return nil
    }

    /// The patterns whose whole key ends at this node, in the order they were inserted.
    @inline(__always)
    func patterns(endingAt node: Int32) -> [Int]? {
        terminal[Int(node)] ? endings[node] : nil
    }
}
