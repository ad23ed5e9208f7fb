import Foundation
import Testing

@testable import DossierCore

private let towns = EntityKind(id: "towns", order: 0)
private let groups = EntityKind(id: "groups", order: 1)
private let people = EntityKind(id: "people", order: 2)
private let places = EntityKind(id: "places", order: 3)

private let registry = Registry(
    kinds: [towns, groups, people, places],
    entities: [
        Entity(id: "damas", kind: towns, name: "Damas"),
        Entity(id: "alep", kind: towns, name: "Alep"),
        Entity(id: "raqqa", kind: towns, name: "Raqqa"),
        Entity(id: "syrie", kind: places, name: "Syrie"),
        Entity(id: "etat-islamique", kind: groups, name: "État islamique", aliases: ["EI", "Daech"]),
        Entity(id: "osdh", kind: groups, name: "Observatoire syrien des droits de l'Homme", aliases: ["OSDH"]),
        Entity(id: "armee-syrienne-libre", kind: groups, name: "Armée syrienne libre"),
        Entity(id: "armee-syrienne", kind: groups, name: "Armée syrienne"),
        Entity(id: "ahrar-al-cham", kind: groups, name: "Ahrar al Cham"),
        Entity(id: "bachar-al-assad", kind: people, name: "Bachar al-Assad", aliases: ["Assad"]),
    ])

private func link(_ markdown: String, mode: DossierConfig.LinkMode = .first, using entities: Registry = registry)
    -> LinkedArticle
{
    let article = Article(file: SourcePath("a.md"), slug: "a", title: "A", body: .markdown(markdown[...], firstLine: 1))
    return EntityLinker(registry: entities, mode: mode).link(article)
}

private func linkPlain(_ blocks: [PlainBlock], using entities: Registry = registry) -> LinkedArticle {
    let article = Article(file: SourcePath("a.txt"), slug: "a", title: "A", body: .plain(blocks))
    return EntityLinker(registry: entities, mode: .first).link(article)
}

private func linkPlain(_ paragraph: String) -> LinkedArticle {
    linkPlain([PlainBlock(.paragraph, paragraph, line: 1)])
}

extension LinkedArticle {
    /// The entity ids mentioned, in reading order.
    fileprivate var mentioned: [String] { mentions.map(entityID(of:)) }

    /// The words of the text each mention covers, read back from its sentence.
    fileprivate var mentionTexts: [String] {
        mentions.map { mention in
            let bytes = Array(sentences[mention.sentence].utf8)
            guard mention.range.lowerBound >= 0, mention.range.upperBound <= bytes.count else { return "<out of range>" }
            return String(decoding: bytes[mention.range], as: UTF8.self)
        }
    }

    fileprivate var sentenceOfEach: [String] { mentions.map { sentences[$0.sentence] } }

    /// How many entity links the page shows.
    fileprivate var linkCount: Int { html.components(separatedBy: "<a class=\"mention").count - 1 }
}

// MARK: - Variants of a name

@Suite("Linker: variants of a registered name")
struct EntityLinkerVariantTests {
    @Test("Case does not matter for a name", arguments: ["etat islamique", "ÉTAT ISLAMIQUE", "État Islamique"])
    func caseIgnored(form: String) {
        let linked = link("Les combattants de l'\(form) reculent.")
        #expect(linked.mentioned == ["etat-islamique"])
        #expect(linked.mentionTexts == [form])
        #expect(linked.html.contains("href=\"../../groups/etat-islamique/\">\(form)</a>"))
    }

    @Test("`Etat islamique` without the accent is a mention of État islamique")
    func accentsIgnored() {
        let linked = link("Le groupe Etat islamique recule.")
        #expect(linked.mentioned == ["etat-islamique"])
        #expect(linked.mentionTexts == ["Etat islamique"])
    }

    @Test("l’EI with either apostrophe is a mention of État islamique", arguments: ["l'EI", "l’EI", "L’EI"])
    func apostrophes(form: String) {
        let linked = link("Selon les témoins, \(form) a perdu la ville.")
        #expect(linked.mentioned == ["etat-islamique"])
        #expect(linked.mentionTexts == ["EI"])
    }

