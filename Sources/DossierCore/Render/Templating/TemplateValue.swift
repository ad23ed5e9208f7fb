/// A value a template can show, as the page views build it: rendering looks names up in typed values.
enum TemplateValue: Sendable {
    case text(String)
    /// Text as UTF-8 bytes, as the Markdown renderer gave it (an article's body): written as it is, never made a
    /// `String`.
    case utf8([UInt8])
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateFields)

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

/// An object's fields, in the order they were set, as one array of pairs: templates look a name up in a handful of
/// fields, and comparing short strings beats hashing them (a lookup climbs several objects for every tag of a page).
/// One array, and for fields written as a literal the literal's own array: a page builds hundreds of objects, and
/// each array is an allocation.
struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral {
    private(set) var pairs: [(String, TemplateValue)] = []

    init() {}

    /// Fields written out by the views, each name once.
    init(dictionaryLiteral elements: (String, TemplateValue)...) { pairs = elements }

    init(pairs: [(String, TemplateValue)]) { self.pairs = pairs }

    subscript(name: String) -> TemplateValue? {
        get { index(of: name).map { pairs[$0].1 } }
        set {
            if let index = index(of: name) {
                if let newValue {
                    pairs[index].1 = newValue
                } else {
                    pairs.remove(at: index)
                }
            } else if let newValue {
                pairs.append((name, newValue))
            }
        }
    }

    /// Where the field `name` is. Lengths are compared first: two strings of different bytes that are not the
    /// same string in memory are compared by a call into the standard library, and most names a lookup meets on
    /// its way are not the one it looks for.
    @inline(__always)
    func index(of name: String) -> Int? {
        let length = name.utf8.count
        return pairs.withUnsafeBufferPointer { pairs in
            pairs.firstIndex { $0.0.utf8.count == length && $0.0 == name }
        }
    }

    /// The fields as a dictionary, for tests.
    var dictionary: [String: TemplateValue] { Dictionary(uniqueKeysWithValues: pairs) }
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
