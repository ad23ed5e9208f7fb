import Foundation
import CCmarkGFM

/// A cmark-gfm syntax tree: owns the C pointers and frees them; nothing outside this folder sees them.
final class MarkdownDocument {
    fileprivate let root: OpaquePointer
    private let parser: OpaquePointer?

    /// cmark-gfm's extensions, registered exactly once, and whether a parser's inline pass must run alone. The
    /// library's own registration check is a plain flag: two threads that parse their first document at the same
    /// moment would both register, and the second registration renumbers the table node types under the first
    /// thread's parser (CI saw cmark abort on `b->flags & CMARK_NODE__OPEN`). A Swift static is initialised once,
    /// under a lock.
    static let parsesInlinesUnderLock: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return !shareTriggerCharacters()
    }()

    /// Registers cmark-gfm's extensions; parsing does it too, so calling this is only a way to pay for it early.
    static func registerExtensions() {
        _ = parsesInlinesUnderLock
    }

    /// The version of cmark-gfm the program runs with, such as `0.29.0.gfm.6`.
    static var libraryVersion: String { String(cString: cmark_version_string()) }

    /// The extensions every document is parsed with: GitHub's tables, strikethrough and autolinks, and the filter
    /// of raw HTML tags. Strikethrough is attached only to a text that has a `~` (see below): without one it can
    /// match nothing.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// Held while cmark parses the inlines of a text with a `~`, or of any text where the trigger characters could
    /// not be shared (see below).
    private static let inlinePass = NSLock()

    /// cmark-gfm 0.29.0.gfm.6 (Debian's) adds the extensions' trigger characters (`~` for strikethrough, `:` and
    /// `w` for autolinks) to one process-wide table when a parser starts its inline pass, and takes them out when
    /// it ends: a parser finishing on one thread made `~~barré~~` or `www.` links plain text on another. Parsing
    /// every text's inlines under one lock made the cores wait for each other a thousand times per 10,000 articles.
    ///
    /// - Autolinks find their addresses without the table's help once a parser stops at `:` and `w`: so these are
    ///   set here for good, and the autolink extension's list is freed, leaving it none to add or take out
    ///   (through the extension's record, which Debian's libcmark-gfm-dev installs; without it, the lock stays).
    /// - Strikethrough also finds itself through its list when it closes `~~`, so its list stays, and its `~` is
    ///   added and taken out as before. A text without a `~` does not need it and is parsed without it: such a
    ///   parser then never writes to the table, and reads nothing there that another can change. A text with a
    ///   `~` is parsed under the lock, with strikethrough: the only parsers that write are then one at a time.
    ///
    /// Done only where the table is shared. Strikethrough's `~` also counts as no character at all beside an
    /// emphasis mark, so `a*~b*` is emphasis only while `~` is in the table: a parser without extensions shows
    /// whether it sees the characters another parser set. A cmark-gfm that keeps the table in each parser is left
    /// as it is, and every inline pass keeps the lock. Returns whether the autolinks' characters are now shared.
    private static func shareTriggerCharacters() -> Bool {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return false }
        defer { cmark_parser_free(parser) }
        attachExtensions(to: parser, strikethrough: true)
        cmark_manage_extensions_special_characters(parser, 1)
        var shared = plainParserSeesTilde()
        if shared {
            shared = cmark_find_syntax_extension("autolink").map(dossier_free_special_inline_chars) ?? false
        }
        cmark_manage_extensions_special_characters(parser, 0)
        return shared
    }

    /// Whether a parser without extensions reads `a*~b*` as emphasis (see above).
    private static func plainParserSeesTilde() -> Bool {
        let probe = "a*~b*"
        guard let html = cmark_markdown_to_html(probe, probe.utf8.count, CMARK_OPT_DEFAULT) else { return false }
        defer { free(html) }
        return String(cString: html).contains("<em>")
    }

    private static func attachExtensions(to parser: OpaquePointer, strikethrough: Bool) {
        for name in extensionNames where strikethrough || name != "strikethrough" {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
    }

    /// Parses CommonMark with GitHub's tables, strikethrough and autolinks (raw HTML is never passed through).
    convenience init(markdown: String) { self.init(markdown: markdown[...]) }

    /// The same from a slice of a text, such as an article's body after its front matter.
    init(markdown: Substring) {
        Self.registerExtensions()
        var text = markdown
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        let alone = text.withUTF8 { bytes in
            let alone = Self.parsesInlinesUnderLock || bytes.contains(UInt8(ascii: "~"))
            Self.attachExtensions(to: parser, strikethrough: alone)
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
            return alone
        }
        if alone {
            self.root = Self.inlinePass.withLock { cmark_parser_finish(parser) }
        } else {
            self.root = cmark_parser_finish(parser)
        }
        self.parser = parser
        dropUnsafeImages()
    }

    /// Builds a tree from plain-text blocks: nothing in them is read as markup.
    init(plain blocks: [PlainBlock]) {
        let root = cmark_node_new(CMARK_NODE_DOCUMENT)!
        for block in blocks {
            let node: OpaquePointer
            switch block.kind {
            case .paragraph:
                node = cmark_node_new(CMARK_NODE_PARAGRAPH)!
            case .heading:
                node = cmark_node_new(CMARK_NODE_HEADING)!
                cmark_node_set_heading_level(node, 2)
            }
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            _ = block.text.withCString { cmark_node_set_literal(text, $0) }
            cmark_node_append_child(node, text)
            cmark_node_append_child(root, node)
        }
        self.root = root
        self.parser = nil
    }

    deinit {
        cmark_node_free(root)
        if let parser { cmark_parser_free(parser) }
    }

    var rootNode: MarkdownNode { MarkdownNode(pointer: root) }

    /// The HTML of the body, in UTF-8 bytes; unsafe links (`javascript:`…) and raw HTML are dropped by cmark's safe
    /// mode. cmark-gfm writes valid UTF-8 from the valid text it was given, and an article's HTML goes to its page
    /// as bytes, so no `String` is made (and checked) of it.
    func html() -> [UInt8] {
        let extensions = parser.flatMap { cmark_parser_get_syntax_extensions($0) }
        guard let buffer = cmark_render_html(root, CMARK_OPT_DEFAULT, extensions) else { return [] }
        defer { free(buffer) }
        let count = strlen(buffer)
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) {
            Array(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// An image whose address is neither relative nor http(s) becomes its alt text: cmark's safe mode lets
    /// `data:image/png` through, and leaves `<img src="">` for `javascript:` and the like.
    private func dropUnsafeImages() {
        var images: [MarkdownNode] = []
        rootNode.collect(type: .image, into: &images)
        for image in images {
            let address = cmark_node_get_url(image.pointer).map { String(cString: $0) } ?? ""
            guard !Self.isWebOrRelative(address) else { continue }
            while let child = cmark_node_first_child(image.pointer) { cmark_node_insert_before(image.pointer, child) }
            cmark_node_unlink(image.pointer)
            cmark_node_free(image.pointer)
        }
    }

    /// `photo.jpg`, `../a.png`, `https://…`: no scheme, or http(s). A colon after a `/`, `?` or `#` is no scheme.
    static func isWebOrRelative(_ address: String) -> Bool {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = trimmed.firstIndex(of: ":") else { return true }
        let scheme = trimmed[..<colon]
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return ["http", "https"].contains(scheme.lowercased())
    }

    /// Headings one level down, so the page title stays the only `<h1>`.
    func demoteHeadings() {
        var headings: [MarkdownNode] = []
        rootNode.collect(type: .heading, into: &headings)
        for heading in headings {
            cmark_node_set_heading_level(heading.pointer, min(cmark_node_get_heading_level(heading.pointer) + 1, 6))
        }
    }
}

/// A borrowed node of a `MarkdownDocument`; valid while the document lives.
struct MarkdownNode {
    enum Kind {
        case paragraph, heading, text, softBreak, lineBreak, code, htmlInline, link, image, customInline
        /// Any other block (lists, quotes, tables…) or inline (emphasis, strikethrough…).
        case block, inline
    }

    fileprivate let pointer: OpaquePointer

    var kind: Kind {
        let type = cmark_node_get_type(pointer)
        switch type {
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        default: return type.rawValue & 0xC000 == 0xC000 ? .inline : .block
        }
    }

    var isInline: Bool { cmark_node_get_type(pointer).rawValue & 0xC000 == 0xC000 }

    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }

    var literal: String {
        cmark_node_get_literal(pointer).map { String(cString: $0) } ?? ""
    }

    /// Appends the literal's UTF-8 bytes as cmark holds them, without making a String of them first.
    func appendLiteral(to bytes: inout [UInt8]) {
        guard let literal = cmark_node_get_literal(pointer) else { return }
        let count = strlen(literal)
        literal.withMemoryRebound(to: UInt8.self, capacity: count) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
        }
    }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.next
        }
        return result
    }

    /// The nodes of a type at or below this one, in document order. Runs over every Markdown article: it walks
    /// the C pointers without an array of children per node, and a search for a block (a heading) does not go
    /// into inlines, where no block can be.
    fileprivate func collect(type: Kind, into nodes: inout [MarkdownNode]) {
        if kind == type { nodes.append(self) }
        let blocksOnly = type == .paragraph || type == .heading || type == .block
        var child = cmark_node_first_child(pointer)
        while let current = child {
            let node = MarkdownNode(pointer: current)
            if !(blocksOnly && node.isInline) { node.collect(type: type, into: &nodes) }
            child = cmark_node_next(current)
        }
    }

    /// Replaces this run of sibling nodes (`self` first, `count` in all) with new pieces.
    func replaceRun(count: Int, with pieces: MarkdownPieces) {
        pieces.bytes.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { strings in
                func string(_ text: MarkdownPieces.Text) -> UnsafePointer<CChar> { strings.baseAddress! + text.start }
                for piece in pieces.pieces {
                    switch piece {
                    case .text(let text):
                        insertBefore(Self.textNode(string(text)))
                    case .wrapped(let text, let opening, let closing, let href):
                        let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                        cmark_node_set_on_enter(custom, string(opening))
                        cmark_node_set_on_exit(custom, string(closing))
                        cmark_node_append_child(custom, Self.textNode(string(text)))
                        if insertBefore(custom) { continue }
                        // cmark-gfm's table cells refuse custom inlines: there a plain link keeps the name and where
                        // it leads (without the mention's class) rather than losing both.
                        let link = cmark_node_new(CMARK_NODE_LINK)!
                        cmark_node_set_url(link, string(href))
                        cmark_node_append_child(link, Self.textNode(string(text)))
                        if !insertBefore(link) { insertBefore(Self.textNode(string(text))) }
                    }
                }
            }
        }
        var doomed: [OpaquePointer] = [pointer]
        var cursor = pointer
        for _ in 1..<max(count, 1) {
            guard let following = cmark_node_next(cursor) else { break }
            doomed.append(following)
            cursor = following
        }
        for node in doomed {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }
}

