/// Readable ASCII identifiers for URLs: `L'armée syrienne reprend Boukamal` → `l-armee-syrienne-reprend-boukamal`.
public enum Slug {
    public static func make(_ text: String, maxLength: Int = 60) -> String {
        // On bytes: made for every article of every build. Only ASCII letters and digits of the folded text are
        // kept; anything else between them becomes one hyphen, and an invisible character nothing.
        var slug: [UInt8] = []
        slug.reserveCapacity(min(text.utf8.count, maxLength + 8))
        var pendingHyphen = false
        var folded: [UInt8] = []
        func keep(_ byte: UInt8) {
            guard (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) else {
                pendingHyphen = true
                return
            }
            if pendingHyphen && !slug.isEmpty { slug.append(0x2D) }
            slug.append(byte)
            pendingHyphen = false
        }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {  // a letter or a digit, lowercased, or a separator
                let byte = UInt8(scalar.value)
                keep((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                continue
            }
            switch TextFolding.characterClass(scalar) {
            case .word:
                folded.removeAll(keepingCapacity: true)
                TextFolding.appendFoldedBytes(scalar, to: &folded)
                for byte in folded { keep(byte) }
            case .invisible: continue
            case .soft, .hard: pendingHyphen = true
            }
        }
        guard slug.count > maxLength else { return String(decoding: slug, as: UTF8.self) }
        var end = maxLength
        if let lastHyphen = slug[..<maxLength].lastIndex(of: 0x2D), lastHyphen > maxLength / 2 { end = lastHyphen }
        return String(decoding: slug[..<end], as: UTF8.self)
    }

    /// Whether a registry id or front-matter slug is safe as a URL segment: `a-z`, `0-9` and inner hyphens.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last, first != UInt8(ascii: "-"),
            last != UInt8(ascii: "-")
        else { return false }
        return text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }
    }
}
