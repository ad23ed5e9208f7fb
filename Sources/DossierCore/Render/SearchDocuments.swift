/// One thing a search can find: an entity page or an article, with the weight of each of its words.
struct SearchDocument: Sendable {
    var isEntity: Bool
    /// Relative to the site's root: `towns/boukamal/`.
    var url: String
    var title: String
    /// What is shown under the title: the date of an article, the kind and mentions of an entity.
    var label: String
    /// `2017-11-13` for `<time datetime>`; empty for an entity or an undated article.
    var datetime: String
    /// The text a snippet is cut from, as UTF-8 bytes: an article's is its body's text, made as bytes.
    var text: [UInt8]
    /// Each folded word and its weight: a word in a name or a title weighs more than one in the body.
    var words: SearchWordWeights

    /// The document as `search.js` reads it: `[url, title, label, datetime, text]`.
    var row: SearchJSON {
        .array([.string(url), .string(title), .string(label), .string(datetime), .utf8(text)])
    }
}

/// Makes the documents of the search index from the site: entities first, then articles newest first, so that
/// among results of equal score the newer article comes first.
struct SearchDocuments {
    let site: Site

    /// Weights per occurrence, by where the word is.
    enum Weight {
        static let entityName = 40
        static let entityAlias = 25
        static let entityKind = 4
        static let entitySummary = 2
        static let articleTitle = 10
        static let articleSource = 3
        static let articleBody = 1
        /// Caps a word's weight in one document, so that repeating a word cannot bury every other result.
        static let cap = 99
    }

    /// Articles made at once, on all cores: enough to keep the cores busy, few enough to keep memory flat.
    static let chunkSize = 256

    /// Calls `body` with the documents in index order, a chunk at a time: the entities, then the articles.
    func forEachChunk(_ body: ([SearchDocument]) -> Void) {
        body(site.mentionedEntities.map(entityDocument))
        let dated = site.articles.indices.filter { site.articles[$0].article.date != nil }
        let undated = site.articles.indices.filter { site.articles[$0].article.date == nil }
        let order = Array(dated.reversed()) + undated
        let articles = site.articles
        for start in stride(from: 0, to: order.count, by: Self.chunkSize) {
            let chunk = Array(order[start..<min(start + Self.chunkSize, order.count)])
            body(chunk.parallelMap { index in Self.articleDocument(articles[index]) })
        }
    }

    private func entityDocument(_ entity: Entity) -> SearchDocument {
        var words = SearchWordWeights()
        words.add(entity.name, weight: Weight.entityName, cap: Weight.cap)
        for alias in entity.aliases { words.add(alias, weight: Weight.entityAlias, cap: Weight.cap) }
        words.add(entity.kind.singular + " " + entity.kind.label, weight: Weight.entityKind, cap: Weight.cap)
        if let summary = entity.summary { words.add(summary, weight: Weight.entitySummary, cap: Weight.cap) }
        let mentions = site.entityFacts[entity.id]?.mentionCount ?? 0
        var text = entity.summary ?? ""
        if !entity.aliases.isEmpty {
            text += (text.isEmpty ? "" : " ") + "Autres noms : " + entity.aliases.joined(separator: ", ") + "."
        }
        return SearchDocument(
            isEntity: true, url: entity.url.path, title: entity.name,
            label: "\(entity.kind.singular) · \(mentions) mention\(mentions == 1 ? "" : "s")", datetime: "",
            text: Array(text.utf8), words: words)
    }

    private static func articleDocument(_ linked: LinkedArticle) -> SearchDocument {
        let article = linked.article
        let body = SearchScript.plainUTF8(fromHTML: linked.bodyHTML)
        var words = SearchWordWeights(capacity: body.count / 16)  // one distinct word in three, of five letters
        words.add(article.title, weight: Weight.articleTitle, cap: Weight.cap)
        if let source = article.source { words.add(source, weight: Weight.articleSource, cap: Weight.cap) }
        body.withUnsafeBufferPointer { words.add(utf8: $0, weight: Weight.articleBody, cap: Weight.cap) }
        return SearchDocument(
            isEntity: false, url: article.url.path, title: article.title, label: article.date?.french ?? "",
            datetime: article.date?.iso ?? "", text: opening(of: body), words: words)
    }

    /// The first `snippetLength` characters of the text, cut after a whole word: the page cuts the snippet from it.
    /// Counted on the UTF-8 bytes, where a character (a scalar) is a byte that does not continue another.
    static func opening(of text: [UInt8]) -> [UInt8] {
        let limit = SearchIndexWriter.snippetLength
        // A text of no more bytes than that has no more characters either.
        guard text.count > limit else { return text }
        return text.withUnsafeBufferPointer { bytes in
            var scalars = 0
            var end = 0
            // Eight bytes at a time while they cannot hold the last character: a continuation byte is 10xxxxxx.
            while end + 8 <= bytes.count, scalars + 8 <= limit {
                let eight = ByteLanes.load(bytes, at: end)
                let continuations = eight & ~(eight << 1) & ByteLanes.highs
                scalars += 8 - continuations.nonzeroBitCount
                end += 8
            }
            while end < bytes.count {
                if bytes[end] & 0xC0 != 0x80 {
                    if scalars == limit { break }
                    scalars += 1
                }
                end += 1
            }
            guard end < bytes.count else { return text }
            let cut = bytes[..<end].lastIndex(of: 0x20) ?? end
            return Array(bytes[..<cut]) + Array(" …".utf8)
        }
    }
}
