/// Counts candidate names over a whole dossier in one pass, then decides which sentence-initial words
/// are names (those also written capitalised mid-sentence) and groups the variants of each name.
struct NameTally {
    /// Everything known about one name, all its variants together.
    struct Group {
        var count = 0
        var spellings: [String: Int] = [:]
        /// Summed clue weights by kind.
        var votes: [String: Int] = [:]
        /// By kind, how often each phrase gave the clue.
        var phrases: [String: [String: Int]] = [:]
        /// By kind, the weight of the surest clue: 3 for a word that names the kind (`ville de`, `ministre`).
        var strongest: [String: Int] = [:]
        /// Occurrences in credit lines (`Notes de la rédaction`).
        var creditCount = 0
        var firstExample: SuggestionExample?
        var exampleByPhrase: [String: SuggestionExample] = [:]
        var expansions: [String: Int] = [:]
        var aliasOf: [Int: Int] = [:]
        var isAcronym = false
        var isOrganisationName = false
        var nameWordKeys: [String] = []

        /// Adds another group's occurrences to this one (an acronym takes its long form's).
        mutating func absorb(_ other: Group) {
            count += other.count
            creditCount += other.creditCount
            strongest.merge(other.strongest, uniquingKeysWith: max)
            isOrganisationName = isOrganisationName || other.isOrganisationName
            votes.merge(other.votes, uniquingKeysWith: +)
            for (kind, counts) in other.phrases { phrases[kind, default: [:]].merge(counts, uniquingKeysWith: +) }
            for (phrase, example) in other.exampleByPhrase
            where exampleByPhrase[phrase].map(example.comesBefore) ?? true {
                exampleByPhrase[phrase] = example
            }
            if let example = other.firstExample, firstExample.map(example.comesBefore) ?? true {
                firstExample = example
            }
        }
    }

    /// A candidate whose first word opens a sentence, waiting for the whole dossier to be read.
    private struct Pending {
        var candidate: NameCandidate
        var example: SuggestionExample
        var exampleWithoutFirstWord: SuggestionExample?
    }

    private(set) var groups: [String: Group] = [:]
    private var pending: [Pending] = []
    private var midSentenceWords: Set<String> = []
    private var midSentenceNames: Set<String> = []
    /// Every word written in lowercase somewhere in the dossier: `kurdes`, `syrien`, `notes`.
    private(set) var lowercaseWords: Set<String> = []

    mutating func noteLowercase(_ key: String) { lowercaseWords.insert(key) }

    /// Counts one occurrence; `example` makes its example sentence, and is called only when one is needed.
    mutating func add(_ candidate: NameCandidate, example: (NameCandidate.Form) -> SuggestionExample) {
        if candidate.isInitial && !candidate.isAcronym {
            pending.append(
                Pending(
                    candidate: candidate, example: example(candidate.form),
                    exampleWithoutFirstWord: candidate.withoutFirstWord.map(example)))
            return
        }
        midSentenceNames.insert(candidate.form.key)
        midSentenceWords.formUnion(candidate.form.nameWordKeys)
        count(candidate, form: candidate.form, example: example)
    }

    /// Decides the sentence-initial candidates now that every mid-sentence capital is known.
    mutating func resolvePending() {
        for waiting in pending {
            let candidate = waiting.candidate
            let form = candidate.form
            var keepWhole = false
            var keepRest = false
            if midSentenceNames.contains(form.key) {
                keepWhole = true
            } else if candidate.isOrganisationName {
                keepWhole = false
            } else if NameLexicon.countries.contains(form.key) || NameLexicon.worldRegions.contains(form.key) {
                keepWhole = true  // `Qatar, Turquie` in a table cell
            } else if form.nameWordKeys.count <= 1 {
                keepWhole = form.nameWordKeys.first.map { midSentenceWords.contains($0) } ?? false
            } else if let first = form.nameWordKeys.first,
                NameLexicon.arabicArticles.contains(first)
                    || NameLexicon.nameLinks.contains(first)
            {
                keepWhole = true  // `Al-Qaïda a revendiqué`, `Abou Mohammed al-Joulani a dit`: never prose
            } else if let first = form.nameWordKeys.first {
                // `Vladimir Poutine a dit` is a name; `Appuyées Damas…` is grammar before one.
                let prose = !midSentenceWords.contains(first) && lowercaseWords.contains(first)
                keepWhole = !prose
                keepRest = prose
            }
            if keepWhole {
                count(candidate, form: form) { _ in waiting.example }
            } else if keepRest, let rest = candidate.withoutFirstWord, let restExample = waiting.exampleWithoutFirstWord
            {
                count(candidate, form: rest) { _ in restExample }
            }
        }
        pending = []
    }

    private mutating func count(
        _ candidate: NameCandidate, form: NameCandidate.Form, example: (NameCandidate.Form) -> SuggestionExample
    ) {
        var group = groups[form.key] ?? Group()
        group.count += 1
        if candidate.isCredit { group.creditCount += 1 }
        group.spellings[form.text, default: 0] += 1
        group.isAcronym = group.isAcronym || candidate.isAcronym
        group.isOrganisationName =
            group.isOrganisationName || (candidate.isOrganisationName && form.key == candidate.form.key)
        if group.nameWordKeys.isEmpty { group.nameWordKeys = form.nameWordKeys }
        if let expansion = candidate.expansion { group.expansions[expansion, default: 0] += 1 }
        if let owner = candidate.aliasOf { group.aliasOf[owner, default: 0] += 1 }
        var made: SuggestionExample?
        func madeExample() -> SuggestionExample {
            if let made { return made }
            made = example(form)
            return made!
        }
        if let clue = form.clue {
            group.votes[clue.kind, default: 0] += clue.weight
            group.strongest[clue.kind] = max(group.strongest[clue.kind] ?? 0, clue.weight)
            group.phrases[clue.kind, default: [:]][clue.phrase, default: 0] += 1
            if let known = group.exampleByPhrase[clue.phrase] {
                let candidateExample = madeExample()
                if candidateExample.comesBefore(known) { group.exampleByPhrase[clue.phrase] = candidateExample }
            } else {
                group.exampleByPhrase[clue.phrase] = madeExample()
            }
        }
        if let known = group.firstExample {
            // Articles come in order: only a credit's example, or a resolved sentence-initial one, can be bettered.
            if made != nil || candidate.isInitial || known.order.isCredit {
                let candidateExample = madeExample()
                if candidateExample.comesBefore(known) { group.firstExample = candidateExample }
            }
        } else {
            group.firstExample = madeExample()
        }
        groups[form.key] = group
    }
}
