/// One occurrence in a text block of something that looks like a name and is not registered.
struct NameCandidate: Sendable {
    /// A name as written at one place.
    struct Form: Sendable {
        /// Folded words joined by spaces: variants in case, accents, hyphens and apostrophes share it.
        var key: String
        var text: String
        /// Byte offsets in the block.
        var start: Int
        var end: Int
        var clue: KindClue?
        /// Keys of its capitalised words: what a sentence's first word is compared with.
        var nameWordKeys: [String]
    }

    var form: Form
    /// The same name without its first word, for a name that opens a sentence (`Selon Rami Abdel Rahmane`).
    var withoutFirstWord: Form?
    /// Its first word opens a sentence: its capital may be grammar rather than a name.
    var isInitial: Bool
    var isAcronym: Bool
    /// An organisation's name made of a head noun and lowercase words (`Gardes de la révolution`).
    var isOrganisationName: Bool
    /// The acronym's long form given beside it: `Forces démocratiques syriennes` for `FDS`.
    var expansion: String?
    /// The registered entity (its index) whose name is the acronym's long form.
    var aliasOf: Int?
    var sentence: Int
    /// Found in the credit line, where every word is capitalised.
    var isCredit: Bool
}

/// Finds the candidate names of a block: capitalised runs with their particles (`Jaych al-Islam`,
/// `Hay'at Tahrir al-Cham`), acronyms (`FDS`), less whatever the registry already names.
struct NameCandidateFinder {
    let block: ScannedBlock
    /// For each word, the registered entity (index) found on it, if any.
    private let registered: [Int?]
    private var consumed: [Bool]
    private let isCredit: Bool

    init(block: ScannedBlock, registeredMatches: [NameMatch], isCredit: Bool = false) {
        self.block = block
        self.isCredit = isCredit
        var owners = [Int?](repeating: nil, count: block.words.count)
        var cursor = 0
        for (index, word) in block.words.enumerated() {
            while cursor < registeredMatches.count, registeredMatches[cursor].end <= word.start { cursor += 1 }
            if cursor < registeredMatches.count, registeredMatches[cursor].start < word.end {
                owners[index] = registeredMatches[cursor].entity
            }
        }
        self.registered = owners
        self.consumed = [Bool](repeating: false, count: block.words.count)
    }

    static func candidates(in block: ScannedBlock, registeredMatches: [NameMatch], isCredit: Bool = false)
        -> [NameCandidate]
    {
        var finder = NameCandidateFinder(block: block, registeredMatches: registeredMatches, isCredit: isCredit)
        return finder.find()
    }

