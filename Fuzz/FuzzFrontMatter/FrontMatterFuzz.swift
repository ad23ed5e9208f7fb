import Foundation
@testable import DossierCore

/// libFuzzer entry: arbitrary bytes read as a `.md` article; the front-matter split must reassemble the text, and
/// the hand reader of front matter must read what Yams reads.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    var diagnostics: [Diagnostic] = []
    _ = ArticleParser.parse(SourceFile(path: SourcePath("fuzz.md"), data: bytes), diagnostics: &diagnostics)
    guard let text = ArticleParser.text(of: bytes) else { return 0 }
    diagnostics = []
    let parts = FrontMatterSplitter.split(text, file: SourcePath("fuzz.md"), diagnostics: &diagnostics)
    if let yaml = parts.yaml, let hand = FrontMatterScanner.scan(yaml) {
        // The hand reader takes only what it reads exactly as Yams does.
        var yamsDiagnostics: [Diagnostic] = []
        let reference = FrontMatterReader.readWithYams(yaml, file: SourcePath("fuzz.md"), diagnostics: &yamsDiagnostics)
        precondition(reference == .entries(hand) && yamsDiagnostics.isEmpty, "the hand reader differs from Yams")
    }
    if let yaml = parts.yaml {
        // `---`, the YAML, a closing line, then the body: the body is the text's tail, the YAML sits inside it,
        // and the body's first line is one past the lines before it.
        precondition(text.hasPrefix("---"), "front matter without an opening `---`")
        precondition(text.hasSuffix(parts.body), "the body is not the end of the text")
        let head = text.utf8.dropLast(parts.body.utf8.count)
        precondition(yaml.isEmpty || String(decoding: head, as: UTF8.self).contains(yaml), "the YAML is not in the head")
        let linesBefore = head.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        precondition(
            parts.body.isEmpty || parts.bodyFirstLine == linesBefore + 1,
            "body starts on line \(parts.bodyFirstLine), after \(linesBefore) lines")
    } else if diagnostics.isEmpty {
        precondition(parts.body == text && parts.bodyFirstLine == 1, "a file without front matter lost text")
    } else {
        precondition(parts.body.isEmpty, "an unclosed front matter kept a body")
    }
    return 0
}
