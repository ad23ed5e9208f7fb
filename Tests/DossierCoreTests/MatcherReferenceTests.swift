import Testing

@testable import DossierCore

/// The matcher's rules written the simple way, on the String tokenizer's words and a dictionary of whole
/// names: what the folding loop, the trie and its filter of name heads must find, mention for mention.
private struct ReferenceMatcher {
    struct Pattern {
        var entity: Int?
        var firstWordLength: Int
        var letterCases: [EntityMatcher.LetterCase]?
        var needsCapital: Bool
    }

    private var patterns: [String: Pattern] = [:]

    init(registry: Registry) {
        var owners: [String: [Int]] = [:]
        for (index, entity) in registry.entities.enumerated() {
            for name in entity.names {
                let tokens = Tokenizer.tokens(of: name)
                guard let first = tokens.first else { continue }
                let key = tokens.map(\.key).joined()
                if owners[key]?.contains(index) == true { continue }
                owners[key, default: []].append(index)
                guard owners[key]!.count == 1 else { continue }  // a shared name stays its first owner's
                let letters = name.unicodeScalars.filter { TextFolding.characterClass($0) == .word }
                let isAcronym =
                    tokens.count == 1 && letters.filter(TextFolding.isUppercaseLetter).count >= 2
                    && !letters.contains(where: TextFolding.isLowercaseLetter)
                let caseSensitive = isAcronym || entity.caseSensitiveNames.contains(name)
                patterns[key] = Pattern(
                    entity: index, firstWordLength: first.key.utf8.count,
                    letterCases: caseSensitive ? EntityMatcher.letterCases(of: name) : nil,
                    needsCapital: !caseSensitive && tokens.count == 1
                        && letters.first.map(TextFolding.isUppercaseLetter) == true)
            }
        }
        for entity in registry.entities {
            for phrase in entity.exclusions {
                let tokens = Tokenizer.tokens(of: phrase)
                guard let first = tokens.first else { continue }
                let key = tokens.map(\.key).joined()
                guard owners[key] == nil else { continue }
                owners[key] = []
                patterns[key] = Pattern(
                    entity: nil, firstWordLength: first.key.utf8.count, letterCases: nil, needsCapital: false)
            }
        }
    }

    /// Leftmost-longest over whole words joined by soft gaps; nothing inside a web or e-mail address.
    func matches(in text: String) -> [NameMatch] {
        let tokens = Tokenizer.tokens(of: text)
        let elisions = referenceElisions(text, tokens)
        let utf8 = Array(text.utf8)
        var found: [NameMatch] = []
        var index = 0
        while index < tokens.count {
            var best: (pattern: Pattern, last: Int)?
            var key = ""
            var last = index
            while last < tokens.count, last == index || tokens[last].softGapBefore {
                key += tokens[last].key
                if let pattern = patterns[key], accepts(pattern, tokens, from: index, to: last, elisions, utf8) {
                    best = (pattern, last)
                }
                last += 1
            }
            guard let best else {
                index += 1
                continue
            }
            if let entity = best.pattern.entity {
                found.append(NameMatch(entity: entity, start: tokens[index].start, end: tokens[best.last].end))
            }
            index = best.last + 1
        }
        let addresses = WebAddresses.ranges(in: utf8)
        return found.filter { match in !addresses.contains { $0.overlaps(match.start..<match.end) } }
    }

    private func accepts(
        _ pattern: Pattern, _ tokens: [Token], from first: Int, to last: Int, _ elisions: [Bool], _ utf8: [UInt8]
    ) -> Bool {
        let functionWords: Set<String> = [
            "a", "au", "aux", "de", "des", "du", "en", "et", "la", "le", "les", "ou", "un", "une", "y", "sur", "par",
            "pour", "dans", "vers", "avec", "sans", "chez", "entre", "contre",
        ]
        let opening = tokens[first].key
        if pattern.firstWordLength != opening.utf8.count && (elisions[first] || functionWords.contains(opening)) {
            return false
        }
        let span = String(decoding: utf8[tokens[first].start..<tokens[last].end], as: UTF8.self)
        if let cases = pattern.letterCases { return EntityMatcher.letterCases(of: span) == cases }
        if pattern.needsCapital { return span.unicodeScalars.contains(where: TextFolding.isUppercaseLetter) }
        return true
    }
}

private let kinds = [EntityKind(id: "towns", order: 0), EntityKind(id: "groups", order: 1)]

