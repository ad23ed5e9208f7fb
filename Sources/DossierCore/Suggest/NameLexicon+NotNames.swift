/// Capitalised words that look like names and are not entities an editor registers: the portfolios of
/// ministers (`ministre des Affaires étrangères`), peoples (`les Kurdes`), platforms, weapons.
extension NameLexicon {
    /// The capitalised nouns of offices and ministries: `ministre de la Défense`, `directeur des Antiquités`.
    static let portfolios: Set<String> = [
        "affaires", "agriculture", "antiquites", "armees", "awqaf", "budget", "commerce", "communication",
        "cooperation", "culture", "defense", "developpement", "diplomatie", "economie", "education", "emigration",
        "energie", "enseignement", "environnement", "equipement", "famille", "finances", "habitat", "immigration",
        "industrie", "information", "interieur", "irrigation", "justice", "logement", "patrimoine", "petrole",
        "reconciliation", "recherche", "relations", "renseignement", "sante", "securite", "solidarite", "sports",
        "tourisme", "transports", "travail", "tresor",
    ]

    /// Adjectives that complete a portfolio, not an organisation's name: `Affaires étrangères`, `Santé publique`.
    static let portfolioComplements: Set<String> = [
        "etrangeres", "exterieures", "interieures", "interieure", "nationale", "nationales", "publique", "publiques",
        "sociales", "religieuses", "economiques", "culturelles", "humanitaires", "strategiques",
    ]

    /// Peoples, nationalities and faiths, as nouns: `les Kurdes`, `un Syrien`, `les Occidentaux`.
    static let demonyms: Set<String> = [
        "afghans", "alaouite", "alaouites", "allemands", "allies", "americain", "americaine", "americains", "arabe",
        "arabes", "armeniens", "assyriens", "bedouins", "britanniques", "chiite", "chiites", "chinois", "chretien",
        "chretiens", "druze", "druzes", "egyptiens", "europeens", "francais", "iranien", "iraniens", "irakien",
        "irakiens", "israeliens", "jordaniens", "juifs", "kurde", "kurdes", "libanais", "musulman", "musulmans",
        "occidentaux", "ottomans", "palestiniens", "qataris", "russe", "russes", "saoudiens", "sunnite", "sunnites",
        "syrien", "syrienne", "syriens", "tchetchenes", "turc", "turcs", "turkmenes", "ukrainiens", "yezidis",
        "yazidis",
    ]

    /// Social networks and messaging services: where something was said, not who.
    static let platforms: Set<String> = [
        "facebook", "google", "instagram", "skype", "snapchat", "telegram", "tiktok", "twitter", "viber", "whatsapp",
        "youtube",
    ]

    /// Weapons, aircraft and missiles, named by their makers: `des missiles Kalibr`, `des Soukhoï`.
    static let equipment: Set<String> = [
        "apache", "bayraktar", "grad", "hercules", "iskander", "kalachnikov", "kalibr", "katioucha", "kornet", "mig",
        "mirage", "pantsir", "patriot", "predator", "rafale", "reaper", "scud", "soukhoi", "sukhoi", "tochka",
        "tomahawk", "tomahawks", "tupolev",
    ]

    /// A capitalised common noun or a portfolio: a word that opens no name.
    static func isCommonNoun(_ key: String) -> Bool { capitalisedCommonNouns.contains(key) || portfolios.contains(key) }

    /// Whether a single capitalised word names a people or is a common noun in the plural: it is in the list,
    /// or it ends in -s or -x and the dossier also writes it, or its singular, in lowercase (`kurdes`, `syrien`).
    static func isPeopleOrPlural(_ key: String, lowercaseWords: Set<String>) -> Bool {
        if demonyms.contains(key) { return true }
        guard key.utf8.count >= 4, !key.contains(" "), key.hasSuffix("s") || key.hasSuffix("x") else { return false }
        var forms = [key, String(key.dropLast())]
        if key.hasSuffix("aux") { forms.append(String(key.dropLast(3)) + "al") }
        if key.hasSuffix("es") { forms.append(String(key.dropLast(2))) }
        return forms.contains { lowercaseWords.contains($0) }
    }
}
