extension Array {
    /// The same elements in storage of their own size. An array grown by appending keeps up to half of its
    /// capacity unused; one kept for the whole build (an article's sentences and mentions) is worth copying once.
    func trimmed() -> [Element] {
        capacity > count ? withUnsafeBufferPointer { Array($0) } : self
    }
}
