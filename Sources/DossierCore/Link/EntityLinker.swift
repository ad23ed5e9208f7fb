/// Finds every registered name in an article and links the mentions on the cmark-gfm tree:
/// never inside code, an existing link, an image or a heading.
public struct EntityLinker: Sendable {
    public let registry: Registry
    public let mode: DossierConfig.LinkMode
    private let matcher: EntityMatcher

    public init(registry: Registry, mode: DossierConfig.LinkMode) {
        self.registry = registry
        self.mode = mode
        self.matcher = EntityMatcher(registry: registry)
        MarkdownDocument.registerExtensions()
    }

    /// What the matcher found wrong with the registry: a name shared by two entities (an error), a `not`
    /// phrase that holds none of its entity's names (a warning: it can never apply).
    public var registryDiagnostics: [Diagnostic] {
        let file = SourcePath(RegistryLoader.fileName)
        var diagnostics: [Diagnostic] = []
        for shared in matcher.sharedNames {
            let owners = shared.entities.map { registry.entities[$0] }
            diagnostics.append(
                .error("alias-shared",
                    "the name `\(shared.name)` belongs to both "
                        + owners.map { "`\($0.id)` (line \($0.line))" }.joined(separator: " and "),
                    file: file, line: owners.map(\.line).max(),
                    suggestion: "keep it on one entity only; to settle a homonym, use `not:` phrases or `case_sensitive:`"))
        }
        for unmatchable in matcher.unmatchableNames {
            let entity = registry.entities[unmatchable.entity]
            diagnostics.append(
                .warning("name-unmatchable",
                    "the name `\(unmatchable.name)` of `\(entity.id)` has punctuation between its words, so no text can match it",
                    file: file, line: entity.line,
                    suggestion: "write its parts as separate names, e.g. `Hayat Tahrir al-Cham` and `HTS`"))
        }
        for idle in matcher.idleExclusions {
            let entity = registry.entities[idle.entity]
            diagnostics.append(
                .warning("not-phrase-idle",
                    "the `not` phrase `\(idle.phrase)` of `\(entity.id)` holds none of its names, so it never applies",
                    file: file, line: entity.line,
                    suggestion: "write the phrase around the name it should stop, e.g. `la \(entity.name)`"))
        }
        return diagnostics
    }

    public func link(_ article: Article) -> LinkedArticle {
        let document: MarkdownDocument
        switch article.body {
        case .markdown(let text, _):
            document = MarkdownDocument(markdown: text)
            document.demoteHeadings()
        case .plain(let blocks):
            document = MarkdownDocument(plain: blocks)
        }
        var state = State(page: article.url)
        var containers: [MarkdownNode] = []
        collectContainers(document.rootNode, into: &containers)
        for container in containers {
            process(container, state: &state)
        }
        var sourceHTML: String?
        if let source = article.source {
            // Wire copy's credit is a line of the text; a Markdown article's `source` is front matter: not
            // a mention, so not linked either (the entity may have no page if nothing else names it).
            let isText: Bool
            if case .plain = article.body { isText = true } else { isText = false }
            sourceHTML = linkLine(source, counted: isText, state: &state)
        }
        var metadata = article
        metadata.body = .plain([])  // the text now lives in `bodyHTML` and `sentences`
        return LinkedArticle(
            article: metadata, bodyHTML: document.html(), sourceHTML: sourceHTML, sentences: state.sentences,
            mentions: state.mentions, excerpt: state.excerpt ?? "", entityCounts: EntityCount.tally(state.entities))
    }

    // MARK: - Walking the tree

    private struct State {
        var page: SiteURL
        var linked: Set<Int> = []
        var sentences: [String] = []
        var mentions: [Mention] = []
        /// The registry index of each mention's entity, in step with `mentions`.
        var entities: [Int] = []
        var excerpt: String?
    }

    /// A run of sibling text and soft-break nodes that can take links.
    private struct Run {
        var first: MarkdownNode
        var count: Int
        var start: Int
        var end: Int
    }

    /// Blocks whose children are inline: paragraphs, headings, table cells.
    private func collectContainers(_ node: MarkdownNode, into containers: inout [MarkdownNode]) {
        guard let first = node.firstChild else { return }
        if first.isInline {
            containers.append(node)
            return
        }
        for child in node.children { collectContainers(child, into: &containers) }
    }

