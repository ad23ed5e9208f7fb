/// A page's context laid flat for the renderer: every value a numbered node, every text in one buffer of bytes,
/// every object's fields and every list's items in runs of two arrays. Nothing in it is counted: a tag looked
/// up, a list walked or a text written reads plain numbers, where a tree of values (arrays of strings and of
/// other values) was retained and released at each string, array and object the renderer passed through,
/// hundreds of times a page, and allocated and freed for every page.
struct PageContext {
    enum Kind: UInt8 {
        /// `bytes[first..<first + count]`.
        case text
        /// The number is `first`.
        case int
        /// `first` is 1 for true, 0 for false.
        case bool
        /// The items are the nodes `items[first..<first + count]`.
        case list
        /// The fields are `fields[first..<first + count]`, in the order they were set.
        case object
    }

    struct Node {
        var kind: Kind
        var count: Int32
        var first: Int
    }

    struct Field {
        var name: TemplateName
        var value: Int32
    }

    /// The page's own value.
    private(set) var root: Int32 = 0
    /// The texts, and the bytes of field names longer than sixteen.
    private(set) var bytes: [UInt8] = []
    /// The values; the page's own is the first.
    private(set) var nodes: [Node] = []
    private(set) var fields: [Field] = []
    private(set) var items: [Int32] = []

    /// Fields of the objects being built, until each is finished: an object's fields must lie in one run, and
    /// the values of its fields are built, with their own fields, while it is.
    private var pendingFields: [Field] = []
    private var pendingItems: [Int32] = []

    private init(reserving: Void) {
        bytes.reserveCapacity(16_384)
        nodes.reserveCapacity(512)
        fields.reserveCapacity(512)
        items.reserveCapacity(256)
        pendingFields.reserveCapacity(64)
        pendingItems.reserveCapacity(64)
    }

    /// The context of a page, as `build` sets its fields (with `set`).
    init(page build: (inout PageContext) -> Void) {
        self.init(reserving: ())
        root = object(build)
    }

    // MARK: - Building

    /// An object, whose fields `build` sets.
    mutating func object(_ build: (inout PageContext) -> Void) -> Int32 {
        let start = pendingFields.count
        build(&self)
        let (first, count) = Self.moveRun(from: &pendingFields, since: start, to: &fields)
        nodes.append(Node(kind: .object, count: count, first: first))
        return Int32(nodes.count - 1)
    }

    /// A list, whose items `build` adds (with `item`).
    mutating func list(_ build: (inout PageContext) -> Void) -> Int32 {
        let start = pendingItems.count
        build(&self)
        let (first, count) = Self.moveRun(from: &pendingItems, since: start, to: &items)
        nodes.append(Node(kind: .list, count: count, first: first))
        return Int32(nodes.count - 1)
    }

    /// Moves what was added to `pending` since `start` to the end of `run`, where it lies unbroken; returns where.
    private static func moveRun<Element>(
        from pending: inout [Element], since start: Int, to run: inout [Element]
    ) -> (first: Int, count: Int32) {
        let first = run.count
        run.append(contentsOf: pending[start...])
        pending.removeLast(pending.count - start)
        return (first, Int32(run.count - first))
    }

    /// Adds an item to the list being built.
    mutating func item(_ value: Int32) { pendingItems.append(value) }

    /// Sets a field of the object being built; each name once.
    mutating func set(_ name: StaticString, _ value: Int32) {
        let made = name.withUTF8Buffer { TemplateName($0, keepingRestIn: &bytes) }
        pendingFields.append(Field(name: made, value: value))
    }

    /// Sets a field whose name is not written in the code (the tests' contexts).
    mutating func set(named name: String, _ value: Int32) {
        pendingFields.append(Field(name: TemplateName(name, keepingRestIn: &bytes), value: value))
    }

    mutating func set(_ name: StaticString, text: String) { set(name, self.text(text)) }
    mutating func set(_ name: StaticString, int: Int) { set(name, self.int(int)) }
    mutating func set(_ name: StaticString, bool: Bool) { set(name, self.bool(bool)) }

    mutating func text(_ text: String) -> Int32 {
        let start = bytes.count
        appendUTF8(of: text)
        nodes.append(Node(kind: .text, count: Int32(bytes.count - start), first: start))
        return Int32(nodes.count - 1)
    }

    /// Read in place: copying the string to call `withUTF8` on it retained it, for every text of every page.
    @inline(__always)
    private mutating func appendUTF8(of text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// A text, then UTF-8 bytes, as one text.
    mutating func text(_ first: String, _ second: UnsafeBufferPointer<UInt8>) -> Int32 {
        let start = bytes.count
        appendUTF8(of: first)
        bytes.append(contentsOf: second)
        nodes.append(Node(kind: .text, count: Int32(bytes.count - start), first: start))
        return Int32(nodes.count - 1)
    }

    mutating func utf8(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
        nodes.append(Node(kind: .text, count: Int32(text.count), first: bytes.count))
        bytes.append(contentsOf: text)
        return Int32(nodes.count - 1)
    }

    /// Text as UTF-8 bytes (an article's HTML, a map).
    mutating func utf8(_ text: [UInt8]) -> Int32 {
        nodes.append(Node(kind: .text, count: Int32(text.count), first: bytes.count))
        bytes.append(contentsOf: text)
        return Int32(nodes.count - 1)
    }

    mutating func int(_ value: Int) -> Int32 {
        nodes.append(Node(kind: .int, count: 0, first: value))
        return Int32(nodes.count - 1)
    }

    mutating func bool(_ flag: Bool) -> Int32 {
        nodes.append(Node(kind: .bool, count: 0, first: flag ? 1 : 0))
        return Int32(nodes.count - 1)
    }

    /// A field's name as text (for tests and messages; rendering compares names as numbers).
    func name(of field: Field) -> String {
        var bytes: [UInt8] = []
        let name = field.name
        for index in 0..<min(Int(name.length), 16) {
            bytes.append(
                UInt8(truncatingIfNeeded: (index < 8 ? name.head >> (8 * index) : name.tail >> (8 * (index - 8)))))
        }
        if name.length > 16 { bytes += self.bytes[Int(name.rest)..<Int(name.rest) + Int(name.length) - 16] }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The context's arrays, pinned for the length of `body`.
    func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            nodes.withUnsafeBufferPointer { nodes in
                fields.withUnsafeBufferPointer { fields in
                    items.withUnsafeBufferPointer { items in
                        body(Buffers(bytes: bytes, nodes: nodes, fields: fields, items: items))
                    }
                }
            }
        }
    }

    struct Buffers {
        let bytes: UnsafeBufferPointer<UInt8>
        let nodes: UnsafeBufferPointer<Node>
        let fields: UnsafeBufferPointer<Field>
        let items: UnsafeBufferPointer<Int32>

        /// The node of the field `name` of the node `number`, if it is an object that has one; the first such field.
        @inline(__always)
        func field(_ name: TemplateName, restIn names: UnsafeBufferPointer<UInt8>, of number: Int32) -> Int32? {
            let node = nodes[Int(number)]
            guard node.kind == .object else { return nil }
            var index = node.first
            let end = node.first + Int(node.count)
            while index < end {
                if fields[index].name.isSame(as: name, restIn: bytes, otherRestIn: names) { return fields[index].value }
                index += 1
            }
            return nil
        }

        /// The bytes of a text node.
        @inline(__always)
        func text(_ node: Node) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[node.first..<node.first + Int(node.count)])
        }
    }
}
