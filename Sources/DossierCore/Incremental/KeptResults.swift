/// One build's results for a list of items (files, articles), kept in the items' order for the next build.
struct KeptResults<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    var keys: [Key] = []
    var values: [Value] = []

    /// Finds the kept value for the item at each position of `current`: by position while the keys are the
    /// same as last time (an edit: no hashing of ten thousand paths), by key otherwise (files came or went).
    func lookup(for current: [Key]) -> @Sendable (Int) -> Value? {
        let (keys, values) = (keys, values)
        if keys == current { return { values[$0] } }
        let byKey = Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first })
        return { byKey[current[$0]] }
    }
}
