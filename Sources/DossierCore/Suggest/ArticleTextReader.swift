import Foundation

/// A piece of an article where names are looked for: a paragraph, a heading, a table cell, the title or the credit.
struct TextBlock: Sendable {
    var text: String
    /// The file line where the text begins (1-based).
    var line: Int
    /// A sub-heading or a Markdown heading (the title too): a word in capitals alone there is shouting.
    var isHeading: Bool = false
    /// The credit line (`Avec AFP et Reuters`) or the `source:` of the front matter: it names organisations.
    var isCredit: Bool
    /// Byte ranges of `text` that are not prose: inline code, image descriptions.
    var excluded: [Range<Int>]
}

/// Reads the prose of an article, block by block, with the file line of each: what the reader sees, not the markup.
enum ArticleTextReader {
    static func blocks(of article: Article, locator: SourceLineLocator) -> [TextBlock] {
        var blocks: [TextBlock] = []
        switch article.body {
        case .plain(let plain):
            blocks = plain.map {
                TextBlock(
                    text: String($0.text), line: $0.line, isHeading: $0.kind == .heading, isCredit: false, excluded: [])
            }
        case .markdown(let text, let firstLine):
            if let line = explicitTitleLine(article.title, locator: locator) {
                blocks.append(
                    TextBlock(text: article.title, line: line, isHeading: true, isCredit: false, excluded: []))
            }
            blocks += markdownBlocks(text, firstLine: firstLine)
        }
        if let source = article.source {
            // The credit closes wire copy; in Markdown it is a front-matter field, at the top.
            let isPlain = if case .plain = article.body { true } else { false }
            if let line = locator.line(holding: source, fromEnd: isPlain) {
                blocks.append(TextBlock(text: source, line: line, isCredit: true, excluded: []))
            }
        }
        return blocks
    }

    /// The line of a title written in the file (`title:` or `# Title`), not one derived from the first sentence.
    private static func explicitTitleLine(_ title: String, locator: SourceLineLocator) -> Int? {
        guard !title.isEmpty, let line = locator.line(holding: title, fromEnd: false) else { return nil }
        let text = locator.text(ofLine: line).trimmingCharacters(in: .whitespaces)
        return text.hasPrefix("title:") || text.hasPrefix("#") ? line : nil
    }

    private static func markdownBlocks(_ text: Substring, firstLine: Int) -> [TextBlock] {
        let document = MarkdownDocument(markdown: text)
        var containers: [MarkdownNode] = []
        collectContainers(document.rootNode, into: &containers)
        return containers.map { container in
            var bytes: [UInt8] = []
            var excluded: [Range<Int>] = []
            gather(container, excluding: false, bytes: &bytes, excluded: &excluded)
            return TextBlock(
                text: String(decoding: bytes, as: UTF8.self), line: firstLine + max(container.startLine, 1) - 1,
                isHeading: container.kind == .heading, isCredit: false, excluded: excluded)
        }
    }

    /// Blocks whose children are inline: paragraphs, headings, table cells. Code blocks have none.
    private static func collectContainers(_ node: MarkdownNode, into containers: inout [MarkdownNode]) {
        guard let first = node.firstChild else { return }
        if first.isInline {
            containers.append(node)
            return
        }
        for child in node.children { collectContainers(child, into: &containers) }
    }

    /// The inline text of a node; line breaks stay `\n`, so that lines can be counted.
    private static func gather(
        _ parent: MarkdownNode, excluding: Bool, bytes: inout [UInt8], excluded: inout [Range<Int>]
    ) {
        for child in parent.children {
            let start = bytes.count
            switch child.kind {
            case .text:
                bytes += Array(child.literal.utf8)
            case .softBreak, .lineBreak:
                bytes.append(0x0A)
            case .code:
                bytes += Array(child.literal.utf8)
                excluded.append(start..<bytes.count)
            case .htmlInline:
                bytes.append(0x20)
            case .image:
                gather(child, excluding: true, bytes: &bytes, excluded: &excluded)
                excluded.append(start..<bytes.count)
            default:
                gather(child, excluding: excluding, bytes: &bytes, excluded: &excluded)
            }
            if excluding, bytes.count > start { excluded.append(start..<bytes.count) }
        }
    }
}
