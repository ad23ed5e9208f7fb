/// Finds every registered name in an article and links the mentions on the cmark-gfm tree:
/// never inside code, an existing link, an image or a heading.
public struct EntityLinker: Sendable {
    public let registry: Registry
    public let mode: DossierConfig.LinkMode
    private let matcher: EntityMatcher
    /// Per entity, by registry index: its id, its page's path, and the start of its link's opening tag up to
    /// the `href`'s value, made once here rather than for every mention of every article.
    private let ids: [String]
    private let paths: [String]
    private let escapedPaths: [String]
    private let tagStarts: [String]

    public init(registry: Registry, mode: DossierConfig.LinkMode) {
        self.registry = registry
        self.mode = mode
        self.matcher = EntityMatcher(registry: registry)
        ids = registry.entities.map(\.id)
        paths = registry.entities.map(\.url.path)
        escapedPaths = paths.map(HTML.escape)
        tagStarts = registry.entities.map { "<a class=\"mention mention-\(HTML.escape($0.kind.id))\" href=\"" }
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
        var state = State(
            page: article.url, rootPrefix: article.url.rootPrefix,
            linked: [UInt64](repeating: 0, count: registry.entities.count / 64 + 1))
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
            article: metadata, bodyHTML: document.html(), sourceHTML: sourceHTML,
            sentences: state.sentences.trimmed(), mentions: state.mentions.trimmed(), excerpt: state.excerpt ?? "",
            entityCounts: EntityCount.tally(state.entities), entityIDs: ids)
    }

    // MARK: - Walking the tree

    private struct State {
        var page: SiteURL
        /// The way from the page back to the root, which every link's `href` starts with.
        var rootPrefix: String
        /// The entities linked so far, a bit each by registry index: cheaper to ask than a `Set` at every mention,
        /// and small for a large registry (a registry of 100,000 entities takes 12.5 KB per article).
        var linked: [UInt64]
        var sentences = Sentences()
        var mentions: [Mention] = []
        /// The registry index of each mention's entity, in step with `mentions`.
        var entities: [Int] = []
        var excerpt: String?

        /// Working storage for one container at a time, kept for the next: an article has dozens of
        /// paragraphs, and allocating these for each was a good part of linking.
        var bytes: [UInt8] = []
        var runs: [Run] = []
        var folded = FoldedText()
        var matches: [NameMatch] = []
        var sentenceRanges: [Range<Int>] = []
        /// The matches that become links, with the run each one is in.
        var links: [(run: Int, match: NameMatch)] = []
        var pieces = MarkdownPieces()

        func isLinked(_ entity: Int) -> Bool { linked[entity >> 6] >> UInt64(entity & 63) & 1 != 0 }

        mutating func markLinked(_ entity: Int) { linked[entity >> 6] |= 1 << UInt64(entity & 63) }
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
        var next: MarkdownNode? = first
        while let child = next {
            collectContainers(child, into: &containers)
            next = child.next
        }
    }

    private func process(_ container: MarkdownNode, state: inout State) {
        state.bytes.removeAll(keepingCapacity: true)
        state.runs.removeAll(keepingCapacity: true)
        gather(container, linkable: container.kind != .heading, bytes: &state.bytes, runs: &state.runs)
        if state.excerpt == nil, container.kind == .paragraph {
            state.excerpt = Self.excerpt(ofUTF8: state.bytes)
        }
        matcher.matches(inUTF8: state.bytes, folded: &state.folded, into: &state.matches)
        guard let lastMatch = state.matches.last else { return }

        SentenceSplitter.sentences(
            in: state.bytes, marks: state.folded.sentenceMarks, through: lastMatch.start, into: &state.sentenceRanges)
        state.links.removeAll(keepingCapacity: true)
        var runCursor = 0
        var sentenceCursor = 0
        // Matches come in reading order, so a sentence is met in one stretch: the last one seen is the only one
        // that can already be in `state.sentences`.
        var lastSentence = -1
        for match in state.matches {
            while runCursor < state.runs.count, state.runs[runCursor].end <= match.start { runCursor += 1 }
            let inRun =
                runCursor < state.runs.count && state.runs[runCursor].start <= match.start
                && match.end <= state.runs[runCursor].end
            let link = inRun && (mode == .all || !state.isLinked(match.entity))
            if link {
                state.links.append((runCursor, match))
                state.markLinked(match.entity)
            }
            while sentenceCursor < state.sentenceRanges.count,
                state.sentenceRanges[sentenceCursor].upperBound <= match.start
            {
                sentenceCursor += 1
            }
            let range =
                sentenceCursor < state.sentenceRanges.count
                ? state.sentenceRanges[sentenceCursor] : match.start..<match.end
            if lastSentence != sentenceCursor {
                lastSentence = sentenceCursor
                state.bytes.withUnsafeBufferPointer {
                    state.sentences.appendFlattened(UnsafeBufferPointer(rebasing: $0[range]))
                }
            }
            let lower = match.start - range.lowerBound
            let upper = min(match.end, range.upperBound) - range.lowerBound
            state.entities.append(match.entity)
            state.mentions.append(
                Mention(
                    entityIndex: match.entity, sentence: state.sentences.count - 1, range: lower..<upper,
                    linked: link))
        }
        var first = 0
        while first < state.links.count {
            let runIndex = state.links[first].run
            var end = first + 1
            while end < state.links.count, state.links[end].run == runIndex { end += 1 }
            replace(state.runs[runIndex], links: first..<end, state: &state)
            first = end
        }
    }

    /// Puts the links of one run into the tree, with the text around them.
    private func replace(_ run: Run, links: Range<Int>, state: inout State) {
        state.pieces.removeAll()
        var cursor = run.start
        for index in links {
            let match = state.links[index].match
            if match.start > cursor {
                let text = state.pieces.text { $0 += state.bytes[cursor..<match.start] }
                state.pieces.append(text: text)
            }
            let name = state.pieces.text { $0 += state.bytes[match.start..<match.end] }
            let opening = state.pieces.text {
                $0 += tagStarts[match.entity].utf8
                $0 += state.rootPrefix.utf8
                $0 += escapedPaths[match.entity].utf8
                $0 += "\">".utf8
            }
            let closing = state.pieces.text { $0 += "</a>".utf8 }
            let href = state.pieces.text {
                $0 += state.rootPrefix.utf8
                $0 += paths[match.entity].utf8
            }
            state.pieces.append(wrapped: name, opening: opening, closing: closing, href: href)
            cursor = match.end
        }
        if run.end > cursor {
            let text = state.pieces.text { $0 += state.bytes[cursor..<run.end] }
            state.pieces.append(text: text)
        }
        run.first.replaceRun(count: run.count, with: state.pieces)
    }

    /// The inline text of a container, and the runs where links may go.
    private func gather(_ parent: MarkdownNode, linkable: Bool, bytes: inout [UInt8], runs: inout [Run]) {
        var current: Run?
        func close() {
            if let run = current { runs.append(run) }
            current = nil
        }
        var next = parent.firstChild
        while let child = next {
            next = child.next
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
            let link = (mode == .all || !state.isLinked(match.entity))
            if link {
                state.markLinked(match.entity)
                html += tagStarts[match.entity] + state.rootPrefix + escapedPaths[match.entity] + "\">" + name + "</a>"
            } else {
                html += name
            }
            state.entities.append(match.entity)
            state.mentions.append(
                Mention(
                    entityIndex: match.entity, sentence: sentenceNumber, range: match.start..<match.end,
                    linked: link))
            used = true
            cursor = match.end
        }
        html += HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self))
        if used { bytes.withUnsafeBufferPointer { state.sentences.appendFlattened($0) } }
        return html
    }
}
