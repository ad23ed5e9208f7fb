/// A value a template can show: the page views' dictionaries converted once per page, so that rendering
/// looks names up in typed values instead of casting `Any` at every tag.
enum TemplateValue: Sendable {
    case text(String)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateFields)

    static func object(_ fields: [String: TemplateValue]) -> TemplateValue { .object(TemplateFields(fields)) }

    /// Converts what the views build: strings, numbers, booleans, arrays and `[String: Any]`. Anything else is
    /// shown as its description; `nil` inside an optional is left out.
    init?(_ any: Any) {
        switch any {
        case let value as TemplateValue: self = value
        case let text as String: self = .text(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let fields as TemplateFields: self = .object(fields)
        case let fields as [String: Any]: self = .object(fields.compactMapValues(TemplateValue.init))
        // The views' own list types first: casting them to [Any] would convert every element.
        case let items as [[String: Any]]: self = .list(items.map { .object($0.compactMapValues(TemplateValue.init)) })
        case let items as [String]: self = .list(items.map(TemplateValue.text))
        case let items as [TemplateValue]: self = .list(items)
        case let items as [Any]: self = .list(items.compactMap(TemplateValue.init))
        case let optional as OptionalValue:
            guard let wrapped = optional.wrapped, let value = TemplateValue(wrapped) else { return nil }
            self = value
        case let text as Substring: self = .text(String(text))
        default: self = .text(String(describing: any))
        }
    }

    /// A field of an object; nothing for other values.
    func child(_ name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    /// Reads or sets a field of an object (setting on another value does nothing).
    subscript(name: String) -> TemplateValue? {
        get { child(name) }
        set {
            guard case .object(var fields) = self else { return }
            fields[name] = newValue
            self = .object(fields)
        }
    }
}

/// Lets `TemplateValue.init` see through an `Optional` stored in an `Any`.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}

/// An object's fields, in the order they were set, as two parallel arrays: templates look a name up in a handful
/// of fields, and comparing short strings beats hashing them (a lookup climbs several objects for every tag of a
/// page); the names are searched apart from the values so that the search copies (and retains) no value.
struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral {
    private(set) var names: [String] = []
    private(set) var values: [TemplateValue] = []

    init() {}

    init(_ fields: [String: TemplateValue]) {
        names.reserveCapacity(fields.count)
        values.reserveCapacity(fields.count)
        for (name, value) in fields {
            names.append(name)
            values.append(value)
        }
    }

    /// Fields written out by the views, each name once.
    init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(pairs: elements) }

    init(pairs: [(String, TemplateValue)]) {
        names.reserveCapacity(pairs.count + 4)
        values.reserveCapacity(pairs.count + 4)
        for (name, value) in pairs {
            names.append(name)
            values.append(value)
        }
    }

    subscript(name: String) -> TemplateValue? {
        get { names.firstIndex(of: name).map { values[$0] } }
        set {
            if let index = names.firstIndex(of: name) {
                if let newValue {
                    values[index] = newValue
                } else {
                    names.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// The fields as a dictionary, for tests.
    var dictionary: [String: TemplateValue] { Dictionary(uniqueKeysWithValues: zip(names, values)) }
}

// Literals, so that the views write their fields as `["count": .int(n), "gap": true]`.
extension TemplateValue: ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) { self = .object(TemplateFields(pairs: elements)) }
}