/// Parts of names: short and long words, function words and elided articles (which a name may begin with),
/// accents, capitals, a dotless ı and an ayn.
private let nameParts = [
    "Abou", "Kamal", "Boukamal", "Deir", "ez", "Zor", "Ezzor", "Alep", "Hama", "Homs", "al", "Assad", "Bachar",
    "État", "islamique", "EI", "OSDH", "FDS", "La", "Haye", "de", "Mistura", "Le", "Quotidien", "l’Express",
    "d'Alep", "Front", "Nosra", "Maʿarrat", "Noumane", "Yıldırım", "Œuvre", "Saint", "Jean", "Harasta", "Bassal",
    "à", "A", "Dar", "Darayya", "Qaïda", "Nouvelle", "gouvernementales", "Lattaquié", "y", "Y", "un", "Un",
]

/// Ways to join two parts of a name, or of a text.
private let joins = [
    " ", " ", " ", "-", "\u{A0}", "’", "'", "\n", "\u{202F}", "\u{AD}", "", " - ", ", ", ". ", " (", ") ",
]

private func randomRegistry(_ random: inout SplitMix) -> Registry {
    var entities: [Entity] = []
    for number in 0..<(4 + random.next(14)) {
        var names: [String] = []
        for _ in 0..<(1 + random.next(3)) {
            var name = nameParts[random.next(nameParts.count)]
            for _ in 0..<random.next(3) {
                name += [" ", "-", " ", "’"][random.next(4)] + nameParts[random.next(nameParts.count)]
            }
            names.append(name)
        }
        var entity = Entity(
            id: "e\(number)", kind: kinds[random.next(2)], name: names[0], aliases: Array(names.dropFirst()))
        if random.next(5) == 0 { entity.caseSensitiveNames = [names[random.next(names.count)]] }
        if random.next(4) == 0 {
            let article = ["la", "le", "de", "l’", "à"][random.next(5)]
            entity.exclusions = [article + " " + names[0], names[0] + " " + nameParts[random.next(nameParts.count)]]
        }
        entities.append(entity)
    }
    return Registry(kinds: kinds, entities: entities)
}

/// A text made of the registry's words, written as texts write them (case, accents, joins), and others.
private func randomText(_ random: inout SplitMix, registry: Registry) -> String {
    let names = registry.entities.flatMap(\.names) + registry.entities.flatMap(\.exclusions)
    let others = [
        "les", "forces", "ont", "repris", "la", "ville", "de", "l’", "d’", "qu’", "l'", "jusqu’", "à", "Etat", "etat",
        "ETAT", "Abou-Kamal", "aboukamal", "www.ei.org", "nom@fds.org", "https://x.fr/Alep", "M.", "…", "—", "«",
        "»", "👍🏽", "가나다", "e\u{301}", "x\u{308}", "3", "2017", "\u{FEFF}", "\u{200D}", "\r\n", "\t", ":",
    ]
    var text = ""
    for _ in 0..<random.next(40) {
        var piece = random.next(3) == 0 ? others[random.next(others.count)] : names[random.next(names.count)]
        switch random.next(6) {
        case 0: piece = piece.uppercased()
        case 1: piece = piece.lowercased()
        case 2: piece = piece.replacingOccurrences(of: " ", with: ["-", "\u{A0}", "", "\n"][random.next(4)])
        case 3: piece = piece.replacingOccurrences(of: "É", with: "E").replacingOccurrences(of: "é", with: "e")
        default: break
        }
        text += piece + joins[random.next(joins.count)]
    }
    return text
}

extension String {
    /// The first `count` Characters from UTF-8 offset `start`.
    fileprivate func utf8Prefix(_ start: Int, _ count: Int) -> String {
        String(String(decoding: Array(utf8)[start...], as: UTF8.self).prefix(count))
    }
}

@Suite("The matcher finds what the rules written on Strings find")
struct MatcherReferenceTests {
    @Test("Random registries and texts: the same mentions, at the same places")
    func matchesReference() {
        var random = SplitMix(seed: 2024)
        var mentions = 0
        var elided = 0
        for _ in 0..<150 {
            let registry = randomRegistry(&random)
            let matcher = EntityMatcher(registry: registry)
            let reference = ReferenceMatcher(registry: registry)
            // One `FoldedText` for all the texts, as the linker reuses one for every paragraph.
            var folded = FoldedText()
            var found: [NameMatch] = []
            for _ in 0..<60 {
                let text = randomText(&random, registry: registry)
                let expected = reference.matches(in: text)
                mentions += expected.count
                elided += expected.filter { ["l’", "L’", "d'", "D'"].contains(text.utf8Prefix($0.start, 2)) }.count
                #expect(matcher.matches(in: text) == expected, "\(text.debugDescription)")
                matcher.matches(inUTF8: Array(text.utf8), folded: &folded, into: &found)
                #expect(found == expected, "\(text.debugDescription)")
            }
        }
        // The texts hold many mentions, names that begin with an elided article among them.
        #expect(mentions > 5_000 && elided > 50, "\(mentions) mentions, \(elided) elided")
    }
}
