import Foundation
import Testing
import Yams

@testable import DossierCore

/// Helpers for the `entities suggest` tests: run the suggester on a folder, find a suggestion by name.
private enum Suggest {
    static func report(_ folder: URL, minCount: Int? = nil, limit: Int = 50) throws -> SuggestionReport {
        let report = try EntitySuggester.suggest(folder: folder, minCount: minCount, limit: limit)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        return report
    }

    static func names(_ report: SuggestionReport) -> [String] { report.suggestions.map(\.name) }

    static func named(_ name: String, in report: SuggestionReport) throws -> Suggestion {
        try #require(report.suggestions.first { $0.name == name }, "no suggestion \(name) in \(names(report))")
    }

    /// A copy of the seed articles with a registry that knows only Boukamal, the EI and the OSDH.
    static func seedsWithSmallRegistry() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        for name in ["000_94cd7e84aae576f1.txt", "001_eaae213581ca3af3.txt"] {
            try FileManager.default.copyItem(
                at: TestSupport.seeds.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let registry = """
            towns:
              boukamal:
                name: Boukamal
            groups:
              etat-islamique:
                name: État islamique
                aliases: [EI]
              osdh:
                name: Observatoire syrien des droits de l'Homme
                aliases: [OSDH]
            people:

            """
        try registry.write(to: folder.appendingPathComponent("entities.yml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The YAML part of the command's output, from its first comment line.
    static func yamlBlock(of output: String) throws -> String {
        let start = try #require(output.range(of: "# Paste each entry"))
        return String(output[start.lowerBound...])
    }

    /// Every example's `file:line` must be a line of the raw file that holds the name's first word.
    static func expectRealLines(_ report: SuggestionReport, in folder: URL) throws {
        for suggestion in report.suggestions {
            let example = suggestion.example
            let text = try String(contentsOf: folder.appendingPathComponent(example.file.value), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            try #require(example.line >= 1 && example.line <= lines.count, "\(suggestion.name): line \(example.line)")
            let written = String(decoding: Array(example.sentence.utf8)[example.nameRange], as: UTF8.self)
            let firstWord = String(written.prefix { $0 != " " && $0 != "-" && $0 != "'" })
            #expect(
                lines[example.line - 1].contains(firstWord),
                "\(suggestion.name): \(example.file):\(example.line) is `\(lines[example.line - 1])`")
            #expect(example.sentence.contains(written) && !written.isEmpty)
        }
    }
}

@Suite("entities suggest: the seed dossier")
struct SuggestSeedTests {
    @Test("the seeds' registry names every entity of the seeds: nothing to suggest, and the output says so")
    func seedsAreComplete() throws {
        let report = try Suggest.report(TestSupport.seeds)
        #expect(report.articleCount == 2)
        #expect(report.suggestions.isEmpty, "\(Suggest.names(report))")
        #expect(
            SuggestionRenderer.render(report, folder: "seeds")
                == "No unregistered names found in seeds (2 articles): entities.yml names everything that looks like an entity.\n"
        )
    }

    @Test(
        "with a small registry, the seeds yield what an editor would add, each under the right kind, and nothing else")
    func smallRegistry() throws {
        let report = try Suggest.report(try Suggest.seedsWithSmallRegistry())
        let expected: [String: String] = [
            "Damas": "towns", "Douma": "towns", "Harasta": "towns", "Mesraba": "towns",
            "AFP": "groups", "ONU": "groups", "Reuters": "groups", "Sana": "groups", "Hezbollah": "groups",
            "Ahrar al-Cham": "groups", "Gardes de la révolution": "groups",
            "Rami Abdel Rahmane": "people", "Bachar al-Assad": "people", "Donald Trump": "people",
            "Vladimir Poutine": "people",
            "Syrie": "places", "Irak": "places", "Russie": "places", "Euphrate": "places", "Deir Ezzor": "places",
            "Ghouta": "places",
        ]
        #expect(Set(Suggest.names(report)) == Set(expected.keys))
        for suggestion in report.suggestions {
            #expect(suggestion.kind == expected[suggestion.name], "\(suggestion.name): \(suggestion.kind)")
        }
        // Counted by hand in the two articles.
        #expect(try Suggest.named("Syrie", in: report).count == 9)
        #expect(try Suggest.named("Damas", in: report).count == 5)
        #expect(try Suggest.named("AFP", in: report).count == 5)
        #expect(try Suggest.named("Hezbollah", in: report).count == 3)
        #expect(Array(Suggest.names(report).prefix(3)) == ["Syrie", "AFP", "Damas"])
        #expect(try Suggest.named("Harasta", in: report).evidence == "after \"localité de\"")
        #expect(try Suggest.named("Euphrate", in: report).evidence == "after \"fleuve\"")
    }

    @Test("registered names, months, weekdays and sentence openers are never suggested")
    func falseFriends() throws {
        let report = try Suggest.report(try Suggest.seedsWithSmallRegistry())
        let keys = Set(report.suggestions.map { FrenchCollation.key($0.name) })
        for word in [
            "Boukamal", "EI", "OSDH", "Etat", "État islamique", "Observatoire", "Homme", "mars", "novembre", "Samedi",
            "dimanche", "Appuyées", "Ailleurs", "Répondant", "Selon", "Dans", "Mais", "Escalade", "Pas", "Avec", "En",
            "Au", "Le", "La", "L", "D", "Un", "Première",
        ] {
            #expect(!keys.contains(FrenchCollation.key(word)), "\(word) was suggested")
        }
    }

    @Test("every example gives a real file:line, and the sentence holds the name")
    func realLines() throws {
        let folder = try Suggest.seedsWithSmallRegistry()
        let report = try Suggest.report(folder)
        try Suggest.expectRealLines(report, in: folder)
        let rami = try Suggest.named("Rami Abdel Rahmane", in: report).example
        #expect(rami.file.value == "000_94cd7e84aae576f1.txt" && rami.line == 21)
        let reuters = try Suggest.named("Reuters", in: report).example
        #expect(reuters.file.value == "001_eaae213581ca3af3.txt" && reuters.line == 17)  // `Avec AFP et Reuters`
    }

    @Test("the YAML block parses with Yams: kinds of entities with fresh, valid slug ids and the names")
    func yamlParses() throws {
        let folder = try Suggest.seedsWithSmallRegistry()
        let report = try Suggest.report(folder)
        let yaml = try Suggest.yamlBlock(of: SuggestionRenderer.render(report, folder: "seeds"))
        let root = try #require(try Yams.load(yaml: yaml) as? [String: [String: [String: Any]]])
        #expect(Set(root.keys) == ["towns", "groups", "people", "places"])
        var ids: [String] = []
        for (kind, entities) in root {
            for (id, fields) in entities {
                #expect(Slug.isValid(id), "\(id)")
                #expect(!["boukamal", "etat-islamique", "osdh"].contains(id))
                let name = try #require(fields["name"] as? String)
                #expect(try Suggest.named(name, in: report).kind == kind)
                ids.append(id)
            }
        }
        #expect(ids.count == report.suggestions.count && Set(ids).count == ids.count)
        #expect(root["groups"]?["ahrar-al-cham"]?["name"] as? String == "Ahrar al-Cham")
        #expect(root["places"]?["deir-ezzor"]?["name"] as? String == "Deir Ezzor")
    }
}

@Suite("entities suggest: a fixture with every kind of name")
struct SuggestFixtureTests {
    let folder = TestSupport.fixture("suggest")

    @Test("ranked by count, a strong clue counting as one mention more, then the surer guess, then in French order")
    func ranking() throws {
        let report = try Suggest.report(folder)
        #expect(report.minCount == 1 && !report.admitsStrongClues)  // three articles: every name seen once is shown
        let top = report.suggestions.prefix(5).map { "\($0.name) \($0.count)" }
        // `groupe Jaych al-Islam` twice outranks Hay'at Tahrir al-Cham, only ever seen after `chef de` or `jihadistes de`.
        #expect(
            top == [
                "Mayadine 7", "Forces démocratiques syriennes 6", "Jaych al-Islam 2", "Hay'at Tahrir al-Cham 3",
                "Raqqa 3",
            ])
        let scores = report.suggestions.map { $0.count + ($0.hasStrongClue ? 1 : 0) }
        #expect(scores == scores.sorted(by: >))
        #expect(try Suggest.named("Raqqa", in: report).hasStrongClue == false)
        #expect(try Suggest.named("Jaych al-Islam", in: report).hasStrongClue)
    }

    @Test("each kind guessed from the words around the name or from its shape")
    func kinds() throws {
        let report = try Suggest.report(folder)
        let expected: [(String, String, String)] = [
            ("Mayadine", "towns", "after \"ville de\""),
            ("Sabha", "towns", "after \"localité de\""),
            ("Cheikh Maqsoud", "towns", "after \"quartier de\""),
            ("Alep", "towns", "after \"à\""),
            ("Jaych al-Islam", "groups", "after \"groupe\""),
            ("YPG", "groups", "an acronym"),
            ("Le Monde", "groups", "in the credit line"),
            ("Souheil al-Hassan", "people", "after \"général\""),
            // A title in the text says more than a given name: it is shown.
            ("Mustafa Bali", "people", "after \"porte-parole\""),
            ("Abou Mohammed al-Joulani", "people", "before \", chef\""),
            ("Hassan Hassan", "people", "after \"M.\""),
            ("Rami Abdel Rahmane", "people", "begins with a given name"),
            ("Ayman al-Zawahiri", "people", "begins with a given name"),
            ("Idleb", "places", "after \"province d'\""),
            // At a sentence's start, but an Arabic article begins no prose: a name.
            ("Al-Qaïda", "groups", "before \", le groupe\""),
        ]
        for (name, kind, evidence) in expected {
            let suggestion = try Suggest.named(name, in: report)
            #expect(suggestion.kind == kind, "\(name)")
            #expect(suggestion.evidence == evidence, "\(name)")
        }
        #expect(try Suggest.named("Hay'at Tahrir al-Cham", in: report).kind == "groups")
    }

    @Test("an acronym takes its long form as name (`FDS` becomes an alias), and one of a registered entity is an alias")
    func acronyms() throws {
        let report = try Suggest.report(folder)
        let fds = try Suggest.named("Forces démocratiques syriennes", in: report)
        #expect(fds.aliases == ["FDS"] && fds.kind == "groups" && fds.id == "forces-democratiques-syriennes")
        #expect(!Suggest.names(report).contains("FDS") && !Suggest.names(report).contains("Forces"))
        let cds = try Suggest.named("CDS", in: report)
        #expect(cds.aliasOf == "conseil-democratique-syrien" && cds.kind == "groups")
        let output = SuggestionRenderer.render(report, folder: "suggest")
        #expect(output.contains("#   groups › conseil-democratique-syrien: CDS (mayadine.txt:14)"))
        #expect(
            output.contains(
                "  forces-democratiques-syriennes:\n    name: Forces démocratiques syriennes\n    aliases: [FDS]\n"))
    }

    @Test("elision, capitals in a heading, code, sentence openers, dates and registered names")
    func whatIsLeftOut() throws {
        let report = try Suggest.report(folder)
        let names = Set(Suggest.names(report))
        #expect(names.contains("Idleb") && names.contains("AFP"))  // from `d'Idleb` and `l'AFP`
        for word in [
            "RAQQA", "OFFENSIVE", "SUR", "HTS", "Mardi", "Jeudi", "Octobre", "Interrogé", "Les", "Dans", "Selon",
            "Voir",
            "Observatoire", "Forces", "Conseil", "Boukamal", "OSDH", "Deir Ezzor", "M", "Première", "Le", "Abou",
        ] {
            #expect(!names.contains(word), "\(word) was suggested")
        }
        // Neither the `RAQQA` of the shouted wire sub-heading nor the one-word Markdown heading `## RAQQA`.
        #expect(try Suggest.named("Raqqa", in: report).count == 3)
        // `Mayadine a été reprise…` opens a sentence, but Mayadine is written mid-sentence elsewhere: it counts.
        #expect(try Suggest.named("Mayadine", in: report).count == 7)
    }

    @Test("line numbers follow the names into the second line of a paragraph, a Markdown title and table")
    func lines() throws {
        let report = try Suggest.report(folder)
        try Suggest.expectRealLines(report, in: folder)
        let places: [(String, String, Int)] = [
            ("Cheikh Maqsoud", "raqqa.md", 8), ("Rami Abdel Rahmane", "mayadine.txt", 10), ("Raqqa", "raqqa.md", 2),
            ("Hassan Hassan", "notes.md", 3), ("Sabha", "mayadine.txt", 5),
        ]
        for (name, file, line) in places {
            let example = try Suggest.named(name, in: report).example
            #expect(example.file.value == file && example.line == line, "\(name): \(example.file):\(example.line)")
        }
    }

    @Test("--min-count and --limit leave names out and say how many")
    func thresholds() throws {
        let frequent = try Suggest.report(folder, minCount: 2)
        #expect(
            Suggest.names(frequent) == [
                "Mayadine", "Forces démocratiques syriennes", "Jaych al-Islam", "Hay'at Tahrir al-Cham", "Raqqa", "AFP",
            ])
        // A floor set by the user is strict: a strong clue lets no name seen once through.
        #expect(!frequent.admitsStrongClues && frequent.suggestions.allSatisfy { $0.count >= 2 })
        #expect(frequent.belowMinimum == 14)
        let short = try Suggest.report(folder, limit: 3)
        #expect(short.suggestions.count == 3 && short.beyondLimit == 17)
        let output = SuggestionRenderer.render(short, folder: "suggest")
        #expect(output.contains("(17 more names with as many mentions or fewer: --limit 20 shows them)"))
    }

