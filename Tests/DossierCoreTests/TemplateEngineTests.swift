import DossierTemplates
import Foundation
import Mustache
import Testing

@testable import DossierCore

/// Renders `template` with our engine from the given sources.
private func render(_ sources: [String: String], _ template: String, _ context: [String: Any]) throws -> String {
    var compiled: [String: [TemplateNode]] = [:]
    for (name, source) in sources { compiled[name] = try TemplateParser.parse(source) }
    return TemplateRenderer(templates: compiled).render(template, context: PageContext(testContext: context))
}

/// Text handed to a test's context as UTF-8 bytes, as the views hand over an article's HTML.
private struct UTF8Text {
    var bytes: [UInt8]
    init(_ text: String) { bytes = Array(text.utf8) }
}

extension PageContext {
    /// The tests write contexts as `[String: Any]` literals: strings, numbers, booleans, arrays and dictionaries.
    /// `nil` inside an optional is left out; anything else is shown as its description.
    fileprivate init(testContext fields: [String: Any]) {
        self.init { context in
            for (name, value) in fields {
                if let value = context.testValue(value) { context.set(named: name, value) }
            }
        }
    }

    fileprivate mutating func testValue(_ any: Any) -> Int32? {
        switch any {
        case let text as UTF8Text: return text.bytes.withUnsafeBufferPointer { utf8($0) }
        case let text as String: return self.text(text)
        case let flag as Bool: return bool(flag)
        case let number as Int: return int(number)
        case let fields as [String: Any]:
            return object { context in
                for (name, value) in fields {
                    if let value = context.testValue(value) { context.set(named: name, value) }
                }
            }
        case let items as [Any]:
            return list { context in
                for item in items {
                    if let value = context.testValue(item) { context.item(value) }
                }
            }
        default:
            let mirror = Mirror(reflecting: any)
            guard mirror.displayStyle == .optional else { return text(String(describing: any)) }
            guard let wrapped = mirror.children.first?.value else { return nil }
            return testValue(wrapped)
        }
    }
}

@Suite("Template engine: Mustache as the templates use it")
struct TemplateEngineTests {
    @Test("Variables are escaped, triple braces and & are not, missing names are empty")
    func variables() throws {
        let output = try render(
            ["t": "{{a}}|{{{a}}}|{{&a}}|{{missing}}|{{n}}|{{b}}"], "t", ["a": "<b>&\"'</b>", "n": 3, "b": true])
        #expect(output == "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;|<b>&\"'</b>|<b>&\"'</b>||3|true")
    }