    mutating func find() -> [NameCandidate] {
        let words = block.words
        // Acronyms first, so that a long form in front of one (`Forces démocratiques syriennes (FDS)`) is theirs.
        var acronyms: [Int: NameCandidate] = [:]
        for index in words.indices where words[index].shape == .acronym && !words[index].isExcluded {
            if registered[index] == nil { acronyms[index] = acronym(at: index) }
        }
        var found: [NameCandidate] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if let acronym = acronyms[index] {
                found.append(acronym)
                index += 1
            } else if consumed[index] || word.isExcluded {
                index += 1
            } else if word.isNameWord || startsWithArabicArticle(index) {
                let last = runEnd(from: index)
                found += candidates(inRun: index...last)
                index = last + 1
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: - Acronyms

    private mutating func acronym(at index: Int) -> NameCandidate {
        let words = block.words
        var candidate = NameCandidate(
            form: form(index...index), withoutFirstWord: nil, isInitial: false, isAcronym: true,
            isOrganisationName: false, expansion: nil, aliasOf: nil, sentence: block.sentenceOfWord[index],
            isCredit: isCredit)
        let closes = index + 1 < words.count ? words[index + 1].marks.contains(.closingParenthesis) : true
        let before =
            closes ? AcronymExpander.expansion(of: index, in: words, sentenceOfWord: block.sentenceOfWord) : nil
        guard let long = before ?? AcronymExpander.expansion(following: index, in: words),
            !long.contains(where: { consumed[$0] })
        else { return candidate }
        let owners = Set(long.map { registered[$0] })
        guard owners.count == 1, let owner = owners.first else { return candidate }
        if let owner {
            candidate.aliasOf = owner  // the long form is registered, the acronym not yet
        } else {
            candidate.expansion = KindGuesser.text(block, words[long.lowerBound].start, words[long.upperBound - 1].end)
        }
        for inside in long { consumed[inside] = true }
        if candidate.form.clue == nil {
            let first = min(long.lowerBound, index)
            let last = max(long.upperBound - 1, index)
            candidate.form.clue = KindGuesser.clue(in: block, first: first, last: last, isCredit: isCredit)
        }
        return candidate
    }

    // MARK: - Capitalised runs

    /// `al-Qaïda`: an Arabic article glued to a capitalised word may begin a name.
    private func startsWithArabicArticle(_ index: Int) -> Bool {
        let words = block.words
        guard index + 1 < words.count, words[index].shape == .lowercase,
            NameLexicon.arabicArticles.contains(words[index].key), words[index + 1].gap == .hyphen
        else { return false }
        return words[index + 1].isNameWord && !consumed[index + 1]
    }

    /// The last word of the run of name words (and particles between them) that starts at `start`.
    private func runEnd(from start: Int) -> Int {
        let words = block.words
        var last = start
        while last + 1 < words.count {
            var next = last + 1
            // Up to three particles between two name words: `Gardes de la Révolution`, `Jaych al-Islam`.
            while next < words.count, next - last <= 3, !consumed[next], NameWord.isSoft(words[next].gap),
                next + 1 < words.count, words[next].isParticle(gapAfter: words[next + 1].gap)
            {
                next += 1
            }
            guard next < words.count, !consumed[next], NameWord.isSoft(words[next].gap), words[next].isNameWord,
                !isDateWord(words[next].key)
            else { break }
            last = next
        }
        return last
    }

    private func isDateWord(_ key: String) -> Bool {
        NameLexicon.months.contains(key) || NameLexicon.weekdays.contains(key)
    }

    /// The candidates of one run: the run less its registered parts and its date words.
    private func candidates(inRun run: ClosedRange<Int>) -> [NameCandidate] {
        var found: [NameCandidate] = []
        var segmentStart: Int?
        var registeredBefore = false
        for index in run.lowerBound...(run.upperBound + 1) {
            let isRegistered = index <= run.upperBound && registered[index] != nil
            let isBreak = index > run.upperBound || isRegistered || isDateWord(block.words[index].key)
            if !isBreak {
                if segmentStart == nil { segmentStart = index }
                continue
            }
            if let start = segmentStart,
                let candidate = candidate(
                    segment: start...(index - 1), registeredBefore: registeredBefore, registeredAfter: isRegistered)
            {
                found.append(candidate)
            }
            segmentStart = nil
            registeredBefore = isRegistered
        }
        return found
    }

    private func candidate(segment: ClosedRange<Int>, registeredBefore: Bool, registeredAfter: Bool)
        -> NameCandidate?
    {
        let words = block.words
        guard let bounds = nameWords(in: segment, registeredBefore: registeredBefore, registeredAfter: registeredAfter)
        else { return nil }
        var first = bounds.lowerBound
        var last = bounds.upperBound
        // A sentence's first word that is prose (`Les Forces…`, `Selon Rami…`, `Mardi`) is not part of the name.
        var initial = words[first].isInitial
        if initial, isProse(words[first].key) {
            guard first < last, let rest = nameStart(after: first, upTo: last) else { return nil }
            first = rest
            initial = false
        }
        // `Etat John Kerry` (`secrétaire d'Etat John Kerry`), `Défense de la Douma`: a capitalised common noun
        // or portfolio opens no name; what follows it may be one.
        while first < last, NameLexicon.isCommonNoun(words[first].key), words[first + 1].gap == .space,
            !NameLexicon.organisationHeads.contains(words[first].key), let rest = nameStart(after: first, upTo: last)
        {
            first = rest
            initial = false
        }
        var organisation = false
        if first == last, NameLexicon.portfolios.contains(words[first].key) {
            guard let end = portfolioOrganisationEnd(first) else { return nil }
            organisation = true
            last = end
        } else {
            (first, last) = extended(first, last)
        }
        // A head noun, perhaps hyphenated (`Armée`, `Croissant-Rouge`), followed by lowercase words of the name.
        let isCompound = first < last && (first + 1...last).allSatisfy { words[$0].gap == .hyphen }
        if !organisation, first == last || isCompound, !registeredBefore, !registeredAfter,
            NameLexicon.organisationHeads.contains(words[first].key)
        {
            let end = OrganisationNameReader.end(of: last, in: words, registered: registered, isCompound: isCompound)
            // A head alone (`l'Observatoire`, `la Coalition`) stands for a name given elsewhere.
            if end == last, !isCompound { return nil }
            organisation = end > last
            last = end
        }
        var candidate = NameCandidate(
            form: form(first...last), withoutFirstWord: nil, isInitial: initial, isAcronym: false,
            isOrganisationName: organisation, expansion: nil, aliasOf: nil, sentence: block.sentenceOfWord[first],
            isCredit: isCredit)
        if initial, !organisation, first < last, let rest = nameStart(after: first, upTo: last) {
            candidate.withoutFirstWord = form(rest...last)
        }
        if candidate.form.nameWordKeys.count == 1, !organisation {
            let key = candidate.form.key
            if NameLexicon.openers.contains(key) || NameLexicon.isCommonNoun(key) || NameLexicon.titles.contains(key)
                || NameLexicon.platforms.contains(key) || NameLexicon.equipment.contains(key)
            {
                return nil
            }
        }
        return candidate
    }

    /// The segment's first and last name words, or nil when what is left is no name.
    private func nameWords(in segment: ClosedRange<Int>, registeredBefore: Bool, registeredAfter: Bool)
        -> ClosedRange<Int>?
    {
        let words = block.words
        var first = segment.lowerBound
        var last = segment.upperBound
        while first <= last, !words[first].isNameWord, !startsWithArabicArticle(first) { first += 1 }
        while last >= first, !words[last].isNameWord { last -= 1 }
        guard first <= last else { return nil }
        // Beside a registered name, keep the rest only when a French `de` separates them (`Hezbollah de Hassan
        // Nasrallah`); glued to it (`Hafez al-Assad` beside `Assad`), it may be the same entity: leave it out.
        if registeredBefore, !hasDe(segment.lowerBound..<first) { return nil }
        if registeredAfter, !hasDe((last + 1)..<(segment.upperBound + 1)) { return nil }
        guard last + 1 < words.count else { return first...last }
        let next = words[last + 1]
        // `Notes de la rédaction`, `Revue de presse`: in a credit, a word that runs on into lowercase is prose.
        if isCredit, NameWord.isSoft(next.gap), next.shape == .lowercase,
            !["et", "avec", "pour", "selon", "via", "ou"].contains(next.key)
        {
            return nil
        }
        // `Su-24`, `MiG-29`: a maker's name before a model number is equipment.
        if next.gap == .hyphen, next.key.first?.isNumber == true { return nil }
        return first...last
    }

    /// `la Défense civile syrienne` is an organisation; `la Défense`, `les Affaires étrangères` and
    /// `les Antiquités syriennes` are offices: the end of the organisation's name, or nil for an office.
    private func portfolioOrganisationEnd(_ head: Int) -> Int? {
        let words = block.words
        let end = OrganisationNameReader.end(of: head, in: words, registered: registered)
        guard end > head else { return nil }
        let next = words[head + 1].key
        if NameLexicon.portfolioComplements.contains(next) || OrganisationNameReader.isNationality(next) { return nil }
        return end
    }

    /// The name's bounds with the lowercase words that belong to it: `mer Noire`, `Ban Ki-moon`, `Arabie saoudite`.
    private func extended(_ first: Int, _ last: Int) -> (Int, Int) {
        let words = block.words
        func isFree(_ index: Int) -> Bool {
            index >= 0 && index < words.count && registered[index] == nil && !consumed[index]
                && !words[index].isExcluded && words[index].shape == .lowercase
        }
        if first == last, isFree(first - 1), words[first].gap == .space,
            ["mer", "ocean"].contains(words[first - 1].key)
        {
            return (first - 1, last)
        }
        if isFree(last + 1), words[last + 1].gap == .hyphen, last + 2 == words.count || words[last + 2].gap != .hyphen,
            !NameLexicon.arabicArticles.contains(words[last + 1].key),
            !["nord", "sud", "est", "ouest"].contains(words[last + 1].key)
        {
            return (first, last + 1)
        }
        if first == last, isFree(last + 1), words[last + 1].gap == .space {
            let key = words[last].key + " " + words[last + 1].key
            if NameLexicon.countries.contains(key) || NameLexicon.worldRegions.contains(key) {
                return (first, last + 1)
            }
        }
        return (first, last)
    }

    /// Words that open sentences and are never names, whatever follows: `Les`, `Selon`, `Mardi`.
    private func isProse(_ key: String) -> Bool {
        NameLexicon.openers.contains(key) || isDateWord(key)
    }

    /// Where the name resumes after a dropped word: the next name word, or the Arabic article glued to it.
    private func nameStart(after index: Int, upTo last: Int) -> Int? {
        guard let next = (index + 1...last).first(where: { block.words[$0].isNameWord }) else { return nil }
        return next > index + 1 && startsWithArabicArticle(next - 1) ? next - 1 : next
    }

    /// Whether the words hold `de`, `du`, `des` or `d'`.
    private func hasDe(_ range: Range<Int>) -> Bool {
        range.contains { ["de", "du", "des", "d"].contains(block.words[$0].key) }
    }

    private func form(_ range: ClosedRange<Int>) -> NameCandidate.Form {
        let words = block.words
        let start = words[range.lowerBound].start
        let end = words[range.upperBound].end
        return NameCandidate.Form(
            key: range.map { words[$0].key }.joined(separator: " "), text: KindGuesser.text(block, start, end),
            start: start, end: end,
            clue: KindGuesser.clue(in: block, first: range.lowerBound, last: range.upperBound, isCredit: isCredit),
            nameWordKeys: range.filter { words[$0].isNameWord }.map { words[$0].key })
    }
}
