import Foundation
import Testing

@testable import DossierCore

/// Reads the search data of a built site the way `search.js` does: manifest, word shards, document blocks.
struct SearchData {
    let files: [String: Data]
    let meta: [String: Any]

    init(_ rendered: [RenderedFile]) throws {
        var files: [String: Data] = [:]
        for file in rendered where file.path.value.hasPrefix("search/") { files[file.path.value] = file.data }
        self.files = files
        let script = try #require(files["search/meta.js"])
        meta = try #require(try Self.payload(of: script).data as? [String: Any])
    }

    /// The id and the data a data script hands to `window.dossierSearch.add`, parsed as JSON.
    static func payload(of script: Data) throws -> (id: String, data: Any) {
        let text = String(decoding: script, as: UTF8.self)
        let opening = "window.dossierSearch.add("
        try #require(text.hasPrefix(opening) && text.hasSuffix(");\n"), "not a data script: \(text.prefix(80))")
        let arguments = "[" + text.dropFirst(opening.count).dropLast(3) + "]"
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(arguments.utf8)) as? [Any])
        try #require(parsed.count == 2)
        return (try #require(parsed[0] as? String), parsed[1])
    }

    /// The shard that holds a word: the longest listed key that begins it.
    func shardKey(of word: String) throws -> String? {
        let keys = try #require(meta["shards"] as? [String])
        return keys.filter { word.hasPrefix($0) }.max { $0.count < $1.count }
    }

    /// The addresses of the documents that hold a word exactly.
    func urls(of word: String) throws -> [String] {
        guard let key = try shardKey(of: word) else { return [] }
        let script = try #require(files["search/index/\(SearchScript.fileName(forKey: key)).js"])
        let shard = try #require(try Self.payload(of: script).data as? [String: [Int]])
        guard let postings = shard[word] else { return [] }
        let block = try #require(meta["block"] as? Int)
        var number = 0
        var urls: [String] = []
        for pair in stride(from: 0, to: postings.count, by: 2) {
            number += postings[pair]
            let blockScript = try #require(files["search/docs/\(number / block).js"])
            let rows = try #require(try Self.payload(of: blockScript).data as? [[String]])
            urls.append(rows[number % block][0])
        }
        return urls
    }
}

extension SearchData {
    /// Every document row, `[url, title, label, datetime, text]`, in index order.
    func rows() throws -> [[String]] {
        let documents = try #require(meta["documents"] as? Int)
        let block = try #require(meta["block"] as? Int)
        var rows: [[String]] = []
        for number in stride(from: 0, to: documents, by: block) {
            let script = try #require(files["search/docs/\(number / block).js"])
            rows += try #require(try Self.payload(of: script).data as? [[String]])
        }
        return rows
    }
}

@Suite("Search: the index written at build time")
struct SearchIndexTests {
    func seedArticleURLs(_ report: BuildReport) throws -> Set<String> {
        let site = try #require(report.site)
        return Set(site.articles.map(\.article.url.path))
    }

    @Test("Etat, islamique and the EI of l’EI lead to both seed articles; the elided l is not a word")
    func seedWords() throws {
        let report = try DossierBuilder.build(folder: TestSupport.seeds)
        let search = try SearchData(report.files)
        let articles = try seedArticleURLs(report)
        #expect(articles.count == 2)
        for word in ["etat", "islamique", "ei", "boukamal"] {
            let urls = try search.urls(of: word)
            #expect(articles.isSubset(of: Set(urls)), "\(word) → \(urls)")
        }
        // The entity page is found by its name and by its alias, and comes first (entities before articles).
        #expect(try search.urls(of: "daech").contains("groups/etat-islamique/"))
        #expect(try search.urls(of: "etat").first == "groups/etat-islamique/")
        #expect(try search.urls(of: "lei").isEmpty)
        #expect(try search.urls(of: "l").isEmpty)
        #expect(try search.urls(of: "de").isEmpty, "stop words are left out")
    }

    @Test(
        "every search data file is a well-formed script whose data parses as JSON, and two builds give the same bytes")
    func wellFormedAndStable() throws {
        let first = try SearchData(DossierBuilder.build(folder: TestSupport.seeds).files)
        let second = try SearchData(DossierBuilder.build(folder: TestSupport.seeds).files)
        let scripts = first.files.keys.filter { $0.hasSuffix(".js") }
        #expect(scripts.count > 10)
        for path in scripts {
            let payload = try SearchData.payload(of: first.files[path]!)
            #expect(path == "search/meta.js" || payload.id.hasPrefix("i:") || payload.id.hasPrefix("d:"))
        }
        #expect(first.files == second.files)
    }

    @Test("an article's text is kept whole for its snippet, so a word from its last lines can be shown in context")
    func snippetTextReachesTheEnd() throws {
        let report = try DossierBuilder.build(folder: TestSupport.seeds, baseURL: nil)
        let rows = try SearchData(report.files).rows()
        let texts = rows.filter { $0[0].hasPrefix("articles/") }.map { $0[4] }
        #expect(texts.count == 2)
        #expect(texts.contains { $0.contains("330 000 morts depuis mars 2011") })
        #expect(texts.contains { $0.contains("reprendre le contrôle de 52% du pays") })
    }