    @Test("once the YAML is pasted under the registry's kinds, only the alias is left to add")
    func pasteRoundTrip() throws {
        let copy = try TestSupport.temporaryFolder()
        for name in ["mayadine.txt", "raqqa.md", "notes.md"] {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let report = try Suggest.report(folder)
        let yaml = try Suggest.yamlBlock(of: SuggestionRenderer.render(report, folder: "suggest"))
        var registry = try String(contentsOf: folder.appendingPathComponent("entities.yml"), encoding: .utf8)
            .components(separatedBy: "\n")
        var kind: String?
        var entries: [String: [String]] = [:]
        for line in yaml.components(separatedBy: "\n") where !line.hasPrefix("#") && !line.isEmpty {
            if !line.hasPrefix(" ") {
                kind = String(line.dropLast())
            } else if let kind {
                entries[kind, default: []].append(line)
            }
        }
        for (kind, lines) in entries {
            let index = try #require(registry.firstIndex(of: "\(kind):"), "no \(kind): in the registry")
            registry.insert(contentsOf: lines, at: index + 1)
        }
        try registry.joined(separator: "\n").write(
            to: copy.appendingPathComponent("entities.yml"), atomically: true, encoding: .utf8)
        let after = try Suggest.report(copy)
        #expect(Suggest.names(after) == ["CDS"])
    }
}

@Suite("entities suggest: names in French prose, and beside registered ones")
struct SuggestBesideRegisteredTests {
    private func suggestions(_ text: String, registered: [Entity]) -> [Suggestion] {
        let registry = Registry(
            kinds: EntityKind.builtIn.enumerated().map { EntityKind(id: $1, order: $0) }, entities: registered)
        let file = SourceFile(path: SourcePath("a.txt"), data: Data(text.utf8))
        return EntitySuggester(registry: registry).suggest([file], minCount: 1, limit: 50).suggestions
    }

