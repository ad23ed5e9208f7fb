import Foundation

/// Writes the search page and the data it runs on, at build time, so that searching needs no server.
///
/// - `search/meta.js`: the counts, the list of word shards, and the word lists the page folds queries with;
/// - `search/index/<prefix>.js`: for each folded word, the documents that hold it, with a weight;
/// - `search/docs/<n>.js`: what a result shows (address, title, date, a text for the snippet), by blocks.
///
/// A one-word query loads the manifest, the one or few shards its prefix needs, and the blocks of the results
/// it shows: never the whole index.
struct SearchIndexWriter {
    let site: Site
    let views: PageViews
    let templates: TemplateLibrary

    /// Shards bigger than this are cut by one more letter of their words.
    static let shardLimit = 48_000
    /// A shard key never grows past this many letters: a longer shared prefix is left as one shard.
    static let maxKeyLength = 6
    /// Documents per file of `search/docs/`: a page of results touches a few small files.
    static let blockSize = 16
    /// Characters of an article's opening kept for the snippet.
    static let snippetLength = 320

    /// Every file of the search: the page, the manifest, the word shards and the document blocks.
    func files() -> [RenderedFile] {
        let documents = SearchDocuments(site: site).all()
        let postings = Self.postings(of: documents)
        let shards = Self.shards(of: postings)
        var files = [page()]
        for shard in shards {
            files.append(
                RenderedFile(
                    path: OutputPath("search/index/\(SearchScript.fileName(forKey: shard.key)).js"),
                    data: SearchScript.script(id: "i:" + shard.key, json: "{" + shard.body + "}")))
        }
        let block = Self.blockSize
        for start in stride(from: 0, to: documents.count, by: block) {
            let rows = documents[start..<min(start + block, documents.count)].map(\.row)
            let number = start / block
            files.append(
                RenderedFile(
                    path: OutputPath("search/docs/\(number).js"),
                    data: SearchScript.script(id: "d:\(number)", value: .array(rows))))
        }
        let meta: [String: SearchJSON] = [
            "entities": .int(documents.count { $0.isEntity }), "documents": .int(documents.count), "block": .int(block),
            "shards": .array(shards.map { .string($0.key) }),
            "stop": .array(SearchTokenizer.stopWords.sorted().map(SearchJSON.string)),
            "elided": .array(SearchTokenizer.elided.sorted().map(SearchJSON.string)),
        ]
        files.append(
            RenderedFile(
                path: OutputPath("search/meta.js"), data: SearchScript.script(id: "meta", value: .object(meta))))
        return files
    }

    /// For each word, the documents that hold it and its weight there: `[gap, weight, gap, weight…]`, where a
    /// document's number is stored as the gap from the previous one: small numbers, short files.
    static func postings(of documents: [SearchDocument]) -> [String: [Int]] {
        var slots: [String: Int] = [:]
        var lists: [[Int]] = []
        var last: [Int] = []
        for (number, document) in documents.enumerated() {
            for (word, weight) in document.weights {
                let slot: Int
                if let known = slots[word] {
                    slot = known
                } else {
                    slot = lists.count
                    slots[word] = slot
                    lists.append([])
                    last.append(0)
                }
                lists[slot].append(number - last[slot])
                lists[slot].append(weight)
                last[slot] = number
            }
        }
        return slots.mapValues { lists[$0] }
    }

    /// Groups the words by their first two letters, then cuts any group past `shardLimit` by one more letter.
    /// The key of a word is then the longest key that begins it, which is how `search.js` finds it.
    static func shards(of postings: [String: [Int]]) -> [(key: String, body: String)] {
        let entries = postings.keys.sorted().map { word -> (word: String, text: String) in
            var text = ""
            SearchScript.append(.string(word), to: &text)
            text += ":["
            text += postings[word]!.map(String.init).joined(separator: ",")
            text += "]"
            return (word, text)
        }
        var shards: [(key: String, body: String)] = []
        func cut(_ group: ArraySlice<(word: String, text: String)>, depth: Int) {
            var start = group.startIndex
            while start < group.endIndex {
                let key = Self.key(of: group[start].word, length: depth)
                var end = start
                var size = 0
                while end < group.endIndex, Self.key(of: group[end].word, length: depth) == key {
                    size += group[end].text.utf8.count + 1
                    end += 1
                }
                let members = group[start..<end]
                if size > shardLimit, depth < maxKeyLength, members.count > 1 {
                    // The word that is the key itself stays under the key; longer ones go one letter deeper.
                    let exact = members.filter { $0.word.unicodeScalars.count <= depth }
                    if !exact.isEmpty { shards.append((key, exact.map(\.text).joined(separator: ","))) }
                    cut(members.filter { $0.word.unicodeScalars.count > depth }[...], depth: depth + 1)
                } else {
                    shards.append((key, members.map(\.text).joined(separator: ",")))
                }
                start = end
            }
        }
        cut(entries[...], depth: 2)
        return shards.sorted { $0.key < $1.key }
    }

    /// The first letters of a word (all of it when it is shorter).
    private static func key(of word: String, length: Int) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(length)))
    }

    /// `search/index.html`: the form, the place for results, and for readers without JavaScript, the indexes.
    private func page() -> RenderedFile {
        let url = SiteURL("search/")
        var context = views.common(page: url, title: "Recherche")
        context["kinds"] = site.registry.kinds.filter { !views.entities(of: $0).isEmpty }.map { kind -> [String: Any] in
            ["name": kind.label, "url": kind.url.relative(from: url)]
        }
        context["timeline_url"] = SiteURL("timeline/").relative(from: url)
        return RenderedFile(path: url.outputPath, data: Data(templates.render(context, template: "search").utf8))
    }
}