    @Test("Text held as UTF-8 bytes (an article's HTML) renders as text does, in a name, a dotted name and a section")
    func textAsBytes() throws {
        let html = UTF8Text("<p>l’<em>EI</em> & Alep</p>")
        let output = try render(
            ["t": "{{a}}|{{{a}}}|{{&a}}|{{o.a}}|{{{o.a}}}|{{#a}}[{{.}}]{{/a}}|{{uppercased(e)}}|{{empty(a)}}{{empty(z)}}"],
            "t", ["a": html, "o": ["a": html], "e": UTF8Text("état"), "z": UTF8Text("")])
        #expect(
            output == "&lt;p&gt;l’&lt;em&gt;EI&lt;/em&gt; &amp; Alep&lt;/p&gt;|<p>l’<em>EI</em> & Alep</p>"
                + "|<p>l’<em>EI</em> & Alep</p>|&lt;p&gt;l’&lt;em&gt;EI&lt;/em&gt; &amp; Alep&lt;/p&gt;"
                + "|<p>l’<em>EI</em> & Alep</p>|[&lt;p&gt;l’&lt;em&gt;EI&lt;/em&gt; &amp; Alep&lt;/p&gt;]|ÉTAT|falsetrue")
    }

    @Test("Names longer than sixteen bytes that differ only past the sixteenth are told apart, in both orders")
    func longNames() throws {
        let source = "{{abcdefghijklmnop_x}}|{{abcdefghijklmnop_y}}|{{#o}}{{abcdefghijklmnop_x}}{{/o}}|{{abcdefghijklmnop}}"
        let output = try render(
            ["t": source], "t",
            ["abcdefghijklmnop_y": "Y", "abcdefghijklmnop_x": "X", "o": ["abcdefghijklmnop_z": "Z"], "abcdefghijklmnop": "P"])
        #expect(output == "X|Y|X|P")
    }

    @Test("Sections iterate lists, enter objects, test booleans; inverted sections render for empty and missing")
    func sections() throws {
        let source = "{{#list}}[{{name}}]{{/list}}{{#object}}<{{name}}>{{/object}}{{#yes}}Y{{/yes}}{{#no}}N{{/no}}"
            + "{{^empty}}E{{/empty}}{{^missing}}M{{/missing}}{{^list}}L{{/list}}"
        let output = try render(
            ["t": source], "t",
            ["list": [["name": "a"], ["name": "b"]], "object": ["name": "o"], "yes": true, "no": false, "empty": [Any]()])
        #expect(output == "[a][b]<o>YEM")
    }

    @Test("Names are found in outer values, dotted names go inside, `.` is the current value")
    func lookups() throws {
        let output = try render(
            ["t": "{{#items}}{{.}}:{{root}}:{{page.title}} {{/items}}{{#page}}{{.title}}{{.root}}{{/page}}"], "t",
            ["items": ["x", "y"], "root": "../", "page": ["title": "T"]])
        #expect(output == "x:../:T y:../:T T")
    }

    @Test("`first()`, `last()` answer the position in a list; `empty(list)` and `count(list)` test a list")
    func transforms() throws {
        let output = try render(
            ["t": "{{#l}}{{#first()}}({{/first()}}{{.}}{{^last()}}, {{/last()}}{{#last()}}){{/last()}}{{/l}} {{count(l)}}{{^empty(l)}}!{{/empty(l)}}"],
            "t", ["l": ["a", "b", "c"]])
        #expect(output == "(a, b, c) 3!")
    }

    @Test("A tag alone on its line takes the line with it; a variable does not")
    func standaloneLines() throws {
        let output = try render(["t": "<ul>\n{{#l}}\n  <li>{{.}}</li>\n{{/l}}\n</ul>\n{{! note }}\n{{v}}\n"], "t", ["l": ["a"], "v": "x"])
        #expect(output == "<ul>\n  <li>a</li>\n</ul>\nx\n")
    }

    @Test("Inheritance: blocks override the parent's defaults; the outermost override wins; partials see the context")
    func inheritance() throws {
        let sources = [
            "layout": "<title>{{$title}}Default{{/title}}</title>{{$content}}{{/content}}{{>footer}}",
            "page": "{{<layout}}{{$title}}Page {{name}}{{/title}}{{$content}}<p>{{name}}</p>{{/content}}{{/layout}}",
            "item": "{{<layout}}{{$content}}item{{/content}}{{/layout}}",
            "footer": "<footer>{{name}}</footer>",
        ]
        #expect(try render(sources, "page", ["name": "N"]) == "<title>Page N</title><p>N</p><footer>N</footer>")
        #expect(try render(sources, "item", ["name": "I"]) == "<title>Default</title>item<footer>I</footer>")
    }

    @Test("A partial that includes itself stops instead of overflowing the stack")
    func recursivePartial() throws {
        let output = try render(["t": "x{{>t}}"], "t", [:])
        #expect(output == String(repeating: "x", count: TemplateRenderer.maximumDepth + 1))
    }

    @Test(
        "Syntax errors name the line and column of the tag",
        arguments: [
            ("a\n{{#list}}\nb", "`list` is never closed (`{{/list}}`)", 2, 1),
            ("a {{/list}}", "`{{/list}}` closes a section that was never opened", 1, 3),
            ("{{#a}}\n  {{/b}}", "`{{/b}}` does not close `a`, opened on line 1", 2, 3),
            ("x\ny {{name", "`{{` is never closed by `}}`", 2, 3),
            ("{{=<% %>=}}", "changing the delimiters (`{{=…=}}`) is not supported", 1, 1),
            ("é {{ }}", "the tag has no name", 1, 3),
        ])
    func syntaxErrors(source: String, message: String, line: Int, column: Int) {
        #expect(throws: TemplateParser.SyntaxError(message: message, line: line, column: column)) {
            try TemplateParser.parse(source)
        }
    }
}

@Suite("Template engine: the same pages as the reference Mustache implementation")
struct TemplateEngineReferenceTests {
    /// Every page context of a built dossier, rendered with our engine and with swift-mustache.
    private func compare(_ folder: URL) throws {
        let report = try DossierBuilder.build(folder: folder)
        let site = try #require(report.site)
        let templateFolder = try #require(BundledTemplates.folder)
        var sources: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: templateFolder.path) where name.hasSuffix(".mustache") {
            sources[String(name.dropLast(".mustache".count))] = try String(
                contentsOf: templateFolder.appendingPathComponent(name), encoding: .utf8)
        }
        var compiled: [String: [TemplateNode]] = [:]
        var reference: [String: MustacheTemplate] = [:]
        for (name, source) in sources {
            compiled[name] = try TemplateParser.parse(source)
            reference[name] = try MustacheTemplate(string: source)
        }
        let ours = TemplateRenderer(templates: compiled)
        let theirs = MustacheLibrary(templates: reference)
        let views = PageViews(site: site)
        var pages: [(String, PageContext)] = [("index", views.index()), ("timeline", views.timeline())]
        pages += site.articles.indices.map { ("article", views.article($0)) }
        for kind in site.registry.kinds where !views.entities(of: kind).isEmpty {
            pages.append(("kind", views.kind(kind)))
            pages += views.entities(of: kind).map { ("entity", views.entity($0)) }
        }
        if let map = views.map() { pages.append(("map", map)) }
        pages.append(("404", views.notFound()))
        var differing: [String] = []
        for (template, context) in pages {
            let plain = Self.plain(context)
            let expected = theirs.render(plain, withTemplate: template) ?? "<nothing>"
            if String(decoding: ours.renderBytes(template, context: context).array, as: UTF8.self) != expected {
                differing.append("\(template): \((plain as? [String: Any])?["page"].map { "\($0)" }?.prefix(80) ?? "")")
            }
        }
        #expect(pages.count > 30)
        #expect(differing.isEmpty, "\(differing.count) pages differ, e.g. \(differing.prefix(3))")
    }

    /// A page's context as swift-mustache reads it: dictionaries, arrays, strings, numbers and booleans.
    static func plain(_ context: PageContext, node: Int32? = nil) -> Any {
        let node = context.nodes[Int(node ?? context.root)]
        switch node.kind {
        case .text:
            return String(decoding: context.bytes[node.first..<node.first + Int(node.count)], as: UTF8.self)
        case .int: return node.first
        case .bool: return node.first != 0
        case .list: return context.items[node.first..<node.first + Int(node.count)].map { plain(context, node: $0) }
        case .object:
            var fields: [String: Any] = [:]
            for field in context.fields[node.first..<node.first + Int(node.count)] {
                fields[context.name(of: field)] = plain(context, node: field.value)
            }
            return fields
        }
    }

    @Test("The seed site, page by page")
    func seeds() throws { try compare(TestSupport.seeds) }

    @Test("The linking corpus (37 articles, 208 entities), page by page")
    func corpus() throws { try compare(TestSupport.fixture("linking")) }
}

