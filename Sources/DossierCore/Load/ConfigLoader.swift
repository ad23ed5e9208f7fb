import Foundation
import Yams

/// Reads `dossier.yml`: every field optional, unknown ones reported.
enum ConfigLoader {
    static let fileName = "dossier.yml"

    static func load(_ text: String?, diagnostics: inout [Diagnostic]) -> DossierConfig {
        var config = DossierConfig()
        guard let text else { return config }
        let file = SourcePath(fileName)
        guard let root = YAMLReader.compose(text, file: file, diagnostics: &diagnostics) else { return config }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(
                .error("config-not-mapping", "dossier.yml must be a mapping of settings (`title: …`)", file: file,
                    line: YAMLReader.line(of: root), column: root.mark?.column,
                    suggestion: "write one `setting: value` per line, e.g. `title: Syrie, la guerre des villes`"))
            return config
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = YAMLReader.line(of: keyNode)
            let column = keyNode.mark?.column
            func text() -> String? {
                guard let string = YAMLReader.string(value) else {
                    diagnostics.append(
                        .error("config-type", "`\(key)` must be text", file: file, line: line, column: column,
                            suggestion: "write it on one line, in quotes if it holds `: ` or `#`: \(key): \"…\""))
                    return nil
                }
                return string
            }
            switch key {
            case "title": if let value = text() { config.title = value }
            case "description": if let value = text() { config.description = value }
            case "language": if let value = text() { config.language = value }
            case "base_url":
                if let value = text() {
                    if let normalized = normalizeBaseURL(value) {
                        config.baseURL = normalized
                    } else {
                        diagnostics.append(
                            .error("config-base-url", "`base_url` must be an absolute http(s) URL, not `\(value)`",
                                file: file, line: line, column: column, suggestion: "e.g. base_url: https://example.org/dossier/"))
                    }
                }
            case "link":
                if let value = text() {
                    if let mode = DossierConfig.LinkMode(rawValue: value) {
                        config.linkMode = mode
                    } else {
                        diagnostics.append(
                            .error("config-link", "`link` must be `first` or `all`, not `\(value)`", file: file, line: line,
                                column: column, suggestion: "`first` links the first mention of each entity in an article, `all` every one"))
                    }
                }
            default:
                diagnostics.append(
                    .warning("config-unknown", "unknown setting `\(key)` is ignored", file: file, line: line, column: column,
                        suggestion: "known settings: title, description, language, base_url, link"))
            }
        }
        return config
    }

    /// `https://example.org/dossier` → `https://example.org/dossier/`; nil when not an absolute http(s) URL.
    static func normalizeBaseURL(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
