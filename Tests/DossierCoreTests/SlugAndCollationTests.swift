import Foundation
import Testing

@testable import DossierCore

@Suite("Slug")
struct SlugTests {
    @Test("A French title becomes readable lowercase ASCII")
    func frenchTitle() {
        #expect(Slug.make("L'armée syrienne reprend Boukamal") == "l-armee-syrienne-reprend-boukamal")
    }

    @Test("Accents and ligatures are folded: É → e, Œ → oe, ç → c")
    func accentsFolded() {
        #expect(Slug.make("État islamique, Œuvre à Déir ez-Zor, façade") == "etat-islamique-oeuvre-a-deir-ez-zor-facade")
    }

    @Test("Any run of punctuation and spaces becomes one hyphen")
    func punctuationRuns() {
        #expect(Slug.make("Damas : « 52 % » — reprise !!") == "damas-52-reprise")
        #expect(Slug.make("l’EI / Daech") == "l-ei-daech")
    }

    @Test("The byte slug maker gives what folding the title as a String and keeping its letters gives")
    func bytesAgreeWithFoldedString() {
        let alphabet = "aZé ÉœŒßøı-’'«»:;,.!?/_`[]09\u{00A0}\u{00AD}\u{200B}\u{0301}αΩж中😀İǅ\t\n"
        let texts = TestSupport.textsAround(["-", " ", "É", "\u{00AD}"], alphabet: alphabet, seed: 0x51)
        for text in texts {
            for maxLength in [60, 8, 3] {
                #expect(
                    Slug.make(text, maxLength: maxLength) == Self.reference(text, maxLength: maxLength),
                    "\(text.debugDescription) \(maxLength)")
            }
        }
    }

    /// The slug maker as it was written first: the whole text folded as a String, then scalar by scalar.
    static func reference(_ text: String, maxLength: Int) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in TextFolding.fold(text).unicodeScalars {
            if (0x30...0x39).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        guard slug.count > maxLength else { return slug }
        let cut = slug.prefix(maxLength)
        if let lastHyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: lastHyphen) > maxLength / 2 {
            return String(cut[..<lastHyphen])
        }
        return String(cut)
    }

    @Test("No leading or trailing hyphen")
    func noEdgeHyphens() {
        #expect(Slug.make(" - Alep - ") == "alep")
        #expect(Slug.make("« Raqqa »") == "raqqa")
    }

    @Test("A long title is cut to at most 60 characters, at a hyphen, never mid-word")
    func longTitleCutAtHyphen() {
        let title =
            "L'armée syrienne et ses alliés ont chassé de nouveau dimanche le groupe Etat islamique (EI) de Boukamal"
        let full = Slug.make(title, maxLength: 1000)
        let slug = Slug.make(title)
        #expect(slug.count <= 60)
        #expect(slug.count > 30)
        #expect(!slug.hasSuffix("-"))
        #expect(full.hasPrefix(slug))
        #expect(full.dropFirst(slug.count).first == "-")
        #expect(slug == "l-armee-syrienne-et-ses-allies-ont-chasse-de-nouveau")
    }

    @Test("A slug made from any title is valid")
    func madeSlugsAreValid() {
        for title in ["L'armée syrienne reprend Boukamal", "  ÉTAT  ", "52% des civils", "a_b-c"] {
            #expect(Slug.isValid(Slug.make(title)), "\(title)")
        }
    }

    @Test("Unsafe or non-canonical slugs are invalid", arguments: ["../x", "Abc", "-a", "a-", "a_b", "a b", "é", "", "a/b"])
    func invalid(slug: String) {
        #expect(!Slug.isValid(slug))
    }

    @Test("Lowercase letters, digits and inner hyphens are valid", arguments: ["boukamal", "etat-islamique", "a1", "2017"])
    func valid(slug: String) {
        #expect(Slug.isValid(slug))
    }

    /// Articles of one title take its slug, then `-2`, `-3`… in file order, passing over a number a front matter
    /// took, and over one that another title's slug already is.
    @Test("Namesakes are numbered in file order, past the slugs already taken")
    func namesakesNumberedInFileOrder() throws {
        let folder = TestSupport.dossier(registry: "towns:\ngroups:\npeople:\n")
        func write(_ name: String, _ text: String) throws {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let title = "Syrie : la trêve vole en éclats"
        for name in ["a", "c", "e", "f", "h", "i"] {
            try write("\(name).md", "---\ntitle: \"\(title)\"\n---\nDépêche \(name).\n")
        }
        try write("b.md", "---\ntitle: Autre\nslug: syrie-la-treve-vole-en-eclats-3\n---\nDépêche b.\n")
        try write("d.md", "---\ntitle: \"\(title) 5\"\n---\nDépêche d.\n")
        try write("g.md", "---\ntitle: \"Syrie : la trêve\"\n---\nDépêche g.\n")
        let report = try DossierBuilder.build(folder: folder)
        #expect(!report.diagnostics.hasErrors)
        var fileBySlug: [String: String] = [:]
        for file in report.files where file.path.value.hasPrefix("articles/") {
            let html = String(decoding: file.data, as: UTF8.self)
            let slug = file.path.value.dropFirst("articles/".count).dropLast("/index.html".count)
            fileBySlug[String(slug)] = html.components(separatedBy: "<code>").dropFirst().first?.prefix(4).description
        }
        let base = "syrie-la-treve-vole-en-eclats"
        #expect(
            fileBySlug == [
                base: "a.md", "\(base)-2": "c.md", "\(base)-3": "b.md", "\(base)-5": "d.md", "\(base)-4": "e.md",
                "\(base)-6": "f.md", "\(base)-7": "h.md", "\(base)-8": "i.md", "syrie-la-treve": "g.md",
            ])
    }
}

@Suite("French collation")
struct FrenchCollationTests {
    @Test("É sorts with E: Douma, État islamique, Euphrate")
    func accentedCapitalSortsWithE() {
        let sorted = ["Euphrate", "État islamique", "Douma"].sorted(by: FrenchCollation.areInOrder)
        #expect(sorted == ["Douma", "État islamique", "Euphrate"])
    }

    @Test("É does not sort after Z")
    func accentedCapitalBeforeZ() {
        #expect(FrenchCollation.areInOrder("État islamique", "Zabadani"))
        #expect(!FrenchCollation.areInOrder("Zabadani", "État islamique"))
    }

    @Test("Case is ignored: alep before Boukamal before damas")
    func caseIgnored() {
        let sorted = ["damas", "Boukamal", "alep"].sorted(by: FrenchCollation.areInOrder)
        #expect(sorted == ["alep", "Boukamal", "damas"])
    }

    @Test("Names that differ only by accent or case keep a stable order both ways")
    func tieBreaker() {
        #expect(FrenchCollation.areInOrder("Etat", "État") != FrenchCollation.areInOrder("État", "Etat"))
        #expect(!FrenchCollation.areInOrder("Damas", "Damas"))
    }

    @Test("The key folds case and accents")
    func key() {
        #expect(FrenchCollation.key("État islamique") == "etat islamique")
        #expect(FrenchCollation.key("ÉTAT ISLAMIQUE") == FrenchCollation.key("etat islamique"))
    }

    @Test(
        "The index letter of a name",
        arguments: [("Élysée", "E"), ("état", "E"), ("Œcuménique", "O"), ("alep", "A"), ("« Raqqa »", "R"), ("2017", "#")])
    func initial(name: String, letter: String) {
        #expect(FrenchCollation.initial(name) == letter)
    }
}