    private let groups = EntityKind(id: "groups", order: 1)
    private let people = EntityKind(id: "people", order: 2)

    @Test("a name joined to a registered one by `de` is kept; one glued to it may be the same entity and is left out")
    func besideRegistered() {
        let registered = [
            Entity(id: "hezbollah", kind: groups, name: "Hezbollah"),
            Entity(id: "bachar-al-assad", kind: people, name: "Bachar al-Assad", aliases: ["Assad"]),
        ]
        let found = suggestions(
            "Les combattants du Hezbollah de Hassan Nasrallah sont arrivés. Le portrait de Hafez al-Assad a été décroché.",
            registered: registered)
        #expect(found.map(\.name) == ["Hassan Nasrallah"])
        #expect(found.first?.kind == "people")
    }

    @Test(
        "French forms: an acronym's long form in brackets after it, organisations' names, Roman ordinals, speech verbs")
    func frenchForms() {
        let found = suggestions(
            "Au XXIe siècle, l'ASL (Armée syrienne libre) a perdu Alep. Les Nations unies et le Parlement européen "
                + "ont protesté. Le Croissant-Rouge arabe syrien a pu entrer à Rukban, a dit Fran Equiza, représentant "
                + "de l'Unicef.", registered: [])
        let kinds = Dictionary(uniqueKeysWithValues: found.map { ($0.name, $0.kind) })
        #expect(
            kinds == [
                "Armée syrienne libre": "groups", "Nations unies": "groups", "Parlement européen": "groups",
                "Croissant-Rouge arabe syrien": "groups", "Unicef": "groups", "Alep": "towns", "Rukban": "towns",
                "Fran Equiza": "people",
            ])
        #expect(found.first { $0.name == "Armée syrienne libre" }?.aliases == ["ASL"])
        #expect(found.first { $0.name == "Fran Equiza" }?.evidence == "after \"a dit\"")
    }

