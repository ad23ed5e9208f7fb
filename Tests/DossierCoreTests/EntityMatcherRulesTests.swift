import Foundation
import Testing

@testable import DossierCore

private let towns = EntityKind(id: "towns", order: 0)
private let groups = EntityKind(id: "groups", order: 1)
private let people = EntityKind(id: "people", order: 2)

private func entity(
    _ id: String, _ kind: EntityKind, _ name: String, aliases: [String] = [], caseSensitive: [String] = [],
    not exclusions: [String] = []
) -> Entity {
    var entity = Entity(id: id, kind: kind, name: name, aliases: aliases)
    entity.caseSensitiveNames = caseSensitive
    entity.exclusions = exclusions
    return entity
}

private let registry = Registry(
    kinds: [towns, groups, people],
    entities: [
        entity("deir-ezzor", towns, "Deir Ezzor"),
        entity("maarrat-al-noumane", towns, "Maarrat al-Noumane"),
        entity("lattaquie", towns, "Lattaquié"),
        entity("harasta", towns, "Harasta"),
        entity("harasta-al-bassal", towns, "Harasta al-Bassal"),
        entity("douma", towns, "Douma", not: ["la Douma", "Douma russe", "Douma d'État"]),
        entity("le-quotidien", groups, "Le Quotidien", caseSensitive: ["Le Quotidien"]),
        entity("l-express", groups, "L'Express"),
        entity("etat-islamique", groups, "État islamique", aliases: ["EI"]),
        entity("coalition", groups, "coalition internationale", aliases: ["coalition anti-EI"]),
        entity("bachar-al-assad", people, "Bachar al-Assad", aliases: ["Assad"]),
        entity("hafez-al-assad", people, "Hafez al-Assad"),
        entity("binali-yildirim", people, "Binali Yildirim"),
        entity("boukamal", towns, "Boukamal", aliases: ["Abou Kamal", "Albou Kamal"]),
        entity("al-qaida", groups, "Al-Qaïda"),
        entity("la-haye", towns, "La Haye"),
        entity("mare", towns, "Mare"),
        entity("front-al-nosra", groups, "Front al-Nosra", aliases: ["Nosra"]),
    ])

/// The mentions of a text, as `id:words` in reading order.
private func mentions(_ text: String, in entities: Registry = registry) -> [String] {
    let article = Article(file: SourcePath("a.txt"), slug: "a", title: "A", body: .plain([PlainBlock(.paragraph, text, line: 1)]))
    let linked = EntityLinker(registry: entities, mode: .all).link(article)
    return linked.mentions.map { mention in
        let bytes = Array(linked.sentences[mention.sentence].utf8)
        return "\(linked.entityID(of: mention)):" + String(decoding: bytes[mention.range], as: UTF8.self)
    }
}

@Suite("Matcher: joins, homonyms, case and exclusions")
struct EntityMatcherRulesTests {
    @Test(
        "A name written with or without a hyphen or space between its parts is the same name",
        arguments: ["Deir ez-Zor", "Deir Ezzor", "DEIR EZ ZOR", "Deir-Ezzor", "Deir ezZor"])
    func joinedParts(spelling: String) {
        #expect(mentions("Les frappes sur \(spelling) ont repris.") == ["deir-ezzor:\(spelling)"])
    }

    @Test("Arabic ayn and hamza letters (ʿ ʾ) inside a name do not hide it")
    func arabicLetters() {
        #expect(mentions("Les combats à Maʿarrat al-Nouʿmane.") == ["maarrat-al-noumane:Maʿarrat al-Nouʿmane"])
    }

    @Test("A French preposition never glues onto a name: `à Boukamal` is Boukamal, not `Abou Kamal`")
    func prepositionDoesNotGlue() {
        #expect(mentions("Ils sont arrivés ensuite à Boukamal.") == ["boukamal:Boukamal"])
        #expect(mentions("Les combats à Al-Boukamal et à Abou-Kamal.") == ["boukamal:Al-Boukamal", "boukamal:Abou-Kamal"])
        #expect(mentions("Le tribunal de La Haye.") == ["la-haye:La Haye"])
    }

    @Test("A one-word proper name is never an all-lowercase word: `une mare` is not the town of Mare")
    func lowercaseCommonNoun() {
        #expect(mentions("Une mare près de Mare, à MARE et #Mare, pas #mare.") == ["mare:Mare", "mare:MARE", "mare:Mare"])
        // Names of several words are often written in lowercase in French (`l'armée syrienne`): they still match.
        #expect(mentions("le front al-nosra et le front.") == ["front-al-nosra:front al-nosra"])
    }

    @Test("Transliterated hamza inside a word is part of it: `Al-Qaʾida` and `Al-Qaida` are Al-Qaïda")
    func hamza() {
        #expect(mentions("Al-Qaʾida et Al-Qaida.") == ["al-qaida:Al-Qaʾida", "al-qaida:Al-Qaida"])
    }

    @Test("Turkish dotless ı folds to i: `Yıldırım` is Binali Yildirim")
    func turkishLetters() {
        #expect(mentions("Le Premier ministre Binali Yıldırım a parlé.") == ["binali-yildirim:Binali Yıldırım"])
    }

    @Test("An elided `l’` never glues onto the next word to form a name: `l’Attaquié` is not Lattaquié")
    func elisionDoesNotGlue() {
        #expect(mentions("Il a cité l’Attaquié et l'attaquie, pas Lattaquié.") == ["lattaquie:Lattaquié"])
    }

