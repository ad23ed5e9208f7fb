/// The sentences of an article that mention an entity, in reading order, held as one run of UTF-8 bytes.
///
/// An article quotes a few dozen sentences: one buffer each cost an allocation at link time and a reference
/// count to touch on every entity page that quotes it; here an article's sentences sit side by side.
public struct Sentences: Sendable, Equatable, RandomAccessCollection {
    private var bytes: [UInt8] = []
    /// Where each sentence ends in `bytes`; it starts where the previous one ends.
    private var ends: [Int32] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(index: Int) -> String {
        withUTF8(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of sentence `index`.
    public func withUTF8<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<Int(ends[index])])) }
    }

    /// Adds a sentence from bytes of the text, with line breaks and tabs made spaces, byte for byte, so that
    /// offsets into the text's sentence stay valid in the quote.
    mutating func appendFlattened(_ text: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: text)  // copied whole, then mended: appending byte by byte cost 1% of a build
        bytes.withUnsafeMutableBufferPointer { all in
            for index in start..<all.count where all[index] < 0x0E {
                if all[index] == 0x0A || all[index] == 0x0D || all[index] == 0x09 { all[index] = 0x20 }
            }
        }
        ends.append(Int32(bytes.count))
    }

    /// The same sentences without the room appending left: they are kept until the last page is written.
    func trimmed() -> Sentences {
        var copy = Sentences()
        copy.bytes = bytes.trimmed()
        copy.ends = ends.trimmed()
        return copy
    }
}