    @Test("a surname alone is a new alias of the one registered person whose name ends with it")
    func registeredSurname() {
        let registered = [
            Entity(id: "jim-mattis", kind: people, name: "Jim Mattis"),
            Entity(id: "hafez-al-assad", kind: people, name: "Hafez al-Assad"),
            Entity(id: "bachar-al-assad", kind: people, name: "Bachar al-Assad"),
        ]
        let found = suggestions(
            "Le secrétaire Jim Mattis a démissionné jeudi. M. Mattis a écrit une lettre, que M. Assad a lue.",
            registered: registered)
        let mattis = found.first { $0.name == "Mattis" }
        #expect(mattis?.aliasOf == "jim-mattis" && mattis?.kind == "people")
        #expect(found.first { $0.name == "Assad" }?.aliasOf == nil)  // two registered people end with it
    }

    @Test("the id of a suggestion never takes a registered id")
    func freshIDs() {
        let registered = [Entity(id: "mayadine", kind: groups, name: "Brigade de Mayadine")]
        let found = suggestions("Les combattants ont repris la ville de Mayadine jeudi.", registered: registered)
        #expect(found.map(\.name) == ["Mayadine"])
        #expect(found.first?.id == "mayadine-2")
    }
}

@Suite("dossier entities suggest, from the command line", .serialized)
struct SuggestCommandTests {
    @Test("on the fixture: exit status 0, the ranked list, then YAML grouped by kind")
    func fixture() throws {
        let path = TestSupport.fixture("suggest").path
        let result = try TestSupport.runDossier(["entities", "suggest", path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        try #require(lines.count > 6)
        #expect(
            lines[0]
                == "20 names in \(path) look like entities but are not in entities.yml (3 articles, every name seen):")
        #expect(lines[2] == " 1. Mayadine · 7 mentions · towns (guessed: after \"ville de\")")
        #expect(
            lines[3]
                == "    mayadine.txt:1  « Les Forces démocratiques syriennes (FDS) ont pris jeudi la ville de Mayadine, à 45 km de Boukamal, a indiqué l'OSDH. »"
        )
        #expect(
            lines[4]
                == " 2. Forces démocratiques syriennes (FDS) · 6 mentions · groups (guessed: named like an organisation)"
        )
        #expect(lines.contains(" 9. CDS · 1 mention · new alias of groups › conseil-democratique-syrien"))
        let yaml = """
            towns:
              # 7 mentions · towns (guessed: after "ville de") · mayadine.txt:1
              #   « Les Forces démocratiques syriennes (FDS) ont pris jeudi la ville de Mayadine, à 45 km de Boukamal, a indiqué l'OSDH. »
              mayadine:
                name: Mayadine
              # 3 mentions · towns (guessed: no clue in the text) · raqqa.md:2
              #   « Les FDS entrent dans Raqqa »
              raqqa:
                name: Raqqa
            """
        #expect(result.stdout.contains(yaml))
        #expect(result.stdout.contains("\n  hay-at-tahrir-al-cham:\n    name: Hay'at Tahrir al-Cham\n"))
        #expect(result.stdout.hasSuffix("#   groups › conseil-democratique-syrien: CDS (mayadine.txt:14)\n"))
    }

    @Test("on the seeds: exit status 0 and a sentence saying there is nothing to add")
    func seeds() throws {
        let result = try TestSupport.runDossier(["entities", "suggest", TestSupport.seeds.path])
        #expect(result.status == 0)
        #expect(
            result.stdout == "No unregistered names found in \(TestSupport.seeds.path) (2 articles): "
                + "entities.yml names everything that looks like an entity.\n")
    }

    @Test("a folder that cannot be loaded: file:line: error on standard error, exit status 1, nothing suggested")
    func brokenDossier() throws {
        let missing = try TestSupport.runDossier(["entities", "suggest", "/nonexistent/dossier"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: no dossier folder at /nonexistent/dossier"))
        #expect(missing.stdout.isEmpty)

        let folder = try TestSupport.temporaryFolder()
        try "towns:\n  Bad Id:\n    name: Mayadine\n".write(
            to: folder.appendingPathComponent("entities.yml"), atomically: true, encoding: .utf8)
        try "date 2018-03 La ville de Mayadine.\n".write(
            to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let broken = try TestSupport.runDossier(["entities", "suggest", folder.path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("entities.yml:2:3: error:"), "\(broken.stderr)")
        #expect(broken.stdout.isEmpty)
    }

    @Test("--min-count and --limit must be positive")
    func badOptions() throws {
        let result = try TestSupport.runDossier(["entities", "suggest", TestSupport.seeds.path, "--min-count", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--min-count must be 1 or more"))
    }
}

@Suite("entities suggest: the labelled corpus (37 articles, 208 entities)")
struct SuggestCorpusTests {
    let folder = TestSupport.fixture("linking")

    /// The suggestions on the corpus, with the registry less the entities of these ids (read, never rewritten).
    private func report(without ids: Set<String> = [], minCount: Int? = nil) throws -> SuggestionReport {
        var diagnostics: [Diagnostic] = []
        let sources = try DossierLoader.load(folder: folder, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let registry = Registry(
            kinds: sources.registry.kinds, entities: sources.registry.entities.filter { !ids.contains($0.id) })
        return EntitySuggester(registry: registry).suggest(sources.articleFiles, minCount: minCount, limit: 500)
    }

    /// Words that name a people, never an entity of the registry.
    private let demonyms = [
        "Kurdes", "Syriens", "Irakiens", "Russes", "Turcs", "Américains", "Occidentaux", "Alaouites", "Druzes",
        "Chrétiens", "Chiites", "Sunnites", "Arabes", "Européens", "Français", "Iraniens",
    ]

    @Test("the capitalised words of offices, peoples, platforms, weapons, credits and hashtags are not suggested")
    func noNoise() throws {
        let report = try report()
        let keys = Set(report.suggestions.map { FrenchCollation.key($0.name) })
        let noise = [
            "Défense", "Affaires", "Antiquités", "Armées", "Twitter", "Congrès", "ONG", "Kalibr", "Soukhoï",
            "Soukhoï Su", "Su", "Tu", "Notes", "Revue", "Dossier", "Seconde Guerre", "Charte", "SaveGhouta",
            "RaqqaIsFree", "Défense de la Douma", "Etat John Kerry", "Noire",
        ]
        for word in noise + demonyms {
            #expect(!keys.contains(FrenchCollation.key(word)), "\(word) was suggested")
        }
        #expect(try Suggest.named("Luxembourg", in: report).kind == "places")  // not `journal … de Luxembourg`
        #expect(try Suggest.named("mer Noire", in: report).kind == "places")
        #expect(try Suggest.named("Congrès américain", in: report).kind == "groups")
    }

    @Test("the top of the list is what an editor would add: no people's name, each backed by a clue")
    func top() throws {
        let report = try report()
        let top = report.suggestions.prefix(20)
        #expect(top.count == 20)
        let demonymKeys = Set(demonyms.map(FrenchCollation.key))
        #expect(top.prefix(10).allSatisfy { !demonymKeys.contains(FrenchCollation.key($0.name)) })
        for suggestion in top {
            #expect(suggestion.hasStrongClue || suggestion.count >= 3, "\(suggestion.name): \(suggestion.evidence)")
            #expect(suggestion.evidence != "no clue in the text", "\(suggestion.name)")
        }
        #expect(report.suggestions.first?.name == "Douma d'Etat")
    }

    @Test("the Russian parliament is a group; a name seen once after a title passes the default floor, as a person")
    func strongClues() throws {
        let report = try report()
        #expect(report.minCount == 2 && report.admitsStrongClues)  // 37 articles
        let douma = try Suggest.named("Douma d'Etat", in: report)
        #expect(douma.kind == "groups" && douma.count == 4 && douma.id == "douma-d-etat")
        #expect(douma.example.file.value == "004_accord-armes-chimiques.txt" && douma.example.line == 17)
        let expected: [(String, String, String, Int)] = [
            ("Maamoun Abdelkarim", "people", "008_palmyre-chute.txt", 19),
            ("Talal Silo", "people", "017_offensive-raqqa.txt", 7),
            ("Irina Bokova", "people", "008_palmyre-chute.txt", 17),
            ("Kilis", "towns", "022_rameau-olivier.txt", 13),
            ("Wadi Barada", "places", "015_astana.txt", 13),
        ]
        for (name, kind, file, line) in expected {
            let suggestion = try Suggest.named(name, in: report)
            #expect(suggestion.kind == kind && suggestion.hasStrongClue, "\(name): \(suggestion.kind)")
            #expect(suggestion.example.file.value == file && suggestion.example.line == line, "\(name)")
        }
        #expect(try Suggest.named("Maamoun Abdelkarim", in: report).evidence == "after \"directeur\"")
        // Seen once after `à`, a weak clue: below the floor, and counted as left out.
        #expect(!Suggest.names(report).contains("Bruxelles") && report.belowMinimum > 0)
        // A floor the user sets is strict.
        let strict = try self.report(minCount: 2)
        #expect(
            !Suggest.names(strict).contains("Maamoun Abdelkarim") && strict.suggestions.allSatisfy { $0.count >= 2 })
    }

    @Test("unregistered, the ministers named after their portfolio are people, with the line of the sentence")
    func peopleAfterTitles() throws {
        let report = try report(without: ["laurent-fabius", "jim-mattis", "walid-mouallem", "serguei-choigou"])
        let expected: [(String, String, Int)] = [
            ("Laurent Fabius", "001_bataille-alep.txt", 43),  // `le ministre des Affaires étrangères Laurent Fabius`
            ("Jim Mattis", "016_khan-cheikhoun.txt", 9),  // `Le secrétaire à la Défense, Jim Mattis, a précisé`
        ]
        for (name, file, line) in expected {
            let suggestion = try Suggest.named(name, in: report)
            #expect(suggestion.kind == "people" && suggestion.hasStrongClue, "\(name): \(suggestion.evidence)")
            #expect(suggestion.example.file.value == file && suggestion.example.line == line, "\(name)")
        }
        #expect(try Suggest.named("Walid Mouallem", in: report).kind == "people")
        #expect(try Suggest.named("Sergueï Choïgou", in: report).kind == "people")
        try Suggest.expectRealLines(report, in: folder)
    }

    @Test("every suggested id is a fresh, valid slug, and every example a real line")
    func idsAndLines() throws {
        let report = try report()
        var diagnostics: [Diagnostic] = []
        let registered = Set(
            try DossierLoader.load(folder: folder, diagnostics: &diagnostics).registry.entities.map(\.id))
        let ids = report.suggestions.filter { $0.aliasOf == nil }.map(\.id)
        #expect(ids.allSatisfy { Slug.isValid($0) && !registered.contains($0) }, "\(ids)")
        #expect(Set(ids).count == ids.count)
        try Suggest.expectRealLines(report, in: folder)
    }
}

@Suite("entities suggest: the capitals of French prose that are not entities")
struct SuggestProseTests {
    private func suggestions(_ text: String) -> [Suggestion] {
        let registry = Registry(
            kinds: EntityKind.builtIn.enumerated().map { EntityKind(id: $1, order: $0) }, entities: [])
        let file = SourceFile(path: SourcePath("a.txt"), data: Data(text.utf8))
        return EntitySuggester(registry: registry).suggest([file], minCount: 1, limit: 50).suggestions
    }

    private func kinds(_ text: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: suggestions(text).map { ($0.name, $0.kind) })
    }

    @Test("a portfolio is no name; the person named after it is kept, and `la Défense civile` is an organisation")
    func portfolios() {
        #expect(
            kinds(
                "Hier, le ministre des Affaires étrangères Laurent Fabius a parlé. Le secrétaire américain à la "
                    + "Défense, Jim Mattis, a répondu. Le directeur des Antiquités syriennes, Maamoun Abdelkarim, "
                    + "a pleuré. Le ministère de la Santé a compté les morts avec la Défense civile syrienne.")
                == [
                    "Laurent Fabius": "people", "Jim Mattis": "people", "Maamoun Abdelkarim": "people",
                    "Défense civile syrienne": "groups",
                ])
    }

    @Test("peoples, platforms, weapons and hashtags are left out")
    func notEntities() {
        let found = suggestions(
            "Hier, les Kurdes et les Occidentaux ont protesté sur Twitter et Facebook sous le mot-clic #SaveGhouta. "
                + "Les forces kurdes et les pays occidentaux ont vu des missiles Kalibr et des Soukhoï Su-24 au-dessus "
                + "de Mayadine.")
        #expect(found.map(\.name) == ["Mayadine"])
    }

    @Test("a clue is read across a title's apposition, not across prose or a new clause")
    func clues() {
        let found = kinds(
            "Hier, Salih Muslim, coprésident du PYD, a parlé. La ville tenue par Bazouz a été reprise. "
                + "Sur la mer Noire, le président Vladimir Poutine a parlé au journal de Qamichli. "
                + "Le quotidien Tichrine et le secrétaire général Ban Ki-moon ont salué la prise de Ramadi, chef-lieu de "
                + "la province.")
        #expect(found["Salih Muslim"] == "people" && found["Ban Ki-moon"] == "people")
        #expect(found["mer Noire"] == "places" && found["Vladimir Poutine"] == "people")
        #expect(found["Tichrine"] == "groups" && found["Ramadi"] == "towns")
        let evidence = Dictionary(
            uniqueKeysWithValues: suggestions(
                "Hier, la ville tenue par Bazouz a été reprise. Le journal de Qamichli a parlé."
            ).map { ($0.name, $0.evidence) })
        #expect(evidence["Bazouz"] == "no clue in the text" && evidence["Qamichli"] == "no clue in the text")
    }

    @Test("a hyphenated head takes a complement with `aux`; a plain one does not")
    func complementWithAux() {
        #expect(
            kinds("Hier, le Haut-Commissariat aux réfugiés a parlé. L'Armée nationale aux abords de Raqqa a tiré.")
                == ["Haut-Commissariat aux réfugiés": "groups", "Armée nationale": "groups", "Raqqa": "towns"])
    }

    @Test("a surname alone is an alias of the one person whose full name ends with it, not of two")
    func surnames() throws {
        let found = suggestions(
            "Hier, le secrétaire d'Etat John Kerry est arrivé à Genève. M. Kerry a parlé avec Hafez al-Assad et "
                + "Bachar al-Assad. Le président Assad a répondu.")
        let kerry = try #require(found.first { $0.name == "John Kerry" })
        #expect(kerry.aliases == ["Kerry"] && kerry.count == 2 && kerry.kind == "people")
        #expect(!found.contains { $0.name == "Kerry" })
        #expect(found.contains { $0.name == "Assad" && $0.aliases.isEmpty })
        #expect(found.first { $0.name == "Bachar al-Assad" }?.aliases == [])
    }
}
