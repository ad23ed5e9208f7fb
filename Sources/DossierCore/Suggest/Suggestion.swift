import Foundation

/// A name the articles use that the registry lacks, with a guess at its kind and an example of its use.
public struct Suggestion: Sendable, Hashable {
    /// As most often written: `Jaych al-Islam`; for an acronym with its long form, the long form.
    public var name: String
    /// Other names of it: the acronym when the name is its long form (`[FDS]`), a person's surname written
    /// alone (`[Mattis]` for `Jim Mattis`).
    public var aliases: [String]
    /// A fresh registry id: a slug of the name that no registered entity uses.
    public var id: String
    /// The guessed kind: `towns`, `groups`, `people` or `places`.
    public var kind: String
    /// Why that kind, for the reader to weigh: `after "ville de"`, `an acronym`, `a country`.
    public var evidence: String
    /// Every occurrence in every article.
    public var count: Int
    /// Whether a strong clue backs the guess (a title, `ville de`, a given name, a country): it ranks the name as
    /// if seen once more, and lets a name seen once pass the default floor.
    public var hasStrongClue: Bool
    public var example: SuggestionExample
    /// When the name is a new alias of a registered entity (`FDS` beside `Forces démocratiques syriennes`): its id.
    public var aliasOf: String?
}

/// One sentence where a suggested name occurs, and where to find it.
public struct SuggestionExample: Sendable, Hashable {
    /// The article's path relative to the dossier folder.
    public var file: SourcePath
    /// The line of the file where the name is written (1-based).
    public var line: Int
    /// The sentence on one line.
    public var sentence: String
    /// The name's place in `sentence`, in UTF-8 bytes.
    public var nameRange: Range<Int>
    /// For choosing the first example: prose before credits, then the article's index, the block's, the offset.
    var order: (isCredit: Bool, article: Int, block: Int, offset: Int)

    public static func == (lhs: SuggestionExample, rhs: SuggestionExample) -> Bool {
        (lhs.file, lhs.line, lhs.sentence, lhs.nameRange) == (rhs.file, rhs.line, rhs.sentence, rhs.nameRange)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(sentence)
    }

    func comesBefore(_ other: SuggestionExample) -> Bool {
        let left = (order.isCredit ? 1 : 0, order.article, order.block, order.offset)
        let right = (other.order.isCredit ? 1 : 0, other.order.article, other.order.block, other.order.offset)
        return left < right
    }

    /// The sentence, cut around the name when it is long: `… dans la ville de Mayadine, à 45 km …`.
    public func excerpt(limit: Int = 160) -> String {
        let bytes = Array(sentence.utf8)
        guard sentence.count > limit else { return sentence }
        let before = String(decoding: bytes[..<nameRange.lowerBound], as: UTF8.self)
        let name = String(decoding: bytes[nameRange], as: UTF8.self)
        let after = String(decoding: bytes[nameRange.upperBound...], as: UTF8.self)
        let room = max(20, (limit - name.count) / 2)
        var head = before
        if head.count > room {
            head = String(head.suffix(room))
            if let space = head.firstIndex(of: " ") { head = String(head[head.index(after: space)...]) }
            head = "… " + head
        }
        var tail = after
        if tail.count > room {
            tail = String(tail.prefix(room))
            if let space = tail.lastIndex(of: " ") { tail = String(tail[..<space]) }
            tail += " …"
        }
        return head + name + tail
    }
}

/// What `dossier entities suggest` found in a dossier.
public struct SuggestionReport: Sendable {
    /// The suggestions shown, most frequent first, a strong clue counting as one mention more.
    public var suggestions: [Suggestion]
    public var articleCount: Int
    /// The least count a name needs to be shown.
    public var minCount: Int
    /// Whether a name seen fewer times is shown all the same when a strong clue backs it (the default floor).
    public var admitsStrongClues: Bool
    public var limit: Int
    /// Names left out because they occur fewer than `minCount` times (without a strong clue, if that is admitted).
    public var belowMinimum: Int
    /// Names left out by `limit`.
    public var beyondLimit: Int
    /// Problems met while reading the dossier.
    public var diagnostics: [Diagnostic]
}
