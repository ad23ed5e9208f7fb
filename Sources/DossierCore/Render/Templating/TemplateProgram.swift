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
    private(set) var references: [TemplateReference] = []
    /// By reference number, the name of a reference that is one name with no transform (`{{title}}`), the
    /// commonest tag: it is looked up without going through `resolve`.
    private(set) var plainNames: [String?] = []
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
        references.append(reference)
        let isPlain = reference.path.count == 1 && reference.transforms.isEmpty && !reference.currentOnly
        plainNames.append(isPlain ? reference.path[0] : nil)
    }

    private static func number(of name: String, in names: inout [String: Int]) -> Int {
        if let number = names[name] { return number }
        names[name] = names.count
        return names.count - 1
    }
}
