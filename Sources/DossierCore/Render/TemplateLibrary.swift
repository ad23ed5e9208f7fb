import DossierTemplates
import Foundation

/// The Mustache templates and static assets: the built-in ones, overridden file by file by the dossier's `templates/`.
struct TemplateLibrary: Sendable {
    /// The compiled templates by name (`article`, `layout`, `article-item`…).
    let templates: [String: [TemplateNode]]
    /// Asset files by their path under `assets/`.
    let assets: [(path: String, data: Data)]
    /// The templates compiled for rendering, once for every page.
    let renderer: TemplateRenderer

    init(templates: [String: [TemplateNode]], assets: [(path: String, data: Data)]) {
        self.templates = templates
        self.assets = assets
        self.renderer = TemplateRenderer(templates: templates)
    }

    static let requiredTemplates = ["layout", "index", "article", "entity", "kind", "timeline", "map", "404", "search"]

    /// Loads every template; syntax errors become diagnostics with the template's file, line and column.
    static func load(overrides: URL?, diagnostics: inout [Diagnostic]) throws -> TemplateLibrary {
        guard let builtIn = BundledTemplates.folder else { throw DossierError.templatesMissing }
        var sources: [String: (url: URL, display: String)] = [:]
        var assetFiles: [String: URL] = [:]
        for (folder, display) in [(builtIn, "<built-in templates>"), (overrides, "templates")] {
            guard let folder else { continue }
            for relative in files(under: folder) {
                let url = folder.appendingPathComponent(relative)
                if relative.hasPrefix("assets/") {
                    assetFiles[String(relative.dropFirst("assets/".count))] = url
                } else if relative.hasSuffix(".mustache") {
                    sources[String(relative.dropLast(".mustache".count))] = (url, "\(display)/\(relative)")
                }
            }
        }
        var templates: [String: [TemplateNode]] = [:]
        var texts: [String: String] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let file = SourcePath(source.display)
            guard let data = FileManager.default.contents(atPath: source.url.path),
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(.error("template-unreadable", "cannot read the template as UTF-8 text", file: file))
                continue
            }
            texts[name] = text
            do {
                templates[name] = try TemplateParser.parse(text)
            } catch {
                let line = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .dropFirst(error.line - 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                let isPath = error.code == "template-partial-path"
                diagnostics.append(
                    .error(error.code, isPath ? error.message : "template syntax error: \(error.message)", file: file,
                        line: error.line, column: error.column,
                        suggestion: isPath
                            ? "name a template of the dossier's templates/ folder or the built-in ones, e.g. {{> article-item}}"
                            : "check the tag near: \(line)"))
            }
        }
        for name in requiredTemplates where sources[name] == nil {
            diagnostics.append(.error("template-missing", "the template `\(name).mustache` is missing"))
        }
        // A partial that does not exist would render as nothing: a misspelt name must not silently drop a block.
        for (name, nodes) in templates.sorted(by: { $0.key < $1.key }) {
            // A template that failed to parse was reported already: the templates that include it are not wrong.
            for partial in Self.partials(in: nodes) where sources[partial] == nil {
                let known = sources.keys.sorted()
                // A near miss gets a "did you mean"; a name like no template gets the list of them.
                let closest = NameDistance.closest(to: partial, in: known, limit: 3)
                let position = Self.position(ofPartial: partial, in: texts[name] ?? "")
                diagnostics.append(
                    .error("template-partial-unknown", "the template asks for `\(partial)`, which is no template",
                        file: SourcePath(sources[name]!.display), line: position?.line, column: position?.column,
                        suggestion: closest.map { "did you mean `\($0)`?" } ?? "templates: \(known.joined(separator: ", "))"))
            }
        }
        let assets = assetFiles.sorted { $0.key < $1.key }.compactMap { path, url in
            FileManager.default.contents(atPath: url.path).map { (path: path, data: $0) }
        }
        return TemplateLibrary(templates: templates, assets: assets)
    }

    /// The names of the partials and parents a template includes, anywhere in it, in order, once each.
    private static func partials(in nodes: [TemplateNode]) -> [String] {
        var names: [String] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let name): if !names.contains(name) { names.append(name) }
                case .parent(let name, let blocks):
                    if !names.contains(name) { names.append(name) }
                    for (_, content) in blocks.sorted(by: { $0.key < $1.key }) { walk(content) }
                case .section(_, let children, _), .block(_, let children): walk(children)
                case .text, .variable: break
                }
            }
        }
        walk(nodes)
        return names
    }

    /// Where a template first includes a partial (`{{> name}}` or `{{< name}}`), for the diagnostic; the
    /// parsed nodes keep no positions, and this runs only when something is wrong.
    private static func position(ofPartial partial: String, in text: String) -> (line: Int, column: Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = line[open.upperBound...]
                if let sigil = afterOpen.first, sigil == ">" || sigil == "<",
                    let close = afterOpen.range(of: "}}"),
                    afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound]
                        .trimmingCharacters(in: .whitespaces) == partial
                {
                    return (index + 1, line.distance(from: line.startIndex, to: open.lowerBound) + 1)
                }
                rest = line[open.upperBound...]
            }
        }
        return nil
    }

    /// A page's bytes, from the context its view built.
    func render(_ context: PageContext, template: String) -> Data {
        renderer.renderBytes(template, context: context).data()
    }

    private static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            {
                result.append(path)
            }
        }
        return result.sorted()
    }
}
