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
    mutating func layOut() {
        var children = [[(byte: UInt8, node: Int32)]](repeating: [], count: terminal.count)
        for (key, child) in edges { children[key >> 8].append((UInt8(key & 0xFF), child)) }
        childStart = [0]
        childBytes = []
        childNodes = []
        for list in children {
            for edge in list.sorted(by: { $0.byte < $1.byte }) {
                childBytes.append(edge.byte)
                childNodes.append(edge.node)
            }
            childStart.append(Int32(childBytes.count))
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
