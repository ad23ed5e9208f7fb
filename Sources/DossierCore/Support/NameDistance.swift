/// How far apart two names are, for the "did you mean" of a diagnostic.
enum NameDistance {
    /// Levenshtein distance over characters.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    /// The closest of `candidates` to `name` when it is a plausible misspelling (at most `limit` edits), the
    /// first in order on a tie.
    static func closest(to name: String, in candidates: [String], limit: Int = 2) -> String? {
        let scored = candidates.map { (candidate: $0, distance: between($0, name)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else { return nil }
        return best.candidate
    }
}