extension MarkdownNode {
    private static func textNode(_ text: UnsafePointer<CChar>) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        return node
    }

    /// Puts a new node before this one; a node the parent refuses is freed, not leaked, and false is returned.
    @discardableResult
    private func insertBefore(_ node: OpaquePointer) -> Bool {
        if cmark_node_insert_before(pointer, node) != 0 { return true }
        cmark_node_free(node)
        return false
    }
}

/// What runs of text become after linking: text, or text wrapped in trusted markup (a link). Their strings are
/// written end to end into one buffer, each ended by a NUL, and handed to cmark-gfm (which copies them) from
/// there: a mention cost a String for each of its parts, and the strings were only ever copied again.
struct MarkdownPieces {
    /// A string written into the pieces' buffer.
    struct Text {
        fileprivate let start: Int
    }

    fileprivate enum Piece {
        case text(Text)
        /// `opening` and `closing` are emitted verbatim: they must be built from escaped values only. `href` (not
        /// escaped) is the link's target where the markup cannot go.
        case wrapped(Text, opening: Text, closing: Text, href: Text)
    }

    fileprivate private(set) var bytes: [UInt8] = []
    fileprivate private(set) var pieces: [Piece] = []

    /// Empties the pieces, keeping their storage for the next run.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        pieces.removeAll(keepingCapacity: true)
    }

    /// A string of UTF-8 bytes that `write` appends, for `append`: the bytes must hold no NUL (a NUL would end the
    /// string there, as it does when cmark-gfm is handed a Swift String).
    mutating func text(_ write: (inout [UInt8]) -> Void) -> Text {
        let start = bytes.count
        write(&bytes)
        bytes.append(0)
        return Text(start: start)
    }

    mutating func append(text: Text) { pieces.append(.text(text)) }

    mutating func append(wrapped text: Text, opening: Text, closing: Text, href: Text) {
        pieces.append(.wrapped(text, opening: opening, closing: closing, href: href))
    }
}
