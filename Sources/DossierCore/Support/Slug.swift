/// Readable ASCII identifiers for URLs: `L'armée syrienne reprend Boukamal` → `l-armee-syrienne-reprend-boukamal`.
public enum Slug {
    public static func make(_ text: String, maxLength: Int = 60) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in TextFolding.fold(text).unicodeScalars {
            let value = scalar.value
            let isAlnum = (0x30...0x39).contains(value) || (0x61...0x7A).contains(value)
            if isAlnum {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        guard slug.count > maxLength else { return slug }
        let cut = slug.prefix(maxLength)
        if let lastHyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: lastHyphen) > maxLength / 2 {
            return String(cut[..<lastHyphen])
        }
        return String(cut)
    }

    /// Whether a registry id or front-matter slug is safe as a URL segment: `a-z`, `0-9` and inner hyphens.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last, first != UInt8(ascii: "-"),
            last != UInt8(ascii: "-")
        else { return false }
        return text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }
    }
}
