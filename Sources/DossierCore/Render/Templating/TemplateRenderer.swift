/// Renders compiled templates into one growing buffer of UTF-8 bytes: names are looked up from the innermost value
/// outwards, as Mustache does; text is HTML-escaped unless the tag is `{{{…}}}` or `{{&…}}`.
struct TemplateRenderer: Sendable {
    let program: TemplateProgram

    /// Compiles the templates (by name) once; render with the result as many pages as needed.
    init(templates: [String: [TemplateNode]]) {
        self.program = TemplateProgram(templates)
    }

    /// Where a list section is: what `first()`, `last()`, `index()`, `even()` and `odd()` answer.
    private struct Position {
        var index: Int
        var count: Int
    }

    /// What a tag names: a value of the page's context, or what a transform made of one.
    private enum Value {
        case node(Int32)
        case bool(Bool)
        case int(Int)
        /// A text made by a transform (`uppercased(name)`): `State.made[n]`.
        case made(Int)
        /// A list of the context, backwards (`reversed(list)`).
        case reversed(Int32)
    }

    private struct State {
        var stack: [Value]
        var position: Position?
        var blocks: [TemplateProgram.Block] = []
        var depth = 0
        var made: [[UInt8]] = []
    }

    /// Partials that include themselves stop here rather than overflow the stack.
    static let maximumDepth = 64

    /// The page as text, for tests.
    func render(_ name: String, context: PageContext) -> String {
        String(decoding: renderBytes(name, context: context).array, as: UTF8.self)
    }

    /// The page as UTF-8 bytes, ready to be written: pages are built as bytes, never as `String`s.
    func renderBytes(_ name: String, context: PageContext) -> ByteBuffer {
        var output = ByteBuffer(capacity: 16_384)
        guard let number = program.numbers[name] else { return output }
        var state = State(stack: [.node(context.root)])
        program.withBuffers { code in
            context.withBuffers { values in
                let run = Run(program: program, code: code, values: values)
                run.render(program.templates[number], state: &state, into: &output)
            }
        }
        return output
    }

    /// One rendering, with the program's arrays and the context's pinned for the length of it: nothing it reads
    /// is counted.
    private struct Run {
        let program: TemplateProgram
        let code: TemplateProgram.Buffers
        let values: PageContext.Buffers

        func render(_ range: Range<Int>, state: inout State, into output: inout ByteBuffer) {
            var index = range.lowerBound
            while index < range.upperBound {
                let step = code.steps[index]
                index += 1
                switch step.kind {
                case .text:
                    output.appendBytes(UnsafeBufferPointer(rebasing: code.text[step.first..<step.first + step.second]))
                case .variable, .rawVariable:
                    if let value = resolve(code.references[step.first], &state) {
                        write(value, escaped: step.kind == .variable, state: &state, into: &output)
                    }
                case .section, .invertedSection:
                    section(
                        code.references[step.first], index..<step.second, inverted: step.kind == .invertedSection,
                        state: &state, into: &output)
                    index = step.second
                case .partial:
                    include(step.first, blocks: nil, state: &state, into: &output)
                case .parent:
                    include(step.first, blocks: program.blockSets[step.second], state: &state, into: &output)
                    index = step.third
                case .block:
                    let saved = state.position
                    state.position = nil
                    let body = state.blocks.first { $0.name == step.first }?.body ?? index..<step.second
                    render(body, state: &state, into: &output)
                    state.position = saved
                    index = step.second
                }
            }
        }

        private func write(_ value: Value, escaped: Bool, state: inout State, into output: inout ByteBuffer) {
            switch value {
            case .node(let number):
                let node = values.nodes[Int(number)]
                switch node.kind {
                case .text: write(values.text(node), escaped: escaped, into: &output)
                case .int: output.appendDecimal(node.first)
                case .bool: output.appendBytes(node.first != 0 ? "true" : "false")
                case .list, .object: break
                }
            case .bool(let flag): output.appendBytes(flag ? "true" : "false")
            case .int(let number): output.appendDecimal(number)
            case .made(let number):
                state.made[number].withUnsafeBufferPointer { write($0, escaped: escaped, into: &output) }
            case .reversed: break
            }
        }

        @inline(__always)
        private func write(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, into output: inout ByteBuffer) {
            if escaped {
                HTML.appendEscaped(bytes, to: &output)
            } else {
                output.appendBytes(bytes)
            }
        }

        private func section(
            _ reference: TemplateProgram.Reference, _ body: Range<Int>, inverted: Bool, state: inout State,
            into output: inout ByteBuffer
        ) {
            let value = resolve(reference, &state)
            let list = value.flatMap(list(of:))
            let flag = value.flatMap(flag(of:))
            if inverted {
                if value == nil || flag == false || list?.count == 0 { render(body, state: &state, into: &output) }
                return
            }
            guard let value, flag != false else { return }
            if flag == true {
                render(body, state: &state, into: &output)
            } else if let list {
                let saved = state.position
                for index in 0..<list.count {
                    let item = values.items[list.first + (list.backwards ? list.count - 1 - index : index)]
                    state.stack.append(.node(item))
                    state.position = Position(index: index, count: list.count)
                    render(body, state: &state, into: &output)
                    state.stack.removeLast()
                }
                state.position = saved
            } else {
                let saved = state.position
                state.stack.append(value)
                state.position = nil
                render(body, state: &state, into: &output)
                state.stack.removeLast()
                state.position = saved
            }
        }

