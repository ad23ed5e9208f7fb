/// A name in a tag: `title`, `entity.name`, `.` (the current value), with transforms such as
/// `empty(members)` or `first()` (the position in the list being shown).
struct TemplateReference: Sendable, Hashable {
    /// Empty for `.`; a leading `.` in the tag (`.name`) looks in the current value only.
    var path: [String]
    var currentOnly: Bool
    /// Applied in this order: `a(b(name))` is `[b, a]`.
    var transforms: [String]
    /// `first()`: a transform of the list position, not of a value.
    var isPosition: Bool { path.isEmpty && !transforms.isEmpty && !isDot }
    var isDot: Bool
}

/// A compiled template: text and tags as a tree, parsed once and rendered for every page.
indirect enum TemplateNode: Sendable {
    /// Text between tags, as the UTF-8 bytes it is copied as.
    case text([UInt8])
    case variable(TemplateReference, escaped: Bool)
    case section(TemplateReference, [TemplateNode], inverted: Bool)
    case partial(String)
    /// `{{<parent}}…{{/parent}}`: the parent template with these blocks overridden.
    case parent(String, blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`: replaced by an override from an inheriting template, if any.
    case block(String, [TemplateNode])
}