    private func process(_ container: MarkdownNode, state: inout State) {
        var bytes: [UInt8] = []
        var runs: [Run] = []
        gather(container, linkable: container.kind != .heading, bytes: &bytes, runs: &runs)
        if state.excerpt == nil, container.kind == .paragraph {
            state.excerpt = Self.excerpt(of: String(decoding: bytes, as: UTF8.self))
        }
        let matches = matcher.matches(inUTF8: bytes)
        guard !matches.isEmpty else { return }

        let sentenceRanges = SentenceSplitter.sentences(in: bytes)
        var sentenceIndex: [Int: Int] = [:]
        var links: [Int: [NameMatch]] = [:]  // by run
        var runCursor = 0
        var sentenceCursor = 0
        for match in matches {
            while runCursor < runs.count, runs[runCursor].end <= match.start { runCursor += 1 }
            let inRun = runCursor < runs.count && runs[runCursor].start <= match.start && match.end <= runs[runCursor].end
            let link = inRun && (mode == .all || !state.linked.contains(match.entity))
            if link {
                links[runCursor, default: []].append(match)
                state.linked.insert(match.entity)
            }
            while sentenceCursor < sentenceRanges.count, sentenceRanges[sentenceCursor].upperBound <= match.start {
                sentenceCursor += 1
            }
            let local = sentenceCursor
            let range = local < sentenceRanges.count ? sentenceRanges[local] : match.start..<match.end
            if sentenceIndex[local] == nil {
                sentenceIndex[local] = state.sentences.count
                state.sentences.append(Self.flatten(bytes[range]))
            }
            let lower = match.start - range.lowerBound
            let upper = min(match.end, range.upperBound) - range.lowerBound
            state.entities.append(match.entity)
            state.mentions.append(
                Mention(
                    entity: registry.entities[match.entity].id, sentence: sentenceIndex[local]!, range: lower..<upper,
                    linked: link))
        }
        for (runIndex, runMatches) in links {
            let run = runs[runIndex]
            var pieces: [MarkdownPiece] = []
            var cursor = run.start
            for match in runMatches {
                if match.start > cursor {
                    pieces.append(.text(String(decoding: bytes[cursor..<match.start], as: UTF8.self)))
                }
                pieces.append(
                    .wrapped(
                        String(decoding: bytes[match.start..<match.end], as: UTF8.self),
                        opening: openingTag(for: match.entity, page: state.page), closing: "</a>",
                        href: registry.entities[match.entity].url.relative(from: state.page)))
                cursor = match.end
            }
            if run.end > cursor {
                pieces.append(.text(String(decoding: bytes[cursor..<run.end], as: UTF8.self)))
            }
            run.first.replaceRun(count: run.count, with: pieces)
        }
    }

    /// The inline text of a container, and the runs where links may go.
    private func gather(_ parent: MarkdownNode, linkable: Bool, bytes: inout [UInt8], runs: inout [Run]) {
        var current: Run?
        func close() {
            if let run = current { runs.append(run) }
            current = nil
        }
        for child in parent.children {
            switch child.kind {
            case .text, .softBreak:
                let start = bytes.count
                if child.kind == .text { child.appendLiteral(to: &bytes) } else { bytes.append(UInt8(ascii: "\n")) }
                guard linkable else { continue }
                if current == nil {
                    current = Run(first: child, count: 1, start: start, end: bytes.count)
                } else {
                    current!.count += 1
                    current!.end = bytes.count
                }
            case .lineBreak:
                close()
                bytes.append(UInt8(ascii: "\n"))
            case .code:
                close()
                child.appendLiteral(to: &bytes)
            case .htmlInline:
                close()
            case .link, .image, .customInline:
                close()
                gather(child, linkable: false, bytes: &bytes, runs: &runs)
            default:
                close()
                gather(child, linkable: linkable, bytes: &bytes, runs: &runs)
            }
        }
        close()
    }

    /// A line outside the body (the credit), as HTML with its names linked under the same rules.
    private func linkLine(_ line: String, counted: Bool, state: inout State) -> String {
        guard counted else { return HTML.escape(line) }
        let bytes = Array(line.utf8)
        var html = ""
        var cursor = 0
        let sentenceNumber = state.sentences.count
        var used = false
        for match in matcher.matches(in: line) {
            html += HTML.escape(String(decoding: bytes[cursor..<match.start], as: UTF8.self))
            let name = HTML.escape(String(decoding: bytes[match.start..<match.end], as: UTF8.self))
            let link = (mode == .all || !state.linked.contains(match.entity))
            if link {
                state.linked.insert(match.entity)
                html += openingTag(for: match.entity, page: state.page) + name + "</a>"
            } else {
                html += name
            }
            state.entities.append(match.entity)
            state.mentions.append(
                Mention(
                    entity: registry.entities[match.entity].id, sentence: sentenceNumber,
                    range: match.start..<match.end, linked: link))
            used = true
            cursor = match.end
        }
        html += HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self))
        if used { state.sentences.append(Self.flatten(bytes[...])) }
        return html
    }

    private func openingTag(for entityIndex: Int, page: SiteURL) -> String {
        let entity = registry.entities[entityIndex]
        let href = HTML.escape(entity.url.relative(from: page))
        return "<a class=\"mention mention-\(HTML.escape(entity.kind.id))\" href=\"\(href)\">"
    }

    /// Line breaks become spaces, byte for byte, so that offsets stay valid.
    private static func flatten(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    }

    static func excerpt(of text: String, limit: Int = 220) -> String {
        // Only the opening can fit: a word that starts past it is longer than any word of French prose.
        let opening = text.prefix(limit + 80)
        var result = ""
        var length = 0
        for word in opening.split(whereSeparator: { $0.isWhitespace }) {
            let wordLength = word.count
            if length + wordLength + 1 > limit { return result + " …" }
            if !result.isEmpty {
                result += " "
                length += 1
            }
            result += word
            length += wordLength
        }
        return opening.endIndex < text.endIndex ? result + " …" : result
    }
}
