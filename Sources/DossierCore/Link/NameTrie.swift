/// Every registered name as a path of folded bytes, so that a text is matched in one walk per word.
struct NameTrie: Sendable {
    /// The root's children by byte: most walks end here, so this is an array, not a hash.
    private var rootChildren = [Int32](repeating: -1, count: 256)
    /// Every other edge, keyed by `node << 8 | byte`.
    private var edges: [Int: Int32] = [:]
    /// The patterns that end at each node, for the nodes that end one.
    private var endings: [Int32: [Int]] = [:]
    private var terminal: [Bool] = [false]

    /// The root, where every walk starts.
    static let root: Int32 = 0

    mutating func insert(_ key: [UInt8], pattern: Int) {
        var node = Self.root
        for byte in key {
            if let next = child(of: node, byte) {
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
    }

    @inline(__always)
    func child(of node: Int32, _ byte: UInt8) -> Int32? {
        if node == Self.root {
            let next = rootChildren[Int(byte)]
            return next < 0 ? nil : next
        }
        return edges[Int(node) << 8 | Int(byte)]
    }

    /// The patterns whose whole key ends at this node, in the order they were inserted.
    @inline(__always)
    func patterns(endingAt node: Int32) -> [Int]? {
        terminal[Int(node)] ? endings[node] : nil
    }
}
