/// Sorting as French readers expect: `É` with `E`, case ignored, then accents as a tie-breaker.
public enum FrenchCollation {
    /// A key that sorts by letters first: `État islamique` → `etat islamique`.
    public static func key(_ text: String) -> String {
        TextFolding.fold(text).lowercased()
    }

    /// Whether `lhs` comes before `rhs` in a French index.
    public static func areInOrder(_ lhs: String, _ rhs: String) -> Bool {
        let left = key(lhs)
        let right = key(rhs)
        if left != right { return left < right }
        return lhs < rhs
    }

    /// The letter an index groups a name under: `É` → `E`; `#` for digits and others.
    public static func initial(_ text: String) -> String {
        guard let first = key(text).unicodeScalars.first(where: { TextFolding.characterClass($0) == .word }) else {
            return "#"
        }
        let letter = String(first).uppercased()
        return letter.unicodeScalars.allSatisfy({ (0x41...0x5A).contains($0.value) }) ? letter : "#"
    }
}