        /// A partial, or a parent template with blocks: the blocks already inherited from outside win.
        private func include(
            _ number: Int, blocks: [TemplateProgram.Block]?, state: inout State, into output: inout ByteBuffer
        ) {
            guard number >= 0, state.depth < TemplateRenderer.maximumDepth else { return }
            let saved = (state.position, state.blocks)
            state.position = nil
            if let blocks {
                state.blocks += blocks.filter { inner in !saved.1.contains { $0.name == inner.name } }
            }
            state.depth += 1
            render(program.templates[number], state: &state, into: &output)
            state.depth -= 1
            (state.position, state.blocks) = saved
        }

        // MARK: - Names

        private func resolve(_ reference: TemplateProgram.Reference, _ state: inout State) -> Value? {
            var value: Value?
            var transform = Int(reference.transforms)
            let end = transform + Int(reference.transformCount)
            if reference.isPosition {
                guard let position = state.position else { return nil }
                value = Self.positionValue(code.transforms[transform], position)
                transform += 1
            } else if reference.isDot {
                value = state.stack.last
            } else if reference.currentOnly {
                value = state.stack.last.flatMap { follow(reference, from: $0, skippingFirst: false) }
            } else if reference.pathCount > 0 {
                let first = code.names[Int(reference.path)]
                var level = state.stack.count - 1
                while level >= 0 {
                    if let found = child(first, of: state.stack[level]) {
                        value = follow(reference, from: .node(found), skippingFirst: true)
                        break
                    }
                    level -= 1
                }
            }
            while transform < end {
                guard let current = value else { return nil }
                value = apply(code.transforms[transform], to: current, state: &state)
                transform += 1
            }
            return value
        }

        /// The field `name` of a value, if it is an object that has one.
        @inline(__always)
        private func child(_ name: TemplateName, of value: Value) -> Int32? {
            guard case .node(let number) = value else { return nil }
            return values.field(name, restIn: code.nameBytes, of: number)
        }

        /// The value at the end of the reference's path, from `value`, which is the first name's when `skippingFirst`.
        private func follow(_ reference: TemplateProgram.Reference, from value: Value, skippingFirst: Bool) -> Value? {
            var current = value
            var index = Int(reference.path) + (skippingFirst ? 1 : 0)
            let end = Int(reference.path) + Int(reference.pathCount)
            while index < end {
                guard let next = child(code.names[index], of: current) else { return nil }
                current = .node(next)
                index += 1
            }
            return current
        }

        /// Where a list value's items are.
        private func list(of value: Value) -> (first: Int, count: Int, backwards: Bool)? {
            switch value {
            case .node(let number), .reversed(let number):
                let node = values.nodes[Int(number)]
                guard node.kind == .list else { return nil }
                if case .reversed = value { return (node.first, Int(node.count), true) }
                return (node.first, Int(node.count), false)
            default:
                return nil
            }
        }

        private func flag(of value: Value) -> Bool? {
            switch value {
            case .bool(let flag): return flag
            case .node(let number):
                let node = values.nodes[Int(number)]
                return node.kind == .bool ? node.first != 0 : nil
            default: return nil
            }
        }

        private func number(of value: Value) -> Int? {
            switch value {
            case .int(let number): return number
            case .node(let number):
                let node = values.nodes[Int(number)]
                return node.kind == .int ? node.first : nil
            default: return nil
            }
        }

        private func text(of value: Value, _ state: State) -> String? {
            switch value {
            case .made(let number): return String(decoding: state.made[number], as: UTF8.self)
            case .node(let number):
                let node = values.nodes[Int(number)]
                return node.kind == .text ? String(decoding: values.text(node), as: UTF8.self) : nil
            default: return nil
            }
        }

        private static func positionValue(_ transform: TemplateProgram.Transform, _ position: Position) -> Value? {
            switch transform {
            case .first: return .bool(position.index == 0)
            case .last: return .bool(position.index == position.count - 1)
            case .index: return .int(position.index)
            case .even: return .bool(position.index % 2 == 0)
            case .odd: return .bool(position.index % 2 == 1)
            default: return nil
            }
        }

        /// The transforms of swift-mustache that make sense here; one that does not apply to the value gives nothing.
        private func apply(_ transform: TemplateProgram.Transform, to value: Value, state: inout State) -> Value? {
            if let list = list(of: value) {
                switch transform {
                case .empty: return .bool(list.count == 0)
                case .count: return .int(list.count)
                case .first, .last:
                    guard list.count > 0 else { return nil }
                    let fromStart = (transform == .first) != list.backwards
                    return .node(values.items[list.first + (fromStart ? 0 : list.count - 1)])
                case .reversed:
                    guard case .node(let number) = value else {
                        if case .reversed(let number) = value { return .node(number) }
                        return nil
                    }
                    return .reversed(number)
                default: return nil
                }
            }
            if let number = number(of: value) {
                switch transform {
                case .plusone: return .int(number + 1)
                case .minusone: return .int(number - 1)
                case .equalzero: return .bool(number == 0)
                case .even: return .bool(number % 2 == 0)
                case .odd: return .bool(number % 2 != 0)
                default: return nil
                }
            }
            guard let text = text(of: value, state) else { return nil }
            let made: String
            switch transform {
            case .empty: return .bool(text.isEmpty)
            case .uppercased: made = text.uppercased()
            case .lowercased: made = text.lowercased()
            case .capitalized: made = text.prefix(1).uppercased() + text.dropFirst()
            default: return nil
            }
            state.made.append(Array(made.utf8))
            return .made(state.made.count - 1)
        }
    }
}