    @Test(
        "Either apostrophe inside a multi-word name matches",
        arguments: ["droits de l'Homme", "droits de l’Homme", "droits de l Homme"])
    func apostropheInsideName(words: String) {
        let linked = link("Selon l'Observatoire syrien des \(words), Damas tient.")
        #expect(linked.mentioned == ["osdh", "damas"])
        #expect(linked.mentionTexts.first == "Observatoire syrien des \(words)")
    }

    @Test(
        "A hyphen or a space between the words of a name does not matter",
        arguments: [
            ("les troupes de Bachar al-Assad", "bachar-al-assad", "Bachar al-Assad"),
            ("les troupes de Bachar al Assad", "bachar-al-assad", "Bachar al Assad"),
            ("les troupes de Bachar al\u{2011}Assad", "bachar-al-assad", "Bachar al\u{2011}Assad"),
            ("le groupe Ahrar al-Cham", "ahrar-al-cham", "Ahrar al-Cham"),
            ("le groupe Ahrar al Cham", "ahrar-al-cham", "Ahrar al Cham"),
        ])
    func hyphenOrSpace(text: String, entity: String, words: String) {
        let linked = link("Ce jour-là, \(text) avançaient.")
        #expect(linked.mentioned == [entity])
        #expect(linked.mentionTexts == [words])
    }

    @Test("A non-breaking space inside a name does not matter", arguments: ["\u{00A0}", "\u{202F}"])
    func nonBreakingSpace(space: String) {
        let linked = link("Les jihadistes de l'État\(space)islamique reculent.")
        #expect(linked.mentioned == ["etat-islamique"])
        #expect(linked.mentionTexts == ["État\(space)islamique"])
        #expect(linked.linkCount == 1)
    }

    @Test("A soft hyphen (U+00AD) inside a name, common in scraped text, does not hide it")
    func softHyphen() {
        let linked = link("Les combats à Da\u{00AD}mas continuent.")
        #expect(linked.mentioned == ["damas"])
        #expect(linked.linkCount == 1)
    }

    @Test("A Markdown line break inside a name is a mention, linked whole")
    func softBreakInMarkdown() {
        let linked = link("Les jihadistes de l'Etat\nislamique reculent.")
        #expect(linked.mentioned == ["etat-islamique"])
        #expect(Array(linked.sentences) == ["Les jihadistes de l'Etat islamique reculent."])
        #expect(linked.mentionTexts == ["Etat islamique"])
        #expect(linked.html.contains(">Etat\nislamique</a>"))
        #expect(linked.linkCount == 1)
    }

    @Test("A line break inside a name in wire copy is a mention")
    func lineBreakInWireCopy() {
        let linked = linkPlain("Les jihadistes de l'Etat\nislamique reculent.")
        #expect(linked.mentioned == ["etat-islamique"])
        #expect(linked.mentionTexts == ["Etat islamique"])
        #expect(linked.linkCount == 1)
    }

    @Test(
        "French elision: the name after l', d' or qu' is found",
        arguments: [
            ("Les jihadistes de l'EI reculent.", "etat-islamique", "EI"),
            ("La province d'Alep est calme.", "alep", "Alep"),
            ("Il affirme qu'Assad a gagné.", "bachar-al-assad", "Assad"),
            ("Il affirme qu’Assad a gagné.", "bachar-al-assad", "Assad"),
        ])
    func elision(text: String, entity: String, words: String) {
        let linked = link(text)
        #expect(linked.mentioned == [entity])
        #expect(linked.mentionTexts == [words])
    }
}

// MARK: - What is not a mention

@Suite("Linker: what is and is not a mention")
struct EntityLinkerBoundaryTests {
    @Test("An acronym matches only in capitals: `ei` and `Ei` are not État islamique")
    func acronymCapitalsOnly() {
        let linked = link("Les lettres ei et Ei ne sont pas l'EI.")
        #expect(linked.mentioned == ["etat-islamique"])
        #expect(linked.mentionTexts == ["EI"])
    }

