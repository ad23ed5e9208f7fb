import DossierTemplates
import Foundation

/// The Mustache templates and static assets: the built-in ones, overridden file by file by the dossier's `templates/`.
struct TemplateLibrary: Sendable {
    /// The compiled templates by name (`article`, `layout`, `article-item`…).
    let templates: [String: [TemplateNode]]
    /// Asset files by their path under `assets/`.
    let assets: [(path: String, data: Data)]

    static let requiredTemplates = ["layout", "index", "article", "entity", "kind", "timeline", "map", "404"]

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
        let assets = assetFiles.sorted { $0.key < $1.key }.compactMap { path, url in
            FileManager.default.contents(atPath: url.path).map { (path: path, data: $0) }
        }
        return TemplateLibrary(templates: templates, assets: assets)
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
