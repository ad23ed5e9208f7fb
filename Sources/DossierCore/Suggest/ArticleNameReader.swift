/// What one article file yields: its candidate names, and what their example sentences need.
struct ArticleFindings: Sendable {
    var file: SourcePath
    /// False when the file could not become an article (the diagnostics say why).
    var isArticle: Bool
    var diagnostics: [Diagnostic]
    var blocks: [TextBlock]
    var scanned: [ScannedBlock]
    var candidates: [(block: Int, candidate: NameCandidate)]
    /// Words written in lowercase: a sentence's first word seen so elsewhere is prose.
    var lowercaseWords: Set<String>
    var locator: SourceLineLocator
}

/// Reads one article file for the suggester: parses it, cuts it into blocks and finds the candidates,
/// independently of every other article, so that articles can be read in parallel.
struct ArticleNameReader: Sendable {
    let matcher: EntityMatcher

    func read(_ source: SourceFile) -> ArticleFindings {
        var diagnostics: [Diagnostic] = []
        let locator = SourceLineLocator(data: source.data)
        var findings = ArticleFindings(
            file: source.path, isArticle: false, diagnostics: [], blocks: [], scanned: [], candidates: [],
            lowercaseWords: [], locator: locator)
        guard let article = ArticleParser.parse(source, diagnostics: &diagnostics) else {
            findings.diagnostics = diagnostics
            return findings
        }
        findings.isArticle = true
        findings.diagnostics = diagnostics
        findings.blocks = ArticleTextReader.blocks(of: article, locator: locator)
        for (index, block) in findings.blocks.enumerated() {
            var scanned = WordScanner.scan(block.text, isHeading: block.isHeading, excluding: block.excluded)
            if block.isCredit {
                // A credit is a list of names, not a sentence: `Le Monde` keeps its `Le`.
                for word in scanned.words.indices { scanned.words[word].isInitial = false }
            }
            for word in scanned.words where word.shape == .lowercase { findings.lowercaseWords.insert(word.key) }
            let candidates = NameCandidateFinder.candidates(
                in: scanned, registeredMatches: matcher.matches(in: block.text), isCredit: block.isCredit)
            findings.candidates += candidates.map { (index, $0) }
            findings.scanned.append(scanned)
        }
        return findings
    }
}