    @Test("`OSDH` is found in `l'OSDH`")
    func acronymAfterElision() {
        let linked = link("Au moins huit civils ont été tués, selon l'OSDH.")
        #expect(linked.mentioned == ["osdh"])
        #expect(linked.mentionTexts == ["OSDH"])
    }

    @Test("A name is never found inside a longer word: Syriens, syrienne, Damascène")
    func wholeWordsOnly() {
        let linked = link("Les Syriens de la ville syrienne, une Damascène et des Damascènes, en Syrie.")
        #expect(linked.mentioned == ["syrie"])
        #expect(linked.mentionTexts == ["Syrie"])
    }

    @Test("The longest name wins: `l'Armée syrienne libre` is the ASL only, `l'armée syrienne` the army")
    func longestNameWins() {
        let linked = link("Les combattants de l'Armée syrienne libre ont affronté l'armée syrienne.", mode: .all)
        #expect(linked.mentioned == ["armee-syrienne-libre", "armee-syrienne"])
        #expect(linked.mentionTexts == ["Armée syrienne libre", "armée syrienne"])
        #expect(linked.html.contains("href=\"../../groups/armee-syrienne-libre/\">Armée syrienne libre</a>"))
        #expect(linked.html.contains("href=\"../../groups/armee-syrienne/\">armée syrienne</a>"))
    }

    @Test("`(EI/Daech)` is two mentions of État islamique")
    func slashSeparatedAliases() {
        let linked = link("Les jihadistes (EI/Daech) reculent.")
        #expect(linked.mentioned == ["etat-islamique", "etat-islamique"])
        #expect(linked.mentionTexts == ["EI", "Daech"])
        #expect(linked.mentionCounts["etat-islamique"] == 2)
    }

    @Test("`#Raqqa` is a mention of Raqqa, the `#` left outside the link")
    func hashtag() {
        let linked = link("Le mot-dièse #Raqqa circule.")
        #expect(linked.mentioned == ["raqqa"])
        #expect(linked.html.contains("#<a class=\"mention mention-towns\" href=\"../../towns/raqqa/\">Raqqa</a>"))
    }
}

@Suite("Linker: addresses are not prose")
struct EntityLinkerAddressTests {
    @Test("A web address in wire copy gets no entity link inside it and is no mention")
    func urlInWireCopy() {
        let linked = linkPlain("Lire aussi : https://example.org/alep/damas")
        #expect(linked.mentions.isEmpty)
        #expect(linked.linkCount == 0)
        #expect(linked.html.contains("https://example.org/alep/damas"))
    }

    @Test("An e-mail address in wire copy gets no entity link inside it")
    func emailInWireCopy() {
        let linked = linkPlain("Écrire à contact@alep.org pour témoigner.")
        #expect(linked.mentions.isEmpty)
        #expect(linked.linkCount == 0)
    }

    @Test("A bare web address in Markdown (autolinked) is not counted as a mention")
    func autolinkInMarkdown() {
        let linked = link("Lire aussi : https://example.org/alep")
        #expect(linked.linkCount == 0)
        #expect(linked.mentions.isEmpty)
    }
}

// MARK: - Where mentions are linked

@Suite("Linker: where mentions are linked and counted")
struct EntityLinkerPlacementTests {
    @Test("A name in inline code is not linked")
    func inlineCode() {
        let linked = link("Le code `Damas` est une variable.")
        #expect(linked.linkCount == 0)
        #expect(linked.mentions.allSatisfy { !$0.linked })
        #expect(linked.html.contains("<code>Damas</code>"))
    }

    @Test("A name in a fenced code block is neither linked nor counted")
    func fencedCode() {
        let linked = link("```\nDamas\n```\n\nLa suite.")
        #expect(linked.mentions.isEmpty)
        #expect(linked.mentionCounts["damas"] == nil)
        #expect(linked.html.contains("<pre><code>Damas\n</code></pre>"))
    }

    @Test("A name inside an existing Markdown link is counted but not linked again")
    func existingLink() {
        let linked = link("Voir [Damas](https://example.org/damas) ce matin.")
        #expect(linked.mentionCounts["damas"] == 1)
        #expect(linked.mentions.map(\.linked) == [false])
        #expect(linked.linkCount == 0)
        #expect(linked.html.contains("<a href=\"https://example.org/damas\">Damas</a>"))
    }

