import DossierTemplates
import Foundation

/// The Mustache templates and static assets: the built-in ones, overridden file by file by the dossier's `templates/`.
struct TemplateLibrary: Sendable {
    /// The compiled templates by name (`article`, `layout`, `article-item`…).
    let templates: [String: [TemplateNode]]
    /// Asset files by their path under `assets/`.
    let assets: [(path: String, data: Data)]

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
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let file = SourcePath(source.display)
            guard let data = FileManager.default.contents(atPath: source.url.path),
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(.error("template-unreadable", "cannot read the template as UTF-8 text", file: file))
                continue
            }
            do {
                templates[name] = try TemplateParser.parse(text)
            } catch {
                let line = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .dropFirst(error.line - 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                diagnostics.append(
                    .error("template-syntax", "template syntax error: \(error.message)", file: file, line: error.line,
                        column: error.column, suggestion: "check the tag near: \(line)"))
            }
        }
        for name in requiredTemplates where sources[name] == nil {
            diagnostics.append(.error("template-missing", "the template `\(name).mustache` is missing"))
        }
        // A partial that does not exist would render as nothing: a misspelt name must not silently drop a block.
        for (name, nodes) in templates.sorted(by: { $0.key < $1.key }) {
            for partial in Self.partials(in: nodes) where templates[partial] == nil {
                let known = templates.keys.sorted()
                let closest = known.min { Self.distance($0, partial) < Self.distance($1, partial) }
                diagnostics.append(
                    .error("template-partial-unknown", "the template asks for `\(partial)`, which is no template",
                        file: SourcePath(sources[name]!.display),
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

    /// Edit distance between two names, for "did you mean".
    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    func render(_ context: [String: Any], template: String) -> String {
        guard let value = TemplateValue(context) else { return "" }
        return TemplateRenderer(templates: templates).render(template, context: value)
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
