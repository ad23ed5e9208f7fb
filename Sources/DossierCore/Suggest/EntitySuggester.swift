import Foundation

/// Finds the names in a dossier's articles that look like entities but are not registered, for
/// `dossier entities suggest`: one pass over the articles, then a ranking.
public struct EntitySuggester: Sendable {
    public let registry: Registry
    private let matcher: EntityMatcher

    /// Below this many articles a name seen once is shown; above, a name must be seen twice, or once with a
    /// strong clue (a title, `ville de`, a given name, an acronym's long form).
    public static let smallDossier = 20

    public init(registry: Registry) {
        self.registry = registry
        self.matcher = EntityMatcher(registry: registry)
    }

    /// Reads the dossier and suggests; throws only when the folder cannot be read, content problems are diagnostics.
    public static func suggest(folder: URL, minCount: Int? = nil, limit: Int = 50) throws -> SuggestionReport {
        var diagnostics: [Diagnostic] = []
        let sources = try DossierLoader.load(folder: folder, diagnostics: &diagnostics)
        var report = EntitySuggester(registry: sources.registry).suggest(
            sources.articleFiles, minCount: minCount, limit: limit)
        report.diagnostics = (diagnostics + report.diagnostics).sorted()
        return report
    }

    /// Articles read at once, in parallel: enough to keep every core busy, few enough to bound memory.
    static let chunkSize = 256

    /// The suggestions for these article files: each is read on its own, then tallied in file order.
    func suggest(_ files: [SourceFile], minCount: Int?, limit: Int) -> SuggestionReport {
        let reader = ArticleNameReader(matcher: matcher)
        var tally = NameTally()
        var diagnostics: [Diagnostic] = []
        var articleCount = 0
        for chunkStart in stride(from: 0, to: files.count, by: Self.chunkSize) {
            let chunk = Array(files[chunkStart..<min(chunkStart + Self.chunkSize, files.count)])
            let found = chunk.parallelMap { reader.read($0) }
            for (offset, findings) in found.enumerated() {
                diagnostics += findings.diagnostics
                guard findings.isArticle else { continue }
                articleCount += 1
                for word in findings.lowercaseWords { tally.noteLowercase(word) }
                for (blockIndex, candidate) in findings.candidates {
                    let block = findings.blocks[blockIndex]
                    tally.add(candidate) { form in
                        Self.example(
                            of: form, sentence: candidate.sentence, in: findings.scanned[blockIndex], block: block,
                            file: findings.file, locator: findings.locator,
                            order: (block.isCredit, chunkStart + offset, blockIndex, form.start))
                    }
                }
            }
        }
        tally.resolvePending()
        // `--min-count` is a floor the user sets: then every name needs that many mentions.
        let minimum = minCount ?? (articleCount < Self.smallDossier ? 1 : 2)
        let ranker = SuggestionRanker(
            registry: registry, minCount: minimum, admitsStrongClues: minCount == nil && minimum > 1, limit: limit,
            lowercaseWords: tally.lowercaseWords)
        let ranked = ranker.rank(tally.groups)
        return SuggestionReport(
            suggestions: ranked.suggestions, articleCount: articleCount, minCount: minimum,
            admitsStrongClues: ranker.admitsStrongClues, limit: limit, belowMinimum: ranked.belowMinimum,
            beyondLimit: ranked.beyondLimit, diagnostics: diagnostics)
    }

    /// The sentence around a name, and the file line where the name is written, checked against the raw file.
    private static func example(
        of form: NameCandidate.Form, sentence: Int, in scanned: ScannedBlock, block: TextBlock, file: SourcePath,
        locator: SourceLineLocator, order: (isCredit: Bool, article: Int, block: Int, offset: Int)
    ) -> SuggestionExample {
        let bytes = scanned.bytes
        var range = sentence < scanned.sentences.count ? scanned.sentences[sentence] : form.start..<form.end
        range = min(range.lowerBound, form.start)..<max(range.upperBound, form.end)
        let flat = bytes[range].map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 }
        let newlines = bytes[..<form.start].count { $0 == 0x0A }
        let firstWord = bytes[form.start..<form.end].prefix { $0 != 0x20 && $0 != 0x0A && $0 != 0x2D && $0 != 0x27 }
        let line = locator.line(
            holding: String(decoding: firstWord, as: UTF8.self), hint: block.line + newlines, from: block.line)
        return SuggestionExample(
            file: file, line: line, sentence: String(decoding: flat, as: UTF8.self),
            nameRange: (form.start - range.lowerBound)..<(form.end - range.lowerBound), order: order)
    }
}
