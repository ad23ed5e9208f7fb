/// The names of the world the suggester recognises by their shape: organisations' head nouns, places'
/// and towns' first words, countries, regions and seas, institutions, given names.
extension NameLexicon {
    /// Nouns that head the French name of an organisation, followed by lowercase words:
    /// `Armée syrienne libre`, `Forces démocratiques syriennes`, `Gardes de la révolution`.
    static let organisationHeads: Set<String> = [
        "armee", "forces", "force", "gardes", "garde", "gardiens", "conseil", "observatoire", "front", "coalition",
        "commission", "comite", "croissant", "organisation", "union", "ligue", "parti", "mouvement", "brigade",
        "brigades", "bataillon", "bataillons", "unites", "regiment", "division", "corps", "agence", "ministere", "cour",
        "tribunal", "assemblee", "fondation", "federation", "alliance", "haut", "jeunesse", "police", "casques",
        "association", "syndicat", "institut", "centre", "reseau", "service", "services", "nations", "parlement",
        "banque", "fonds", "programme", "direction", "departement", "bureau", "secretariat", "haute", "congres",
        "senat", "chambre",
    ]

    /// Words that begin the name of a place: `Mont Hermon`, `Plateau du Golan`, `Lac Assad`, `Wadi Barada`.
    static let placeHeads: Set<String> = [
        "mont", "monts", "lac", "plateau", "golfe", "mer", "vallee", "plaine", "desert", "jebel", "djebel", "jabal",
        "wadi", "ocean",
    ]

    /// Arabic words that begin the names of towns and quarters: `Aïn Issa`, `Tell Abyad`, `Khan Cheikhoun`.
    static let townHeads: Set<String> = [
        "ain", "ayn", "tell", "tall", "tal", "tel", "deir", "kafr", "kfar", "kafar", "bab", "ras", "jisr", "khan",
        "maarat", "maaret", "marat", "qasr", "beit", "bir", "souk", "qalaat", "mazraat", "baba", "hay", "harat",
    ]

    /// Countries, as the dispatches write them.
    static let countries: Set<String> = [
        "afghanistan", "afrique du sud", "albanie", "algerie", "allemagne", "angleterre", "arabie saoudite",
        "argentine", "armenie", "australie", "autriche", "azerbaidjan", "bahrein", "bangladesh", "belgique",
        "bielorussie", "birmanie", "bosnie", "bresil", "bulgarie", "canada", "chine", "chypre", "cisjordanie",
        "coree du nord", "coree du sud", "croatie", "cuba", "danemark", "djibouti", "egypte", "emirats",
        "emirats arabes unis", "erythree", "espagne", "estonie", "etats unis", "ethiopie", "finlande", "france",
        "georgie", "grande bretagne", "grece", "hongrie", "inde", "indonesie", "irak", "iraq", "iran", "irlande",
        "islande", "israel", "italie", "japon", "jordanie", "kazakhstan", "kenya", "kirghizistan", "kosovo", "koweit",
        "lettonie", "liban", "libye", "lituanie", "luxembourg", "malaisie", "mali", "maroc", "mauritanie", "mexique",
        "moldavie", "mongolie", "nepal", "niger", "nigeria", "norvege", "nouvelle zelande", "oman", "ouganda",
        "ouzbekistan", "pakistan", "palestine", "pays bas", "philippines", "pologne", "portugal", "qatar",
        "roumanie", "royaume uni", "russie", "serbie", "slovaquie", "slovenie", "somalie", "soudan", "sri lanka",
        "suede", "suisse", "syrie", "tadjikistan", "taiwan", "tchad", "tchequie", "thailande", "tunisie",
        "turkmenistan", "turquie", "ukraine", "venezuela", "vietnam", "yemen",
    ]

    /// Continents, regions of the world and seas: places, never towns.
    static let worldRegions: Set<String> = [
        "afrique", "amerique", "amerique latine", "asie", "europe", "oceanie", "moyen orient", "proche orient",
        "maghreb", "machrek", "levant", "sahel", "caucase", "balkans", "scandinavie", "kurdistan", "kurdistan irakien",
        "golan", "gaza", "crimee", "tchetchenie", "daghestan", "cachemire", "mediterranee", "mer noire", "mer rouge",
        "mer caspienne", "mer egee", "mer morte", "atlantique", "pacifique", "ocean indien", "golfe persique",
    ]

    /// Institutions named after their seat or standing for a state: groups, never towns or places.
    static let institutions: Set<String> = [
        "maison blanche", "pentagone", "kremlin", "elysee", "matignon", "quai d orsay", "knesset", "bundestag",
        "douma d etat", "downing street", "vatican", "departement d etat", "congres americain", "senat americain",
    ]

    /// Given names common in the news from Syria and about it: a name that starts with one is a person's.
    static let givenNames: Set<String> = [
        // Arabic, Kurdish and Persian.
        "abdallah", "abdel", "abdelkader", "abdul", "abdullah", "abou", "abu", "adnan", "ahmad", "ahmed", "akram",
        "ali", "amer", "anas", "anouar", "anwar", "asma", "ayman", "bachar", "bashar", "bassam", "bassel", "bilal",
        "fadi", "fares", "farouk", "fawaz", "fayez", "firas", "fouad", "ghassan", "hadi", "hafez", "haider", "haitham",
        "hamid", "hamza", "hassan", "haytham", "hicham", "hisham", "hussein", "ibrahim", "imad", "issam", "jamal",
        "jamil", "javad", "kamal", "karim", "khaled", "khalid", "khalil", "louai", "louay", "maamoun", "mahmoud",
        "majid", "mamoun", "marwan", "mazloum", "mohamed", "mohammad", "mohammed", "moaz", "mouaz", "mouhammad",
        "mounir", "moustafa", "mustafa", "nabil", "nasr", "nizar", "nouri", "omar", "oussama", "qassem", "radwan",
        "raed", "rami", "rania", "razan", "riad", "riyad", "saad", "said", "salah", "saleh", "salih", "salim", "samer",
        "sami", "samir", "selim", "souheil", "suhail", "talal", "tarek", "wael", "walid", "wassim", "yasser", "yassin",
        "youssef", "zahran", "zaher", "zeid", "ziad",
        // Turkish.
        "ahmet", "binali", "hakan", "hulusi", "ismail", "mehmet", "mevlut", "recep", "suleyman",
        // Russian and Ukrainian.
        "alexandre", "andrei", "dmitri", "dmitry", "evgueni", "guennadi", "igor", "ivan", "iouri", "mikhail",
        "nikolai", "sergei", "serguei", "valeri", "vassili", "viatcheslav", "vladimir",
        // Western and others.
        "angela", "anne", "antonio", "ashton", "barack", "benjamin", "benyamin", "boris", "catherine", "chuck",
        "david", "donald", "emmanuel", "federica", "florence", "francois", "george", "georges", "hillary", "irina",
        "james", "jean", "jim", "joe", "john", "kofi", "lakhdar", "laurent", "marine", "mark", "michael", "michel",
        "mike", "navi", "nicolas", "nikki", "paul", "peter", "philippe", "pierre", "rex", "richard", "robert",
        "samantha", "staffan", "stephen", "susan", "theresa", "thomas", "ursula", "william",
    ]
}

extension NameLexicon {
    /// Cities whose French name begins with an article, found without it after `au`, `du`: `au Caire`.
    static let townsWithArticle: [String: String] = [
        "caire": "Le Caire", "haye": "La Haye", "mecque": "La Mecque", "havre": "Le Havre",
    ]
}