    @Test("the search page has a GET form, a live region and, without JavaScript, links to the indexes")
    func searchPage() throws {
        let report = try DossierBuilder.build(folder: TestSupport.seeds)
        let files = Dictionary(
            uniqueKeysWithValues: report.files.map { ($0.path.value, String(decoding: $0.data, as: UTF8.self)) })
        let page = try #require(files["search/index.html"])
        #expect(page.contains("<form class=\"search-form\" role=\"search\" action=\"./\" method=\"get\">"))
        #expect(page.contains("name=\"q\""))
        #expect(page.contains("role=\"status\" aria-live=\"polite\""))
        #expect(page.contains("<script src=\"../assets/search.js\" defer></script>"))
        let noscript = try #require(page.range(of: "<noscript>").map { page[$0.upperBound...] })
        let end = try #require(noscript.range(of: "</noscript>"))
        let text = noscript[..<end.lowerBound]
        #expect(text.contains("href=\"../towns/\"") && text.contains("href=\"../timeline/\""))
        // Every page has the box in its header, sending to search/ relative to itself.
        #expect(files["index.html"]?.contains("action=\"search/\" method=\"get\"") == true)
        #expect(files["towns/boukamal/index.html"]?.contains("action=\"../../search/\" method=\"get\"") == true)
        #expect(files["assets/search.js"] != nil)
    }

    @Test("a hostile title cannot leave the data script: no < at all, and the title reads back unchanged")
    func hostileTitle() throws {
        let folder = try TestSupport.temporaryFolder()
        for file in ["dossier.yml", "entities.yml"] {
            try FileManager.default.copyItem(
                at: TestSupport.seeds.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        let title = "</script><script>alert(1)</script> <!-- & Boukamal"
        let article = "---\ntitle: \"\(title)\"\ndate: 2017-11-02\n---\n\nÀ Boukamal, `</script>` et \u{2029} l’EI.\n"
        try article.write(to: folder.appendingPathComponent("hostile.md"), atomically: true, encoding: .utf8)
        let report = try DossierBuilder.build(folder: folder)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let search = try SearchData(report.files)
        for (path, data) in search.files where path.hasSuffix(".js") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<") && !text.contains("\u{2028}") && !text.contains("\u{2029}"), "\(path)")
        }
        let rows = try search.files.filter { $0.key.hasPrefix("search/docs/") }.values
            .flatMap { try SearchData.payload(of: $0).data as? [[String]] ?? [] }
        #expect(rows.contains { $0[1] == title }, "\(rows.map { $0[1] })")
        #expect(try search.urls(of: "alert").count == 1)
    }

    @Test("words are folded and cut like the page cuts a query: accents, case, both apostrophes, elision")
    func tokenizer() {
        #expect(
            SearchTokenizer.words(in: "L’État islamique (EI) et l'EI, d’Alep jusqu’à Œuvre — aujourd'hui") == [
                "etat", "islamique", "ei", "ei", "alep", "oeuvre", "aujourd", "hui",
            ])
        #expect(
            SearchTokenizer.words(in: "qu’Assad lorsqu'Idleb DEIR-EZ-ZOR") == ["assad", "idleb", "deir", "ez", "zor"])
    }

    @Test("the text of a body is what the reader sees: tags gone, entities decoded, blocks apart")
    func plainText() {
        let html = "<h2>Titre</h2>\n<p>L&#39;EI &amp; <a href=\"../x/\">Alep</a>&nbsp;:<em>a</em>b</p><p>1 &lt; 2 &bogus;</p>"
        #expect(SearchScript.plainText(fromHTML: html) == "Titre L'EI & Alep\u{A0}:ab 1 < 2 &bogus;")
    }

    @Test(
        "a shard past the size limit is cut by one more letter, and each word stays under the longest key that begins it"
    )
    func shardSplitting() {
        var postings: [String: [Int]] = [:]
        for suffix in ["", "a", "b", "ba", "bb", "c"] { postings["de" + suffix] = Array(repeating: 1, count: 9_000) }
        postings["do"] = [0, 1]
        postings["x"] = [0, 1]
        let shards = SearchIndexWriter.shards(
            of: postings.map { word, numbers in
                SearchIndexWriter.Entry(word: word, postings: Array(numbers.map(String.init).joined(separator: ",").utf8))
            })
        let keys = shards.map(\.key)
        #expect(keys.contains("de") && keys.contains("dea") && keys.contains("do") && keys.contains("x"))
        #expect(!keys.contains("d"))
        for word in postings.keys {
            let key = keys.filter { word.hasPrefix($0) }.max { $0.count < $1.count }!
            let body = shards.first { $0.key == key }!.body
            #expect(body.contains("\"\(word)\":["), "\(word) is not in shard \(key)")
        }
        #expect(shards.allSatisfy { $0.body.utf8.count <= SearchIndexWriter.shardLimit || !$0.body.contains(",\"") })
    }
}

@Suite("Search data strings")
struct SearchScriptStringTests {
    @Test("A string written into the search data reads back the same, with no raw <, >, &, control or line separator")
    func stringsRoundTrip() throws {
        let texts = TestSupport.textsAround(
            ["\"", "\\", "<", ">", "&", "\n", "\u{01}", "\u{2028}", "\u{2029}"],
            alphabet: "abcé’ 0\"\\<>&/\n\r\t\u{01}\u{1F}\u{7F}\u{A0}\u{2028}\u{2029}\u{2027}\u{1F600}", seed: 0x2028)
        for text in texts {
            var bytes: [UInt8] = []
            SearchScript.appendString(text, to: &bytes)
            let written = String(decoding: bytes, as: UTF8.self)
            let read = try JSONDecoder().decode(String.self, from: Data(bytes))
            #expect(read == text, "\(text.debugDescription) → \(written)")
            let raw = written.unicodeScalars.filter {
                "<>&".unicodeScalars.contains($0) || $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}"
            }
            #expect(raw.isEmpty, "\(text.debugDescription) → \(written)")
        }
    }
}
