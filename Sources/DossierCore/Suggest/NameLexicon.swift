/// The French (and transliterated Arabic) words the suggester needs to tell names from prose.
///
/// Every word is written folded (lowercase, no accents), as `Tokenizer` keys are.
enum NameLexicon {
    /// Words that sit inside a name between capitalised words: `Jaych al-Islam`, `Côte d'Ivoire`.
    static let frenchParticles: Set<String> = ["de", "du", "des", "d", "la", "le", "l"]

    /// The Arabic article in its transliterated forms, written before a hyphen: `al-Cham`, `ez-Zor`, `ach-Charqiya`.
    static let arabicArticles: Set<String> = [
        "al", "el", "ad", "ar", "as", "ash", "at", "az", "ach", "ech", "ed", "er", "es", "ez", "an", "en", "ul",
    ]

    /// Arabic articles that may also stand apart, with a space: `Bachar el Assad`.
    static let spacedArabicArticles: Set<String> = ["al", "el"]

    /// Lowercase name links of people: `Oussama ben Laden`, `Mohammed ould Abdel Aziz`.
    static let nameLinks: Set<String> = [
        "ben", "bin", "ibn", "bint", "ould", "abou", "abu", "bou", "von", "van", "der", "di", "da",
    ]

    /// Words French elides before a vowel: `l'OSDH`, `d'Idleb`, `qu'Assad`.
    static let elisions: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    ]

    static let months: Set<String> = [
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
        "decembre",
    ]

    static let weekdays: Set<String> = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

    /// Words that begin sentences and are never names: articles, pronouns, prepositions, conjunctions, adverbs.
    static let openers: Set<String> = [
        "a", "ainsi", "alors", "apres", "au", "aucun", "aucune", "aujourd hui", "auparavant", "aussi", "autre",
        "autres", "aux", "avant", "avec", "bien", "car", "ce", "cela", "celle", "celui", "cependant", "certains",
        "certaines", "ces", "cet", "cette", "chacun", "chaque", "chez", "comme", "contre", "dans", "de", "debut",
        "deja", "depuis", "derriere", "des", "desormais", "deux", "donc", "dont", "du", "elle", "elles", "en",
        "encore", "enfin", "ensuite", "entre", "environ", "et", "face", "fin", "hier", "ici", "il", "ils", "je",
        "jusqu", "la", "le", "les", "leur", "leurs", "lors", "lorsque", "lui", "ma", "mais", "malgre", "meme", "mes",
        "moins", "mon", "ne", "ni", "non", "nos", "notre", "nous", "on", "or", "ou", "oui", "outre", "par", "parmi",
        "pas", "pendant", "plus", "plusieurs", "pour", "pourtant", "premier", "premiere", "premiers", "premieres",
        "publication", "puis", "quand", "que", "quelque", "quelques", "qui", "quoi", "sa", "sans", "selon", "ses",
        "si", "sinon", "soit", "son", "sous", "sur", "tandis", "tant", "toujours", "tous", "tout", "toute", "toutes",
        "toutefois", "tres", "trois", "un", "une", "vers", "voici", "voila", "vos", "votre", "vous", "y",
        "ailleurs", "parallelement", "neanmoins", "cote", "lundi", "demain", "dernier", "derniere", "seul", "seule",
        "apres", "afin", "loin", "pres", "la bas", "certes", "d", "l", "c", "qu", "s", "n", "j",
    ]

    /// Titles before a person's name; never part of it: `M. Trump`, `Mme Clinton`, `le Président Assad`.
    static let titles: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "gal", "gen", "president", "presidente",
        "general", "colonel", "commandant", "ministre", "emir", "roi", "reine", "prince", "princesse", "ayatollah",
        "imam", "sheikh", "monsieur", "madame", "sieur",
    ]

    /// Common nouns French capitalises in set phrases (`l'État`, `droits de l'Homme`): not names on their own.
    static let capitalisedCommonNouns: Set<String> = [
        "etat", "etats", "homme", "nord", "sud", "est", "ouest", "orient", "occident", "dieu", "allah", "coran",
        "internet", "web", "republique", "gouvernement", "parlement", "constitution", "histoire", "terre", "ciel",
        "paradis", "prophete", "islam", "ramadan", "noel", "paques", "aid", "guerre", "seconde", "charte",
    ]

    /// Capitals that are not acronyms: Roman numerals are caught apart, these are units and interjections.
    static let notAcronyms: Set<String> = [
        "ok", "tv", "gmt", "utc", "pdf", "html", "url", "www", "km", "kg", "mm", "cm",
        // Common nouns written as acronyms: `une ONG`, `le QG`, `des RPG`.
        "ong", "qg", "pib", "sms", "gps", "adn", "dca", "rpg", "tnt",
    ]

    /// Whether a word written in capitals is a Roman numeral (`II`, `XIV`), not an acronym.
    static func isRomanNumeral(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { "ivxlcdm".utf8.contains($0) }
    }

    /// `XXIe`, `IIIe`, `Ier`: a Roman ordinal (numeral in capitals, suffix in lowercase), not a name.
    /// One capital and an `e` is a word (`Le`, `De`, `Ce`), not the ordinal.
    static func isRomanOrdinal(_ word: String) -> Bool {
        if word == "Ier" || word == "Ire" { return true }
        for suffix in ["ème", "eme", "e"] where word.hasSuffix(suffix) {
            let numeral = word.dropLast(suffix.count)
            if numeral.count >= 2, numeral.allSatisfy({ "IVXLCDM".contains($0) }) { return true }
        }
        return false
    }

    /// Whether a lowercase word looks like an adjective that may follow an organisation's head noun.
    static func isAdjective(_ key: String) -> Bool {
        guard key.utf8.count >= 4, !openers.contains(key), !notAdjectives.contains(key) else { return false }
        if adjectives.contains(key) { return true }
        return adjectiveEndings.contains { key.hasSuffix($0) }
    }

    private static let adjectives: Set<String> = [
        "libre", "libres", "arabe", "arabes", "kurde", "kurdes", "turc", "turque", "turques", "rouge", "uni", "unie",
        "unis", "unies", "islamiste", "islamistes", "jihadiste", "jihadistes", "chiite", "chiites", "sunnite",
        "sunnites", "democratiques", "democratique", "syrien", "syrienne", "syriens", "syriennes", "blancs", "blanc",
        "speciales", "speciale", "internationale", "internationales", "voisin", "voisine", "voisins", "voisines",
        "frontalier", "frontaliere", "frontaliers", "frontalieres", "natal", "natale", "proche", "proches",
        "assiegee", "assiegees", "rebelle", "rebelles", "civil", "civile", "civils", "civiles",
    ]

    private static let adjectiveEndings = [
        "ien", "ienne", "iens", "iennes", "ais", "aise", "aises", "ique", "iques", "al", "ale", "ales", "aux", "aire",
        "aires", "iere", "ieres", "if", "ive", "ifs", "ives", "el", "elle", "els", "elles", "ain", "aine", "ains",
        "aines", "ois",
        "oise", "oises", "een", "eenne", "eens", "eennes", "iste", "istes",
    ]

    private static let notAdjectives: Set<String> = [
        "jamais", "mais", "frais", "palais", "quel", "quelle", "tel", "telle", "ainsi", "apres", "demain", "pendant",
        "depuis", "contre", "selon", "aussi", "lequel", "laquelle", "lesquels", "auxquels",
    ]
}
