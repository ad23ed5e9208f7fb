import Foundation
@testable import DossierCore

/// libFuzzer entry: arbitrary bytes read as a `.txt` wire-copy article, the way a build reads one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWireCopy(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    var diagnostics: [Diagnostic] = []
    _ = ArticleParser.parse(SourceFile(path: SourcePath("fuzz.txt"), data: bytes), diagnostics: &diagnostics)
    guard let text = ArticleParser.text(of: bytes) else { return 0 }
    let lineCount = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    let wire = WireCopyReader.read(text, file: SourcePath("fuzz.txt"), diagnostics: &diagnostics)
    var previousLine = 0
    for block in wire.blocks {
        // Blocks come in file order, each from a line of the file, and never hold a blank line.
        precondition(block.line > previousLine && block.line <= lineCount, "block line \(block.line) out of order")
        precondition(!block.text.isEmpty, "empty block at line \(block.line)")
        precondition(!block.text.contains("\n\n"), "a block holds a blank line")
        previousLine = block.line
    }
    for diagnostic in diagnostics {
        if let line = diagnostic.line { precondition(line >= 1 && line <= lineCount, "diagnostic line \(line)") }
    }
    if let first = wire.blocks.first {
        let title = WireCopyReader.deriveTitle(from: String(first.text))
        precondition(title.count <= 112, "title of \(title.count) characters")
    }
    return 0
}