    @Test("A name in a heading is counted but not linked; the first one in the text gets the link")
    func heading() {
        let linked = link("## Damas\n\nÀ Damas, la nuit a été calme.")
        #expect(linked.mentionCounts["damas"] == 2)
        #expect(linked.mentions.map(\.linked) == [false, true])
        #expect(linked.html.contains("<h3>Damas</h3>"))
        #expect(linked.linkCount == 1)
    }

    @Test("A wire-copy sub-heading is counted but not linked")
    func wireCopyHeading() {
        let linked = linkPlain([
            PlainBlock(.paragraph, "Premier paragraphe.", line: 1),
            PlainBlock(.heading, "Escalade autour de Damas", line: 3),
        ])
        #expect(linked.mentionCounts["damas"] == 1)
        #expect(linked.linkCount == 0)
        #expect(linked.html.contains("<h2>Escalade autour de Damas</h2>"))
    }

    @Test("By default only the first mention of an entity is linked; every one is counted")
    func firstMentionOnly() {
        let linked = link("Damas est calme. Damas dort.\n\nPlus tard, Damas se réveille.")
        #expect(linked.linkCount == 1)
        #expect(linked.mentionCounts["damas"] == 3)
        #expect(linked.mentions.map(\.linked) == [true, false, false])
    }

    @Test("With `.all`, every mention is linked")
    func allMentions() {
        let linked = link("Damas est calme. Damas dort.\n\nPlus tard, Damas se réveille.", mode: .all)
        #expect(linked.linkCount == 3)
        #expect(linked.mentions.map(\.linked) == [true, true, true])
    }

    @Test("First-mention linking is per entity: two entities in one sentence both get a link")
    func firstMentionPerEntity() {
        let linked = link("De Damas à Alep, puis Damas.")
        #expect(linked.linkCount == 2)
        #expect(linked.mentions.map(\.linked) == [true, true, false])
    }

    @Test("The link from `articles/a/` to a town is `../../towns/<id>/`")
    func linkHref() {
        let linked = link("Les combats à Damas continuent.")
        #expect(
            linked.html
                == "<p>Les combats à <a class=\"mention mention-towns\" href=\"../../towns/damas/\">Damas</a> continuent.</p>\n")
    }
}

// MARK: - Sentences

@Suite("Linker: the sentence kept for each mention")
struct EntityLinkerSentenceTests {
    @Test("The sentence kept is the whole sentence holding the mention, not the next one")
    func wholeSentence() {
        let linked = link("Près de Damas, les combats continuent. Le reste du pays est calme.")
        #expect(Array(linked.sentences) == ["Près de Damas, les combats continuent."])
        #expect(linked.mentions.first?.sentence == 0)
        #expect(linked.mentionTexts == ["Damas"])
        #expect(linked.mentions.first?.range == 9..<14)  // `Près de ` is 9 bytes: è takes two
    }

    @Test("Two sentences of one paragraph are kept apart, each with its mention")
    func twoSentences() {
        let linked = link("Près de Damas, les combats continuent. À Alep, le calme est revenu.")
        #expect(linked.sentenceOfEach == ["Près de Damas, les combats continuent.", "À Alep, le calme est revenu."])
        #expect(linked.mentionTexts == ["Damas", "Alep"])
    }

    @Test("Two mentions in one sentence share it")
    func sharedSentence() {
        let linked = link("De Damas à Alep, la route est coupée. Fin.")
        #expect(Array(linked.sentences) == ["De Damas à Alep, la route est coupée."])
        #expect(linked.mentions.map(\.sentence) == [0, 0])
        #expect(linked.mentionTexts == ["Damas", "Alep"])
    }

    @Test("Glued sentences `l'OSDH.Citant` split after the full stop")
    func gluedSentences() {
        let linked = link("Selon l'OSDH.Citant des sources locales, Damas reste calme.")
        #expect(linked.mentioned == ["osdh", "damas"])
        #expect(linked.sentenceOfEach == ["Selon l'OSDH.", "Citant des sources locales, Damas reste calme."])
        #expect(linked.mentionTexts == ["OSDH", "Damas"])
    }

