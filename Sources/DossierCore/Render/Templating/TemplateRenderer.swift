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

    private struct State {
        var stack: [TemplateValue]
        var position: Position?
        var blocks: [TemplateProgram.Block] = []
        var depth = 0
    }

    /// Partials that include themselves stop here rather than overflow the stack.
    static let maximumDepth = 64

    /// The page as text, for tests and small files.
    func render(_ name: String, context: TemplateValue) -> String {
        String(decoding: renderBytes(name, context: context).array, as: UTF8.self)
    }

    /// The page as UTF-8 bytes, ready to be written: pages are built as bytes, never as `String`s.
    func renderBytes(_ name: String, context: TemplateValue) -> ByteBuffer {
        var output = ByteBuffer(capacity: 16_384)
        guard let number = program.numbers[name] else { return output }
        var state = State(stack: [context])
        program.steps.withUnsafeBufferPointer { steps in
            program.text.withUnsafeBufferPointer { text in
                let run = Run(program: program, steps: steps, text: text)
                run.render(program.templates[number], state: &state, into: &output)
            }
        }
        return output
    }

    /// One rendering, with the program's arrays pinned for the length of it.
    private struct Run {
        let program: TemplateProgram
        let steps: UnsafeBufferPointer<TemplateProgram.Step>
        let text: UnsafeBufferPointer<UInt8>

        func render(_ range: Range<Int>, state: inout State, into output: inout ByteBuffer) {
            var index = range.lowerBound
            while index < range.upperBound {
                let step = steps[index]
                index += 1
                switch step.kind {
                case .text:
                    output.appendBytes(UnsafeBufferPointer(rebasing: text[step.first..<step.first + step.second]))
                case .variable, .rawVariable:
                    let escaped = step.kind == .variable
                    if let name = program.plainNames[step.first] {
                        Self.writeField(name, from: state.stack, escaped: escaped, into: &output)
                    } else if let value = resolve(program.references[step.first], state) {
                        Self.write(value, escaped: escaped, into: &output)
                    }
                case .section, .invertedSection:
                    section(
                        program.references[step.first], index..<step.second, inverted: step.kind == .invertedSection,
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

        /// Writes the field `name` of the innermost value that has one, where it stands: copying the value out of
        /// its object retained it, and a page has hundreds of tags.
        private static func writeField(
            _ name: String, from stack: borrowing [TemplateValue], escaped: Bool, into output: inout ByteBuffer
        ) {
            var level = stack.count - 1
            while level >= 0, !writeField(name, of: stack[level], escaped: escaped, into: &output) { level -= 1 }
        }

        /// The field `name` of one value, written if it has one. A function of its own with the value borrowed:
        /// inlined into the loop above, the compiler copied each value it looked into.
        @inline(never)
        private static func writeField(
            _ name: String, of value: borrowing TemplateValue, escaped: Bool, into output: inout ByteBuffer
        ) -> Bool {
            switch value {
            case .object(let fields):
                guard let index = fields.index(of: name) else { return false }
                return fields.pairs.withUnsafeBufferPointer { pairs in
                    write(pairs[index].1, escaped: escaped, into: &output)
                    return true
                }
            default:
                return false
            }
        }

        @inline(__always)
        private static func write(_ value: borrowing TemplateValue, escaped: Bool, into output: inout ByteBuffer) {
            switch value {
            case .text(let string):
                if escaped {
                    HTML.appendEscaped(string, to: &output)
                } else {
                    HTML.append(string, to: &output)
                }
            case .utf8(let bytes): write(bytes, escaped: escaped, into: &output)
            case .int(let number): output.appendDecimal(number)
            case .bool(let flag): HTML.append(flag ? "true" : "false", to: &output)
            case .list, .object: break
            }
        }

        private static func write(_ bytes: [UInt8], escaped: Bool, into output: inout ByteBuffer) {
            bytes.withUnsafeBufferPointer { bytes in
                if escaped {
                    HTML.appendEscaped(bytes, to: &output)
                } else {
                    output.appendBytes(bytes)
                }
            }
        }

        private func section(
            _ reference: TemplateReference, _ body: Range<Int>, inverted: Bool, state: inout State,
            into output: inout ByteBuffer
        ) {
            let value = resolve(reference, state)
            if inverted {
                switch value {
                case .none, .bool(false): render(body, state: &state, into: &output)
                case .list(let items) where items.isEmpty: render(body, state: &state, into: &output)
                default: break
                }
                return
            }
            switch value {
            case .none, .bool(false):
                break
            case .bool(true):
                render(body, state: &state, into: &output)
            case .list(let items):
                let saved = state.position
                for (index, item) in items.enumerated() {
                    state.stack.append(item)
                    state.position = Position(index: index, count: items.count)
                    render(body, state: &state, into: &output)
                    state.stack.removeLast()
                }
                state.position = saved
            case .some(let item):
                let saved = state.position
                state.stack.append(item)
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

        private func resolve(_ reference: TemplateReference, _ state: State) -> TemplateValue? {
            var value: TemplateValue?
            if reference.isPosition {
                guard let position = state.position, let name = reference.transforms.first else { return nil }
                value = Self.positionTransform(name, position)
                for transform in reference.transforms.dropFirst() {
                    guard let current = value else { return nil }
                    value = Self.transform(transform, current)
                }
                return value
            }
            if reference.isDot {
                value = state.stack.last
            } else if reference.currentOnly {
                value = state.stack.last.flatMap { follow(reference.path[...], from: $0) }
            } else if let first = reference.path.first {
                // By index: copying each value of the stack to look into it would retain it.
                var level = state.stack.count - 1
                while level >= 0 {
                    if let found = state.stack[level].child(first) {
                        value = reference.path.count == 1 ? found : follow(reference.path.dropFirst(), from: found)
                        break
                    }
                    level -= 1
                }
            }
            for transform in reference.transforms {
                guard let current = value else { return nil }
                value = Self.transform(transform, current)
            }
            return value
        }

        private func follow(_ path: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
            var current = value
            for name in path {
                guard let next = current.child(name) else { return nil }
                current = next
            }
            return current
        }

        private static func positionTransform(_ name: String, _ position: Position) -> TemplateValue? {
            switch name {
            case "first": return .bool(position.index == 0)
            case "last": return .bool(position.index == position.count - 1)
            case "index": return .int(position.index)
            case "even": return .bool(position.index % 2 == 0)
            case "odd": return .bool(position.index % 2 == 1)
            default: return nil
            }
        }

        /// The transforms of swift-mustache that make sense here; an unknown one gives nothing.
        private static func transform(_ name: String, _ value: TemplateValue) -> TemplateValue? {
            switch (name, value) {
            case ("empty", .list(let items)): return .bool(items.isEmpty)
            case ("count", .list(let items)): return .int(items.count)
            case ("first", .list(let items)): return items.first
            case ("last", .list(let items)): return items.last
            case ("reversed", .list(let items)): return .list(items.reversed())
            case ("empty", .text(let text)): return .bool(text.isEmpty)
            case ("empty", .utf8(let bytes)): return .bool(bytes.isEmpty)
            case (_, .utf8(let bytes)): return transform(name, .text(String(decoding: bytes, as: UTF8.self)))
            case ("uppercased", .text(let text)): return .text(text.uppercased())
            case ("lowercased", .text(let text)): return .text(text.lowercased())
            case ("capitalized", .text(let text)): return .text(text.prefix(1).uppercased() + text.dropFirst())
            case ("plusone", .int(let number)): return .int(number + 1)
            case ("minusone", .int(let number)): return .int(number - 1)
            case ("equalzero", .int(let number)): return .bool(number == 0)
            case ("even", .int(let number)): return .bool(number % 2 == 0)
            case ("odd", .int(let number)): return .bool(number % 2 != 0)
            default: return nil
            }
        }
    }
}