@Suite("Template overrides: a misspelt partial is an error, not a silent gap")
struct TemplatePartialTests {
    @Test("`{{>artcle-meta}}` in a dossier's own template is an error naming the file, with the name it meant")
    func unknownPartial() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("dossier")
        try FileManager.default.copyItem(at: TestSupport.seeds, to: folder)
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{<layout}}{{$content}}<p>{{>artcle-meta}}</p>{{/content}}{{/layout}}\n"
            .write(to: templates.appendingPathComponent("article.mustache"), atomically: true, encoding: .utf8)
        let report = try DossierBuilder.build(folder: folder)
        let problem = try #require(report.diagnostics.first { $0.code == "template-partial-unknown" })
        #expect(problem.file?.value == "templates/article.mustache")
        #expect(problem.message == "the template asks for `artcle-meta`, which is no template")
        #expect(problem.suggestion == "did you mean `article-meta`?")
        #expect(report.files.isEmpty)
    }

    @Test("a partial named like no template gets the list of templates, not a far-fetched guess")
    func farPartial() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("dossier")
        try FileManager.default.copyItem(at: TestSupport.seeds, to: folder)
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{<layout}}{{$content}}{{>sidebar}}{{/content}}{{/layout}}\n"
            .write(to: templates.appendingPathComponent("article.mustache"), atomically: true, encoding: .utf8)
        let report = try DossierBuilder.build(folder: folder)
        let problem = try #require(report.diagnostics.first { $0.code == "template-partial-unknown" })
        let suggestion = try #require(problem.suggestion)
        #expect(suggestion.hasPrefix("templates: 404, article, article-item, article-meta,"))
        #expect(!suggestion.contains("did you mean"))
    }
}

@Suite("HTML escaping on bytes")
struct HTMLEscapingTests {
    @Test("Every special character is escaped wherever it falls in a block of eight bytes, nothing else changes")
    func specialCharactersAtEveryOffset() {
        let texts = TestSupport.textsAround(
            ["&", "<", ">", "\"", "'"], alphabet: "abcdéÉ’ 0&<>\"'\u{00A0}\u{1F600}\u{7F}\u{01}", seed: 0x26)
        for text in texts {
            var output: [UInt8] = []
            HTML.appendEscaped(text, to: &output)
            // `HTML.escape` goes one character at a time: what the eight-bytes-at-a-time path must give.
            #expect(String(decoding: output, as: UTF8.self) == HTML.escape(text), "\(text.debugDescription)")
        }
    }

    @Test("A page buffer gives back every byte written to it, in order, however often it grew")
    func pageBufferKeepsEveryByte() {
        var random = SplitMix(seed: 0xB0F)
        for _ in 0..<50 {
            var buffer = ByteBuffer(capacity: random.next(100))
            var expected: [UInt8] = []
            for _ in 0..<random.next(400) {
                let chunk = (0..<random.next(300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                chunk.withUnsafeBufferPointer { buffer.appendBytes($0) }
                expected += chunk
                if random.next(10) == 0 {
                    let text = "l’<EI> & d’Alep"
                    HTML.appendEscaped(text, to: &buffer)
                    HTML.appendEscaped(text, to: &expected)
                }
            }
            #expect(buffer.count == expected.count)
            #expect(buffer.array == expected)
            #expect(buffer.data() == Data(expected))
        }
    }

    @Test("A number is written in decimal as String(number) writes it, on either side of its fast paths")
    func decimals() {
        let numbers = [Int.min, -100, -10, -9, -1] + Array(0...120) + [999, 1_000, 123_456_789, Int.max]
        for number in numbers {
            var array: [UInt8] = []
            array.appendDecimal(number)
            var buffer = ByteBuffer(capacity: 1)
            buffer.appendDecimal(number)
            #expect(String(decoding: array, as: UTF8.self) == String(number))
            #expect(buffer.array == array)
        }
    }
}