    @Test("A name that begins with an elided article matches whole: `L'Express`, `l’Express`")
    func nameStartingWithElision() {
        #expect(mentions("Selon L'Express et l’Express, non.") == ["l-express:L'Express", "l-express:l’Express"])
    }

    @Test("Nested names: `Harasta al-Bassal` is one mention, `Harasta` another")
    func nestedTowns() {
        #expect(
            mentions("De Harasta al-Bassal à Harasta, puis Harasta-al-Bassal.") == [
                "harasta-al-bassal:Harasta al-Bassal", "harasta:Harasta", "harasta-al-bassal:Harasta-al-Bassal",
            ])
    }

    @Test("`coalition anti-EI` is the coalition only, not the EI inside it")
    func coalitionAntiEI() {
        #expect(
            mentions("La coalition anti-EI frappe l'EI.") == ["coalition:coalition anti-EI", "etat-islamique:EI"])
    }

    @Test("`Hafez al-Assad` is the father, not `Assad` the son")
    func fatherAndSon() {
        #expect(
            mentions("Hafez al-Assad a précédé Bachar al-Assad ; Assad règne.") == [
                "hafez-al-assad:Hafez al-Assad", "bachar-al-assad:Bachar al-Assad", "bachar-al-assad:Assad",
            ])
    }

    @Test("The Russian parliament is not the town: `la Douma`, `Douma russe` and `Douma d'Etat` are left alone")
    func doumaHomonym() {
        #expect(
            mentions("La Douma a voté. Le président de la Douma russe, puis la Douma d'Etat. Frappes à Douma.")
                == ["douma:Douma"])
        #expect(mentions("Les habitants de Douma fuient vers Damas.") == ["douma:Douma"])
    }

    @Test("A case-sensitive name matches only as written: `Le Quotidien`, not `le quotidien` or `LE QUOTIDIEN`")
    func caseSensitiveName() {
        #expect(
            mentions("Selon Le Quotidien, le quotidien des habitants est dur. LE QUOTIDIEN ? Le quotidien.")
                == ["le-quotidien:Le Quotidien"])
    }

    @Test("An acronym is case-sensitive by itself, even across an elision")
    func acronym() {
        #expect(mentions("Les ei et Ei ne sont pas l’EI ni L'EI.") == ["etat-islamique:EI", "etat-islamique:EI"])
    }
}

@Suite("Registry: case_sensitive and not")
struct RegistryRulesTests {
    private func load(_ yaml: String) -> (Registry, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let registry = RegistryLoader.load(yaml, diagnostics: &diagnostics)
        return (registry, diagnostics)
    }

    @Test("`case_sensitive: true` makes every name case-sensitive; a list names some of them")
    func caseSensitiveForms() {
        let (registry, diagnostics) = load(
            """
            groups:
              le-quotidien:
                case_sensitive: true
                name: Le Quotidien
                aliases: [Le Jour]
              le-monde:
                name: Le Monde
                aliases: [Monde]
                case_sensitive: [Monde]
            """)
        #expect(diagnostics.isEmpty)
        #expect(registry["le-quotidien"]?.caseSensitiveNames == ["Le Quotidien", "Le Jour"])
        #expect(registry["le-monde"]?.caseSensitiveNames == ["Monde"])
    }

    @Test("`case_sensitive` naming something that is not a name is an error on its line")
    func caseSensitiveUnknown() {
        let (_, diagnostics) = load(
            """
            groups:
              le-monde:
                name: Le Monde
                case_sensitive: [Le monde]
            """)
        #expect(diagnostics.map(\.code) == ["case-sensitive-unknown"])
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.message.contains("`Le monde`") == true)
    }

    @Test("`not` must be phrases, not a mapping; a phrase without the entity's name is a warning")
    func notPhrases() {
        let (registry, diagnostics) = load(
            """
            towns:
              douma:
                name: Douma
                not: [la Douma, Parlement russe]
              alep:
                name: Alep
                not: {la: Alep}
            """)
        #expect(registry["douma"]?.exclusions == ["la Douma", "Parlement russe"])
        #expect(diagnostics.map(\.code) == ["not-type"])
        #expect(diagnostics.first?.line == 7)
        let linker = EntityLinker(registry: registry, mode: .first)
        #expect(linker.registryDiagnostics.map(\.code) == ["not-phrase-idle"])
        #expect(linker.registryDiagnostics.first?.message.contains("`Parlement russe`") == true)
    }

    @Test("A name with punctuation between its words can never match: a warning says so")
    func unmatchableName() {
        let (registry, _) = load(
            """
            groups:
              hts:
                name: Hayat Tahrir al-Cham (HTS)
                aliases: [HTS, Jabhat Fatah al-Cham]
            """)
        let diagnostics = EntityLinker(registry: registry, mode: .first).registryDiagnostics
        #expect(diagnostics.map(\.code) == ["name-unmatchable"])
        #expect(diagnostics.first?.message.contains("`Hayat Tahrir al-Cham (HTS)` of `hts`") == true)
        #expect(diagnostics.first?.line == 2)
    }

    @Test("A name shared by two entities is an error that names both, with their lines")
    func sharedName() {
        let (registry, _) = load(
            """
            towns:
              douma:
                name: Douma
            groups:
              douma-russe:
                name: Parlement russe
                aliases: [douma]
            """)
        let diagnostics = EntityLinker(registry: registry, mode: .first).registryDiagnostics
        #expect(diagnostics.map(\.code) == ["alias-shared"])
        #expect(diagnostics.first?.message == "the name `Douma` belongs to both `douma` (line 2) and `douma-russe` (line 5)")
        #expect(diagnostics.first?.line == 5)
    }
}
