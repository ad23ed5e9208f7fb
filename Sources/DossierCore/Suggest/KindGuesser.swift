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
        if let before = clueBefore(in: block, first: first) { return before }
        if let after = clueAfter(in: block, last: last) { return after }
        return isCredit ? KindClue(kind: "groups", weight: 2, phrase: "in the credit line") : nil
    }

    private static func clueBefore(in block: ScannedBlock, first: Int) -> KindClue? {
        let words = block.words
        let sentence = block.sentenceOfWord[first]
        var index = first - 1
        var sawDe = false
        while index >= 0, first - index <= window, block.sentenceOfWord[index] == sentence {
            let word = words[index]
            let gapAfter = words[index + 1]
            let abbreviatedTitle = word.shape == .title && gapAfter.marks == [.period]
            if gapAfter.gap == .hard && !abbreviatedTitle { return nil }
            let surface = text(block, word.start, word.end)
            if index == first - 1 {
                if surface == "à" || surface == "À" { return make("towns", 1, block, from: index, to: first) }
                if ["en", "au", "aux"].contains(word.key) { return make("places", 1, block, from: index, to: first) }
                if speechVerbs.contains(word.key) {
                    // `a dit Fran Equiza`: who speaks is most often a person.
                    let from = index > 0 && words[index - 1].key == "a" ? index - 1 : index
                    return make("people", 1, block, from: from, to: first)
                }
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
                // `directeur de l'OSDH`, `porte-parole des FDS`: the title is someone's, the name an organisation's.
                if found == "people" && sawDe { return make("groups", 1, block, from: phraseStart, to: first) }
                return make(found, weight, block, from: phraseStart, to: first)
            }
            if ["de", "du", "des", "d"].contains(word.key) { sawDe = true }
            index -= 1
        }
        return nil
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

    private static func clueAfter(in block: ScannedBlock, last: Int) -> KindClue? {
        let words = block.words
        guard last + 1 < words.count, words[last + 1].marks.contains(.comma) else { return nil }
        var index = last + 1
        while index < words.count, index <= last + 3, determiners.contains(words[index].key) { index += 1 }
        guard index < words.count, index == last + 1 || words[index].gap != .hard else { return nil }
        var key = words[index].key
        if key == "porte", index + 1 < words.count, words[index + 1].key == "parole" {
            key = "parole"
            index += 1
        }
        // Only a word that names the kind makes an apposition: `, chef de`, not `, les combattants`.
        guard let (kind, weight) = triggers[key], weight >= 3 else { return nil }
        let phrase = ", " + text(block, words[last + 1].start, words[index].end)
        return KindClue(kind: kind, weight: weight, phrase: "before \"\(phrase)\"")
    }

    /// `after "ville de"`: the words from the trigger to the name, or the trigger alone when they are many.
    private static func make(_ kind: String, _ weight: Int, _ block: ScannedBlock, from: Int, to first: Int) -> KindClue
    {
        let words = block.words
        let end = first - from <= 3 ? words[first].start : words[from].end
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
            ])
        add("towns", 1, ["pres", "abords", "environs", "peripherie", "autour", "entree", "habitants"])
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
                "association", "formation", "syndicat",
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
                "monsieur", "madame",
            ])
        return table
    }()
}
