import Foundation

/// One hint of a name's kind, read in the words around one of its occurrences.
struct KindClue: Sendable, Hashable {
    /// `towns`, `groups`, `people` or `places`.
    var kind: String
    /// 3 for a word that names the kind (`ville de`), 1 for a loose hint (`à`, `près de`).
    var weight: Int
    /// What the reader is shown: `after "ville de"`.
    var phrase: String
}

/// Guesses what a name is from the words just before it (`la ville de`, `le président`, `le groupe`)
/// or from an apposition after a comma (`Mustafa Bali, porte-parole des FDS`).
enum KindGuesser {
    /// Words before the name that are looked at, within its sentence.
    static let window = 5

    static func clue(in block: ScannedBlock, first: Int, last: Int, isCredit: Bool) -> KindClue? {
        if let before = clueBefore(in: block, first: first, last: last) { return before }
        if let after = clueAfter(in: block, first: first, last: last) { return after }
        return isCredit ? KindClue(kind: "groups", weight: 2, phrase: "in the credit line") : nil
    }

    private static func clueBefore(in block: ScannedBlock, first: Int, last: Int) -> KindClue? {
        let words = block.words
        let sentence = block.sentenceOfWord[first]
        let isComplement = followsDe(block, first)
        var crossedComma = false
        // A noun and its complement between the trigger and the name (`la ville à l'arrivée de Daech`): only a
        // title reaches across it.
        var sawNoun = false
        var index = first - 1
        while index >= 0, first - index <= window, block.sentenceOfWord[index] == sentence {
            let word = words[index]
            let gapAfter = words[index + 1]
            let abbreviatedTitle = word.shape == .title && gapAfter.marks == [.period]
            if gapAfter.gap == .hard && !abbreviatedTitle {
                // `Le directeur des Antiquités syriennes, Maamoun Abdelkarim, a dit`: a title in apposition.
                guard index + 1 == first, gapAfter.marks == [.comma], isClosed(block, after: last) else { return nil }
                crossedComma = true
            }
            let surface = text(block, word.start, word.end)
            if index == first - 1, !crossedComma, let loose = looseClue(in: block, at: index, surface, first: first) {
                return loose
            }
            var phraseStart = index
            // A capitalised word mid-sentence is part of a name (`les Forces … ont repris Raqqa`), not a clue.
            let canBeClue = word.shape == .lowercase || word.shape == .title || word.shape == .elision || word.isInitial
            var kind = canBeClue ? triggers[word.key] : nil
            if word.key == "parole", index > 0, words[index - 1].key == "porte" {
                kind = ("people", 3)
                phraseStart = index - 1
            }
            if let (found, weight) = kind {
                let trigger = (start: phraseStart, end: index)
                if crossedComma {
                    return found == "people" && weight >= 3 ? make(found, weight, block, trigger, to: first) : nil
                }
                // `directeur de l'OSDH`, `porte-parole des FDS`: the title is someone's, the name an organisation's.
                if found == "people" && isComplement { return make("groups", 1, block, trigger, to: first) }
                // `le journal francophone de Luxembourg`: the name says where the medium is from.
                if found == "groups" && isComplement && media.contains(word.key) { return nil }
                if sawNoun && found != "people" { return nil }
                return make(found, weight, block, trigger, to: first)
            }
            if word.shape == .lowercase, surface != "à", !linking.contains(word.key) {
                // Prose between a trigger and the name: `la ville tenue par Daech` says nothing of Daech.
                if NameLexicon.openers.contains(word.key) { return nil }
                let isComplemented = ["de", "du", "des", "d", "a", "au", "aux"].contains(words[index + 1].key)
                if isComplemented && !NameLexicon.isAdjective(word.key) { sawNoun = true }
            }
            index -= 1
        }
        return nil
    }

    /// What the word right before the name says: `à` a town, `en` a place, `a dit` a person.
    private static func looseClue(in block: ScannedBlock, at index: Int, _ surface: String, first: Int) -> KindClue? {
        let words = block.words
        if surface == "à" || surface == "À" { return make("towns", 1, block, (index, index), to: first) }
        if ["en", "au", "aux"].contains(words[index].key) {
            return make("places", 1, block, (index, index), to: first)
        }
        guard speechVerbs.contains(words[index].key) else { return nil }
        // `a dit Fran Equiza`: who speaks is most often a person.
        let from = index > 0 && words[index - 1].key == "a" ? index - 1 : index
        return make("people", 1, block, (from, index), to: first)
    }

    /// Words that may stand between a trigger and its name: `ministre des Affaires étrangères`, `villes de Kilis et`.
    private static let linking: Set<String> = [
        "de", "du", "des", "d", "la", "le", "les", "l", "au", "aux", "pour", "et", "ou",
    ]

    /// Nouns of media: a name after `de` is their town, not their name.
    private static let media: Set<String> = [
        "journal", "quotidien", "hebdomadaire", "chaine", "television", "radio", "agence", "presse",
    ]

    /// `de Boukamal`, `de la Douma`, `d'Idleb`, `de l'OSDH`: the name is the complement of the word before.
    private static func followsDe(_ block: ScannedBlock, _ first: Int) -> Bool {
        var index = first - 1
        if index >= 0,
            block.words[index].key == "la" || (block.words[index].key == "l" && block.words[index].shape == .elision)
        {
            index -= 1
        }
        return index >= 0 && ["de", "du", "des", "d"].contains(block.words[index].key)
            && block.words[index].shape != .capitalised
    }

    /// Whether punctuation, or the end of the block, follows the name: it closes an apposition.
    private static func isClosed(_ block: ScannedBlock, after last: Int) -> Bool {
        last + 1 == block.words.count || block.words[last + 1].gap == .hard
    }

