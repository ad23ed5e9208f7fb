/// A word of a text block as the suggester sees it: its shape, what separates it from the previous
/// word, and whether its capital says anything (a sentence's first word's does not).
struct NameWord: Sendable {
    enum Shape: Sendable, Equatable {
        /// `Mayadine`, `Hay'at`, `Al`.
        case capitalised
        /// Two to six capitals: `FDS`, `OSDH`.
        case acronym
        /// Capitals that are not an acronym: a shouted heading, a dateline, a Roman numeral.
        case capitals
        /// A title before a name: `M`, `Mme`, `Président`.
        case title
        /// An elided article or preposition: the `l` of `l'OSDH`.
        case elision
        case lowercase
        /// Digits, single letters.
        case other
    }

    /// What separates a word from the one before it.
    enum Gap: Sendable, Equatable {
        case start, space, hyphen, apostrophe
        /// Any other punctuation: a name never runs across it.
        case hard
    }

    /// Marks seen in the gap before a word.
    struct Marks: OptionSet, Sendable {
        let rawValue: UInt8
        static let openingParenthesis = Marks(rawValue: 1 << 0)
        static let closingParenthesis = Marks(rawValue: 1 << 1)
        static let comma = Marks(rawValue: 1 << 2)
        /// An opening quote, a colon or a dash: what follows starts like a sentence.
        static let opening = Marks(rawValue: 1 << 3)
        static let period = Marks(rawValue: 1 << 4)
        /// `#`: the word is a hashtag (`#SaveGhouta`), not a name in prose.
        static let hashtag = Marks(rawValue: 1 << 5)
    }

    /// Byte offsets in the block's UTF-8.
    var start: Int
    var end: Int
    /// Folded, as `Tokenizer` keys are; the two halves of `Hay'at` joined by a space.
    var key: String
    var shape: Shape
    var gap: Gap
    var marks: Marks
    /// Begins a sentence, a quotation or a heading: its capital says nothing.
    var isInitial: Bool
    /// In a web address, inline code or an image: never part of a name.
    var isExcluded: Bool

    /// A word that may be part of a name.
    var isNameWord: Bool { shape == .capitalised && !isExcluded }
}

extension NameWord {
    /// Whether `gapAfter` of this word (the next word's gap) lets a name run on.
    static func isSoft(_ gap: Gap) -> Bool { gap == .space || gap == .hyphen || gap == .apostrophe }

    /// Whether a lowercase word may link two capitalised words of one name, given the gaps around it.
    func isParticle(gapAfter: Gap) -> Bool {
        guard shape == .lowercase || shape == .elision else { return false }
        if shape == .elision { return (key == "d" || key == "l") && gapAfter == .apostrophe }
        if NameLexicon.arabicArticles.contains(key) {
            return gapAfter == .hyphen || (gapAfter == .space && NameLexicon.spacedArabicArticles.contains(key))
        }
        if NameLexicon.frenchParticles.contains(key) || NameLexicon.nameLinks.contains(key) {
            return gapAfter == .space
        }
        return false
    }
}