    @Test(
        "A quotation closed French-style, `. »` with a space, ends its sentence",
        arguments: [" ", "\u{00A0}", "\u{202F}"])
    func frenchClosingGuillemet(space: String) {
        let linked = link("« L'EI a perdu la ville.\(space)» Damas dément.")
        #expect(linked.sentenceOfEach == ["« L'EI a perdu la ville.\(space)»", "Damas dément."])
    }

    @Test(
        "A common word that is also an abbreviation (`vol.`, `art.`) still ends a sentence before a capital",
        arguments: ["Les rebelles dénoncent le vol.", "Ce n'est pas de l'art."])
    func wordsThatLookLikeAbbreviations(first: String) {
        let linked = link("\(first) Damas dément.")
        #expect(Array(linked.sentences) == ["Damas dément."])
    }

    @Test("`M.` before a name does not end the sentence")
    func abbreviation() {
        let linked = link("Selon M. Assad, Damas tiendra. Autre phrase.")
        #expect(linked.sentenceOfEach == ["Selon M. Assad, Damas tiendra.", "Selon M. Assad, Damas tiendra."])
    }
}

// MARK: - Hostile input

@Suite("Linker: hostile input never reaches the page as markup")
struct EntityLinkerHostileInputTests {
    @Test("A .md body with `<script>` and a `javascript:` link renders neither")
    func hostileMarkdown() {
        let linked = link(
            "<script>alert(1)</script>\n\nÀ Damas, [x](javascript:alert(1)) et <script>alert(2)</script> <img src=x onerror=alert(3)>.")
        #expect(!linked.html.lowercased().contains("<script"))
        #expect(!linked.html.lowercased().contains("javascript:"))
        #expect(!linked.html.lowercased().contains("onerror"))
        #expect(linked.linkCount == 1)
    }

    @Test("A .txt body with `<script>` shows it as text")
    func hostileWireCopy() {
        let linked = linkPlain("<script>alert(1)</script> à Damas.")
        #expect(!linked.html.contains("<script"))
        #expect(linked.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(linked.linkCount == 1)
    }

    @Test("Text around an inserted link stays escaped: `<b>Alep</b>` in wire copy and in Markdown")
    func escapedAroundLink() {
        let expected =
            "&lt;b&gt;<a class=\"mention mention-towns\" href=\"../../towns/alep/\">Alep</a>&lt;/b&gt;"
        let plain = linkPlain("À <b>Alep</b> rien.")
        #expect(plain.html.contains(expected))
        #expect(!plain.html.contains("<b>"))
        let markdown = link("À &lt;b&gt;Alep&lt;/b&gt; rien.")
        #expect(markdown.html.contains(expected))
        #expect(!markdown.html.contains("<b>"))
    }

    @Test("An entity whose id and kind hold `<b>` and quotes is escaped in the link it gets")
    func hostileEntity() {
        let hostileKind = EntityKind(id: "t<b>\"", order: 0)
        let hostile = Registry(
            kinds: [hostileKind], entities: [Entity(id: "x\"><b>y", kind: hostileKind, name: "Alep", aliases: ["Alep <b>"])])
        let linked = link("À Alep, rien.", using: hostile)
        #expect(linked.mentioned.count == 1)
        #expect(linked.linkCount == 1)
        #expect(!linked.html.contains("<b>"))
        #expect(!linked.html.contains("\"><"))
        #expect(linked.html.contains("&lt;b&gt;"))
    }

    @Test("A hostile credit line is escaped, its names linked")
    func hostileSource() {
        var article = Article(
            file: SourcePath("a.txt"), slug: "a", title: "A", body: .plain([PlainBlock(.paragraph, "Texte.", line: 1)]))
        article.source = "<script>x</script> Damas"
        let linked = EntityLinker(registry: registry, mode: .first).link(article)
        let html = linked.sourceHTML ?? ""
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("href=\"../../towns/damas/\">Damas</a>"))
        #expect(linked.mentionCounts["damas"] == 1)
    }
}
