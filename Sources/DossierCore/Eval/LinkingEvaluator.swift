import Foundation

/// Precision, recall and F1 of the linker over some mentions.
public struct LinkingScore: Sendable, Equatable {
    /// Hand-marked mentions.
    public var gold = 0
    /// Mentions the linker found.
    public var found = 0
    /// Found mentions that are in the gold, same entity, same line.
    public var correct = 0

    public var precision: Double { found == 0 ? 1 : Double(correct) / Double(found) }
    public var recall: Double { gold == 0 ? 1 : Double(correct) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// A mention the linker missed, or one it found that is not in the gold.
public struct LinkingMistake: Sendable, Hashable {
    public var file: SourcePath
    public var line: Int?
    public var entity: String
    public var text: String
    /// The sentence (false link) or the file's line (miss) around it.
    public var context: String
}

/// How well the linker did on a hand-marked dossier.
public struct LinkingEvaluation: Sendable {
    public struct KindScore: Sendable {
        public var kind: EntityKind
        public var score: LinkingScore
    }

    public var articles = 0
    public var overall = LinkingScore()
    public var byKind: [KindScore] = []
    public var misses: [LinkingMistake] = []
    public var falseLinks: [LinkingMistake] = []
    /// Problems in the dossier or the gold file; the scores mean nothing if one is an error.
    public var diagnostics: [Diagnostic] = []
}

/// Runs the linker over a dossier and compares its mentions with a gold file, article by article.
public enum LinkingEvaluator {
    public static func evaluate(folder: URL, gold goldURL: URL) throws -> LinkingEvaluation {
        var evaluation = LinkingEvaluation()
        var diagnostics: [Diagnostic] = []
        let sources = try DossierLoader.load(folder: folder, diagnostics: &diagnostics)
        let goldFile = SourcePath(goldURL.lastPathComponent)
        guard let goldData = FileManager.default.contents(atPath: goldURL.path),
            let goldText = String(data: goldData, encoding: .utf8)
        else { throw DossierError.unreadable(goldURL.path) }
        let gold = GoldStandardReader.read(goldText, file: goldFile, diagnostics: &diagnostics)

        let registry = sources.registry
        let linker = EntityLinker(registry: registry, mode: sources.config.linkMode)
        diagnostics += linker.registryDiagnostics
        var found: [SourcePath: [(entity: String, line: Int?, text: String, sentence: String)]] = [:]
        var lines: [SourcePath: [Substring]] = [:]
        for file in sources.articleFiles {
            guard let article = ArticleParser.parse(file, diagnostics: &diagnostics) else { continue }
            evaluation.articles += 1
            let text = ArticleParser.text(of: file.data) ?? ""  // parsed above, so UTF-8
            lines[file.path] = text.split(separator: "\n", omittingEmptySubsequences: false)
            var firstLine = 1
            if case .markdown(_, let line) = article.body { firstLine = line }
            var locator = MentionLocator(text: text, firstLine: firstLine)
            let linked = linker.link(article)
            found[file.path] = linked.mentions.map { mention in
                let sentence = linked.sentences[mention.sentence]
                let bytes = Array(sentence.utf8)
                let words = mention.range.upperBound <= bytes.count ? String(decoding: bytes[mention.range], as: UTF8.self) : ""
                return (linked.entityID(of: mention), locator.line(ofMention: mention.range, sentence: mention.sentence, text: sentence), words, sentence)
            }
        }
        for mention in gold {
            if found[mention.file] == nil {
                diagnostics.append(
                    .error("gold-file-unknown", "`\(mention.file)` is not an article of the dossier", file: goldFile,
                        line: mention.row))
            } else if registry[mention.entity] == nil {
                diagnostics.append(
                    .error("gold-entity-unknown", "`\(mention.entity)` is not a registered entity", file: goldFile,
                        line: mention.row, column: mention.file.value.utf8.count + String(mention.line).count + 3))
            }
        }

        var scores: [EntityKind: LinkingScore] = [:]
        func kind(of id: String) -> EntityKind? { registry[id]?.kind }
        let goldByFile = Dictionary(grouping: gold, by: \.file)
        for (file, predicted) in found {
            var unmatched = goldByFile[file] ?? []
            var wrong: [Int] = []
            for (index, mention) in predicted.enumerated() {
                if let line = mention.line,
                    let match = unmatched.firstIndex(where: { $0.entity == mention.entity && $0.line == line })
                {
                    unmatched.remove(at: match)
                } else {
                    wrong.append(index)
                }
            }
            // A mention whose place was not found still counts when the gold has one like it left over.
            wrong.removeAll { index in
                guard predicted[index].line == nil,
                    let match = unmatched.firstIndex(where: { $0.entity == predicted[index].entity })
                else { return false }
                unmatched.remove(at: match)
                return true
            }
            for mention in predicted {
                if let kind = kind(of: mention.entity) { scores[kind, default: .init()].found += 1 }
            }
            for mention in goldByFile[file] ?? [] {
                if let kind = kind(of: mention.entity) { scores[kind, default: .init()].gold += 1 }
            }
            for index in wrong {
                let mention = predicted[index]
                evaluation.falseLinks.append(
                    LinkingMistake(
                        file: file, line: mention.line, entity: mention.entity, text: mention.text,
                        context: mention.sentence))
            }
            for mention in unmatched {
                let context = lines[file].flatMap { $0.indices.contains(mention.line - 1) ? String($0[mention.line - 1]) : nil }
                evaluation.misses.append(
                    LinkingMistake(
                        file: file, line: mention.line, entity: mention.entity, text: mention.text,
                        context: context?.trimmingCharacters(in: .whitespaces) ?? ""))
            }
            evaluation.overall.found += predicted.count
            evaluation.overall.gold += goldByFile[file]?.count ?? 0
        }
        for mistake in evaluation.falseLinks {
            if let kind = kind(of: mistake.entity) { scores[kind]!.correct -= 1 }
        }
        for kind in scores.keys { scores[kind]!.correct += scores[kind]!.found }  // found minus false links
        evaluation.overall.correct = evaluation.overall.found - evaluation.falseLinks.count
        evaluation.byKind = scores.keys.sorted().map { LinkingEvaluation.KindScore(kind: $0, score: scores[$0]!) }
        let order: (LinkingMistake, LinkingMistake) -> Bool = { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
        evaluation.misses.sort(by: order)
        evaluation.falseLinks.sort(by: order)
        evaluation.diagnostics = diagnostics.sorted()
        return evaluation
    }
}
