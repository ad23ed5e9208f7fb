import Foundation

/// A file's bytes as text. Wire copy still arrives in Windows-1252 or Latin-1: such a file is recognised and
/// read correctly (with a warning that names its encoding), never garbled into `Ã©`; bytes that are no text
/// at all are refused with their position.
enum SourceText {
    /// The single-byte encodings a French newsroom's files may be in, with the name `iconv` knows them by.
    enum LegacyEncoding: String, Sendable {
        case windows1252 = "WINDOWS-1252"
        case latin1 = "ISO-8859-1"

        var displayName: String { self == .windows1252 ? "Windows-1252" : "Latin-1 (ISO-8859-1)" }
    }

    enum Decoded: Sendable {
        /// UTF-8, or a legacy encoding recognised at the given line and column (its first non-ASCII byte).
        case text(String, legacy: (encoding: LegacyEncoding, line: Int, column: Int)?)
        /// A NUL byte: an image, a PDF or a word-processor file named `.txt`.
        case binary(line: Int, column: Int)
        /// UTF-16, or a single-byte encoding other than Western European (Arabic, Cyrillic…).
        /// `convertFrom` is the encoding `iconv` is most likely to need.
        case unknown(reason: String, convertFrom: String, line: Int, column: Int)

        var text: String? {
            if case .text(let text, _) = self { return text }
            return nil
        }
    }

    /// Decodes the bytes; the text has no byte-order mark, and its line breaks are `\n` so that line numbers
    /// are the file's.
    static func decode(_ data: Data) -> Decoded {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return .unknown(reason: "the file is UTF-16 text, not UTF-8", convertFrom: "UTF-16", line: 1, column: 1)
        }
        if let nul = firstNUL(in: data) {
            let (line, column) = position(of: nul, in: data)
            return .binary(line: line, column: column)
        }
        if var text = String(data: data, encoding: .utf8) {
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return .text(hasCarriageReturn(data) ? normalizingLineBreaks(text) : text, legacy: nil)
        }
        return decodeSingleByte(data)
    }

    /// memchr: every article passes through here, and most are long and clean.
    private static func firstNUL(in data: Data) -> Int? {
        data.withUnsafeBytes { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    /// memchr again: the text's own UTF-8 view is walked a byte at a time, at several times the cost.
    private static func hasCarriageReturn(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "\r")), buffer.count) != nil
        }
    }

    /// Windows-1252 when a byte in 0x80–0x9F is one of its typographic marks (’ “ ” … œ €), Latin-1 when
    /// there is none: the two agree on every other byte. Long runs of non-ASCII bytes are not French in either.
    private static func decodeSingleByte(_ data: Data) -> Decoded {
        let bytes = [UInt8](data)
        let firstHigh = bytes.firstIndex { $0 >= 0x80 } ?? 0
        let (line, column) = position(of: firstHigh, in: data)
        var run = 0
        var usesWindowsMarks = false
        for (offset, byte) in bytes.enumerated() {
            run = byte >= 0x80 ? run + 1 : 0
            if run > longestAccentRun {
                let (line, column) = position(of: offset - run + 1, in: data)
                return .unknown(
                    reason: "the file is neither UTF-8 nor Western European text (Arabic or Cyrillic Windows text?)",
                    convertFrom: "WINDOWS-1256", line: line, column: column)
            }
            guard (0x80...0x9F).contains(byte) else { continue }
            guard windowsMarks[Int(byte - 0x80)] != nil else {
                let (line, column) = position(of: offset, in: data)
                return .unknown(
                    reason: "the file is neither UTF-8 nor Windows-1252 text (byte 0x\(hex(byte)))",
                    convertFrom: "WINDOWS-1256", line: line, column: column)
            }
            usesWindowsMarks = true
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mark = windowsMarks[Int(byte - 0x80)] {
                scalars.append(mark)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        let encoding: LegacyEncoding = usesWindowsMarks ? .windows1252 : .latin1
        return .text(normalizingLineBreaks(String(scalars)), legacy: (encoding, line, column))
    }

    /// French words hold at most two accented letters in a row (`créée`); Arabic or Cyrillic words are all
    /// non-ASCII bytes.
    private static let longestAccentRun = 3

    /// Windows-1252's characters for the bytes 0x80–0x9F; nil where the code page leaves a byte undefined.
    private static let windowsMarks: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    private static func normalizingLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Line and column (in bytes, which is characters for single-byte text) of a byte offset, from 1.
    private static func position(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for (index, byte) in data.prefix(offset).enumerated() where byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// What a reader of `file` is told about its bytes: nothing for UTF-8, a warning for legacy text read
    /// correctly, an error when the file cannot be read as text.
    static func diagnostics(for decoded: Decoded, file: SourcePath) -> [Diagnostic] {
        // Quoted only for the files that are told to convert: most have nothing to be told.
        var name: String { shellQuoted(file.fileName) }
        switch decoded {
        case .text(_, nil):
            return []
        case .text(_, let legacy?):
            return [
                .warning(
                    "encoding-legacy",
                    "the file is \(legacy.encoding.displayName) text, not UTF-8: it was read as \(legacy.encoding.displayName)",
                    file: file, line: legacy.line, column: legacy.column,
                    suggestion: "convert it to UTF-8 once: "
                        + "iconv -f \(legacy.encoding.rawValue) -t UTF-8 \(name) > converted && mv converted \(name)")
            ]
        case .binary(let line, let column):
            return [
                .error(
                    "file-binary",
                    "the file holds a NUL byte: it is not text (an image, a PDF, a word-processor file?)",
                    file: file, line: line, column: column,
                    suggestion:
                        "save the article as plain text (.txt) or Markdown (.md), or move the file out of the dossier")
            ]
        case .unknown(let reason, let encoding, let line, let column):
            return [
                .error(
                    "encoding-not-utf8", reason, file: file, line: line, column: column,
                    suggestion: "convert it to UTF-8, e.g. "
                        + "iconv -f \(encoding) -t UTF-8 \(name) > converted && mv converted \(name)")
            ]
        }
    }

    private static func hex(_ byte: UInt8) -> String { String(byte, radix: 16, uppercase: true) }

    /// A file name as a shell reads it back: single quotes unless it is plain.
    private static func shellQuoted(_ name: String) -> String {
        let plain = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
