/// Templates compiled once into one flat list of steps, with their text in one buffer of bytes. Rendering
/// walks plain values in arrays: walking the tree of `TemplateNode`s retained and released an enum box at
/// every tag of every page, and looked partials up by name each time one was included.
struct TemplateProgram: Sendable {
    enum Kind: UInt8, Sendable {
        /// `text[first..<first + second]`.
        case text
        /// `references[first]`, escaped or not.
        case variable, rawVariable
        /// `references[first]`; the body is the steps up to `second`, where the next step is.
        case section, invertedSection
        /// Template number `first`, or nothing when `first` is -1 (a partial that is no template).
        case partial
        /// Template number `first` (or -1) with the blocks `blockSets[second]`, whose bodies follow this step;
        /// the next step is `third`.
        case parent
        /// Block name number `first`; its default body is the steps up to `second`, where the next step is.
        case block
    }

    struct Step: Sendable {
        var kind: Kind
        var first: Int
        var second = 0
        var third = 0
    }

    /// A block's name number and the steps of its body.
    typealias Block = (name: Int, body: Range<Int>)

    private(set) var steps: [Step] = []
    private(set) var text: [UInt8] = []
    private(set) var references: [Reference] = []
    /// The names of the references' paths, each path a run.
    private(set) var names: [TemplateName] = []
    /// The bytes of the names longer than sixteen, past the sixteenth.
    private(set) var nameBytes: [UInt8] = []
    /// The transforms of the references, each reference's a run, innermost first.
    private(set) var transforms: [Transform] = []
    private(set) var blockSets: [[Block]] = []
    /// Per template number, its steps.
    private(set) var templates: [Range<Int>] = []
    /// Template numbers by name.
    private(set) var numbers: [String: Int] = [:]

    init(_ trees: [String: [TemplateNode]]) {
        // Numbered in name order, so that the program does not depend on the dictionary's order.
        let names = trees.keys.sorted()
        for (number, name) in names.enumerated() { numbers[name] = number }
        var blockNames: [String: Int] = [:]
        for name in names {
            let start = steps.count
            emit(trees[name]!, blockNames: &blockNames)
            templates.append(start..<steps.count)
        }
    }

    private mutating func emit(_ nodes: [TemplateNode], blockNames: inout [String: Int]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                steps.append(Step(kind: .text, first: text.count, second: bytes.count))
                text += bytes
            case .variable(let reference, let escaped):
                steps.append(Step(kind: escaped ? .variable : .rawVariable, first: references.count))
                append(reference)
            case .section(let reference, let children, let inverted):
                let index = steps.count
                steps.append(Step(kind: inverted ? .invertedSection : .section, first: references.count))
                append(reference)
                emit(children, blockNames: &blockNames)
                steps[index].second = steps.count
            case .partial(let name):
                steps.append(Step(kind: .partial, first: numbers[name] ?? -1))
            case .parent(let name, let blocks):
                let index = steps.count
                steps.append(Step(kind: .parent, first: numbers[name] ?? -1, second: blockSets.count))
                blockSets.append([])
                var set: [Block] = []
                for (blockName, body) in blocks.sorted(by: { $0.key < $1.key }) {
                    let start = steps.count
                    emit(body, blockNames: &blockNames)
                    set.append((Self.number(of: blockName, in: &blockNames), start..<steps.count))
                }
                blockSets[steps[index].second] = set
                steps[index].third = steps.count
            case .block(let name, let defaults):
                let index = steps.count
                steps.append(Step(kind: .block, first: Self.number(of: name, in: &blockNames)))
                emit(defaults, blockNames: &blockNames)
                steps[index].second = steps.count
            }
        }
    }

    private mutating func append(_ reference: TemplateReference) {
        references.append(
            Reference(
                isDot: reference.isDot, currentOnly: reference.currentOnly, isPosition: reference.isPosition,
                path: Int32(names.count), pathCount: Int32(reference.path.count), transforms: Int32(transforms.count),
                transformCount: Int32(reference.transforms.count)))
        for name in reference.path { names.append(TemplateName(name, keepingRestIn: &nameBytes)) }
        transforms += reference.transforms.map { Transform(rawValue: $0) ?? .unknown }
    }

    /// A tag's name, `.`, `.name`, `a.b` or `empty(list)`, as plain numbers: rendering copies it without retaining
    /// anything.
    struct Reference: Sendable {
        var isDot: Bool
        /// `.name`: looked up in the current value only.
        var currentOnly: Bool
        /// `first()`: a transform of the list position, not of a value.
        var isPosition: Bool
        /// `names[path..<path + pathCount]`.
        var path: Int32
        var pathCount: Int32
        /// `transforms[transforms..<transforms + transformCount]`, applied in that order.
        var transforms: Int32
        var transformCount: Int32
    }

    /// The transforms of swift-mustache that make sense here (`first` and the next four also name a position in
    /// a list); any other name gives nothing.
    enum Transform: String, Sendable {
        case first, last, index, even, odd, empty, count, reversed, uppercased, lowercased, capitalized, plusone
        case minusone, equalzero, unknown
    }

    /// The program's arrays, pinned for the length of `body`.
    func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
        steps.withUnsafeBufferPointer { steps in
            text.withUnsafeBufferPointer { text in
                references.withUnsafeBufferPointer { references in
                    names.withUnsafeBufferPointer { names in
                        nameBytes.withUnsafeBufferPointer { nameBytes in
                            transforms.withUnsafeBufferPointer { transforms in
                                body(
                                    Buffers(
                                        steps: steps, text: text, references: references, names: names,
                                        nameBytes: nameBytes, transforms: transforms))
                            }
                        }
                    }
                }
            }
        }
    }

    struct Buffers {
        let steps: UnsafeBufferPointer<Step>
        let text: UnsafeBufferPointer<UInt8>
        let references: UnsafeBufferPointer<Reference>
        let names: UnsafeBufferPointer<TemplateName>
        let nameBytes: UnsafeBufferPointer<UInt8>
        let transforms: UnsafeBufferPointer<Transform>
    }

    private static func number(of name: String, in names: inout [String: Int]) -> Int {
        if let number = names[name] { return number }
        names[name] = names.count
        return names.count - 1
    }
}