    /// Past participles of saying, written right before who said it: `a déclaré Mustafa Bali`.
    private static let speechVerbs: Set<String> = [
        "dit", "declare", "indique", "affirme", "ajoute", "explique", "precise", "estime", "annonce", "assure",
        "souligne", "raconte", "confie", "temoigne", "deplore", "denonce", "insiste", "poursuit", "conclut",
        "martele", "reconnu", "prevenu", "averti", "ecrit", "tweete", "lance",
    ]

    private static let determiners: Set<String> = [
        "un", "une", "le", "la", "l", "les", "son", "sa", "ses", "leur", "ce", "cette",
    ]

    private static func clueAfter(in block: ScannedBlock, first: Int, last: Int) -> KindClue? {
        let words = block.words
        guard last + 1 < words.count, words[last + 1].marks.contains(.comma) else { return nil }
        var index = last + 1
        while index < words.count, index <= last + 3, determiners.contains(words[index].key) { index += 1 }
        guard index < words.count, index == last + 1 || words[index].gap != .hard else { return nil }
        // `le champ pétrolier d'al-Omar, le commandant…`: after a complement, a new clause more likely.
        if index > last + 1, followsDe(block, first) { return nil }
        var found = triggers[words[index].key]
        // `porte-parole`, `chef-lieu` (a province's town, not its chief).
        if index + 1 < words.count, words[index + 1].gap == .hyphen {
            switch (words[index].key, words[index + 1].key) {
            case ("porte", "parole"): found = ("people", 3)
            case ("chef", "lieu"): found = ("towns", 3)
            default: break
            }
            if words[index].key == "porte" || words[index].key == "chef" { index += 1 }
        }
        // Only a word that names the kind makes an apposition: `, chef de`, not `, les combattants`.
        guard let (kind, weight) = found, weight >= 3 else { return nil }
        // `…, le président Vladimir Poutine a annoncé`: a title with its own name opens the next clause.
        if index + 1 < words.count, words[index + 1].shape == .capitalised { return nil }
        let phrase = ", " + text(block, words[last + 1].start, words[index].end)
        return KindClue(kind: kind, weight: weight, phrase: "before \"\(phrase)\"")
    }

    /// `after "ville de"`: the words from the trigger to the name, or the trigger alone when they are many.
    private static func make(
        _ kind: String, _ weight: Int, _ block: ScannedBlock, _ trigger: (start: Int, end: Int), to first: Int
    ) -> KindClue {
        let words = block.words
        let from = trigger.start
        let end = first - from <= 3 ? words[first].start : words[trigger.end].end
        let phrase = text(block, words[from].start, end).trimmingCharacters(in: .whitespacesAndNewlines)
        return KindClue(kind: kind, weight: weight, phrase: "after \"\(phrase)\"")
    }

    /// The text between two offsets, on one line: runs of spaces, tabs and line breaks become one space.
    static func text(_ block: ScannedBlock, _ start: Int, _ end: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var pendingSpace = false
        for byte in block.bytes[start..<end] {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Words that say what the next name is, with how sure they make us.
    private static let triggers: [String: (String, Int)] = {
        var table: [String: (String, Int)] = [:]
        func add(_ kind: String, _ weight: Int, _ words: [String]) {
            for word in words { table[word] = (kind, weight) }
        }
        add(
            "towns", 3,
            [
                "ville", "villes", "localite", "localites", "village", "villages", "quartier", "quartiers",
                "bourgade", "bourgades", "cite", "banlieue", "commune", "agglomeration", "hameau", "camp", "lieu",
                "base",
            ])
        add("towns", 1, ["pres", "abords", "environs", "peripherie", "autour", "entree", "habitants", "aeroport"])
        add(
            "places", 3,
            [
                "province", "provinces", "gouvernorat", "fleuve", "riviere", "lac", "massif", "desert",
                "plaine", "vallee", "plateau", "pays", "mont", "monts", "montagne", "montagnes", "barrage",
            ])
        add("places", 2, ["region", "regions", "frontiere", "territoire"])
        add(
            "groups", 3,
            [
                "groupe", "groupes", "organisation", "organisations", "milice", "milices", "brigade",
                "brigades", "bataillon", "bataillons", "faction", "factions", "mouvement", "coalition", "alliance",
                "parti", "agence", "journal", "quotidien", "hebdomadaire", "chaine", "television", "radio", "ong",
                "association", "formation", "syndicat", "force",
            ])
        add(
            "groups", 1,
            [
                "presse", "rebelles", "jihadistes", "combattants", "insurges", "membres", "forces",
                "partisans", "troupes", "unites",
            ])
        add(
            "people", 3,
            [
                "president", "presidente", "ministre", "directeur", "directrice", "parole", "chef", "general",
                "colonel", "commandant", "emir", "depute", "ambassadeur", "envoye", "emissaire", "secretaire", "roi",
                "prince", "imam", "opposant", "opposante", "journaliste", "fondateur", "fondatrice", "dirigeant",
                "dirigeante", "leader", "homologue", "m", "mme", "mlle", "dr", "pr", "cheikh", "ayatollah", "docteur",
                "avocat", "avocate", "ecrivain", "photographe", "correspondant", "correspondante", "responsable",
                "negociateur", "mediateur", "patron", "successeur", "fils", "frere", "pere", "epouse", "veuve",
                "soldat", "pilote", "analyste", "chercheur", "chercheuse", "expert", "specialiste", "militant",
                "militante", "activiste", "representant", "representante", "conseiller", "conseillere",
                "coordinateur", "coordinatrice", "delegue", "deleguee", "gouverneur", "maire", "mgr", "gal", "gen",
                "monsieur", "madame", "mm", "mmes", "reine", "calife", "copresident", "copresidente", "princesse",
            ])
        return table
    }()
}
