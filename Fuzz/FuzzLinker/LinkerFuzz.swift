import Foundation
@testable import DossierCore

/// The registry every input is linked against: `DOSSIER_FUZZ_REGISTRY`, else the linking fixture's, read once.
private let linking: (linker: EntityLinker, matcher: EntityMatcher) = {
    let path = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_REGISTRY"]
        ?? "Tests/DossierCoreTests/Fixtures/linking/entities.yml"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        fatalError("cannot read the registry \(path): run from the repository root or set DOSSIER_FUZZ_REGISTRY")
    }
    var diagnostics: [Diagnostic] = []
    let registry = RegistryLoader.load(text, diagnostics: &diagnostics)
    precondition(!registry.entities.isEmpty, "the registry \(path) holds no entity")
    return (EntityLinker(registry: registry, mode: .all), EntityMatcher(registry: registry))
}()

/// libFuzzer entry: arbitrary text linked against a fixed registry, as Markdown (first byte even) or wire copy.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLinker(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0, let text = ArticleParser.text(of: Data(bytes: data + 1, count: size - 1)) else { return 0 }
    let bytes = Array(text.utf8)
    var previousEnd = 0
    for match in linking.matcher.matches(inUTF8: bytes) {
        // Matches lie in the text, in order, and never overlap.
        precondition(match.start >= previousEnd && match.start < match.end && match.end <= bytes.count,
            "match \(match.start)..<\(match.end) after \(previousEnd) in \(bytes.count) bytes")
        previousEnd = match.end
    }
    let body: ArticleBody = data[0] % 2 == 0
        ? .markdown(text[...], firstLine: 1)
        : .plain(text.components(separatedBy: "\n\n").enumerated().map { PlainBlock(.paragraph, $1, line: $0 + 1) })
    let article = Article(file: SourcePath("fuzz.md"), slug: "fuzz", title: "Fuzz", body: body)
    let linked = linking.linker.link(article)
    var lastRange: [Int: Range<Int>] = [:]
    for mention in linked.mentions {
        // Each mention points into its sentence, and two mentions of one sentence never overlap.
        precondition(mention.sentence >= 0 && mention.sentence < linked.sentences.count, "sentence index")
        let sentenceLength = linked.sentences[mention.sentence].utf8.count
        precondition(mention.range.lowerBound >= 0 && mention.range.upperBound <= sentenceLength,
            "mention \(mention.range) outside a sentence of \(sentenceLength) bytes")
        if let last = lastRange[mention.sentence] {
            precondition(!last.overlaps(mention.range), "mentions \(last) and \(mention.range) overlap")
        }
        lastRange[mention.sentence] = mention.range
    }
    return 0
}
