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
    /// Documents per file of `search/docs/`: results are spread over the dossier, so small files load least.
    static let blockSize = 2
    /// Characters of an article's text kept for its snippet, which `search.js` cuts around the first match: the
    /// whole of nearly every dispatch. Blocks hold two documents so that a page of results stays small to load.
    static let snippetLength = 6_000

    /// The data of the search (the manifest, the word shards and the document blocks), handed to `emit` a few at
    /// a time as they are made.
    ///
    /// Documents are made a chunk at a time and folded into the postings at once, so that the words of ten
    /// thousand articles are never all held in memory together; their blocks go to `emit` chunk by chunk, so
    /// that a build writes them while it renders instead of holding them all until the end.
    func dataFiles(emit: ([RenderedFile]) -> Void) {
        var postings = Postings()
        var files: [RenderedFile] = []
        var pendingRows: [SearchJSON] = []
        var documentCount = 0
        var entityCount = 0
        let block = Self.blockSize
        func flush(upTo limit: Int) {
            while pendingRows.count >= limit, !pendingRows.isEmpty {
                let rows = Array(pendingRows.prefix(block))
                pendingRows.removeFirst(rows.count)
                let number = (documentCount - pendingRows.count - rows.count) / block
                files.append(
                    RenderedFile(
                        path: OutputPath("search/docs/\(number).js"),
                        data: SearchScript.script(id: "d:\(number)", value: .array(rows))))
            }
        }
        SearchDocuments(site: site).forEachChunk { chunk in
            postings.add(chunk.map(\.words), from: documentCount)
            for document in chunk {
                pendingRows.append(document.row)
                documentCount += 1
                if document.isEntity { entityCount += 1 }
            }
            flush(upTo: block)
            emit(files)
            files.removeAll()
        }
        flush(upTo: 1)
        emit(files)
        files.removeAll()
        // Each shard's file is made and written in turn, and its postings let go: together they are megabytes.
        var shards = Self.shards(of: postings.entries())
        for index in shards.indices {
            let shard = shards[index]
            emit([
                RenderedFile(
                    path: OutputPath("search/index/\(SearchScript.fileName(forKey: shard.key)).js"),
                    data: SearchScript.script(id: "i:" + shard.key, capacity: shard.size + 2) { shard.write(to: &$0) })
            ])
            shards[index].members = []
        }
        let meta: [String: SearchJSON] = [
            "entities": .int(entityCount), "documents": .int(documentCount), "block": .int(block),
            "shards": .array(shards.map { .string($0.key) }),
            "stop": .array(SearchTokenizer.stopWords.sorted().map(SearchJSON.string)),
            "elided": .array(SearchTokenizer.elided.sorted().map(SearchJSON.string)),
        ]
        files.append(
            RenderedFile(
                path: OutputPath("search/meta.js"), data: SearchScript.script(id: "meta", value: .object(meta))))
        emit(files)
    }

    /// Groups the words by their first two letters, then cuts any group past `shardLimit` by one more letter;
    /// the entries may come in any order. The key of a word is then the longest key that begins it, which is
    /// how `search.js` finds it.
    static func shards(of unsorted: [Entry]) -> [Shard] {
        let entries = unsorted.sorted { $0.word < $1.word }
        var shards: [Shard] = []
        func cut(_ group: ArraySlice<Entry>, depth: Int) {
            var start = group.startIndex
            while start < group.endIndex {
                let key = group[start].letters.prefix(depth)
                var end = start
                var size = 0
                while end < group.endIndex, group[end].letters.prefix(depth) == key {
                    size += group[end].size + 1
                    end += 1
                }
                let members = group[start..<end]
                let keyText = String(String.UnicodeScalarView(key))
                if size > shardLimit, depth < maxKeyLength, members.count > 1 {
                    // The word that is the key itself stays under the key; longer ones go one letter deeper.
                    let exact = members.filter { $0.letters.count <= depth }
                    if !exact.isEmpty { shards.append(Shard(key: keyText, members: exact)) }
                    cut(members.filter { $0.letters.count > depth }[...], depth: depth + 1)
                } else {
                    shards.append(Shard(key: keyText, members: Array(members)))
                }
                start = end
            }
        }
        cut(entries[...], depth: 2)
        return shards.sorted { $0.key < $1.key }
    }

    /// The words of one file of `search/index/`, under the key that begins them all.
    struct Shard {
        var key: String
        var members: [Entry]

        /// The bytes of the entries written one after the other, with commas between them.
        var size: Int { members.reduce(-1) { $0 + $1.size + 1 } }

        /// Writes the entries, `{"word":[gap,weight,…],…}`.
        func write<Output: ByteAppending & ~Copyable>(to output: inout Output) {
            output.appendByte(0x7B)
            for (position, member) in members.enumerated() {
                if position > 0 { output.appendByte(0x2C) }
                member.write(to: &output)
            }
            output.appendByte(0x7D)
        }

        /// The entries as text, without the braces: for tests.
        var body: String {
            var bytes: [UInt8] = []
            write(to: &bytes)
            return String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
        }
    }

    /// A word of the index with its letters and its postings, written in its shard as `"word":[gap,weight,…]`.
    struct Entry {
        var word: String
        var letters: [Unicode.Scalar]
        /// `"word":[`, the word written as the script writes strings.
        private var head: [UInt8]
        /// `gap,weight,…`, handed over by the postings, not copied.
        private var postings: [UInt8]

        init(word: String, postings: [UInt8]) {
            var head: [UInt8] = []
            SearchScript.appendString(word, to: &head)
            head.append(contentsOf: ":[".utf8)
            self.word = word
            self.letters = Array(word.unicodeScalars)
            self.head = head
            self.postings = postings
        }

        /// The bytes of the entry as written.
        var size: Int { head.count + postings.count + 1 }

        func write<Output: ByteAppending & ~Copyable>(to output: inout Output) {
            head.withUnsafeBufferPointer { output.appendBytes($0) }
            postings.withUnsafeBufferPointer { output.appendBytes($0) }
            output.appendByte(0x5D)
        }

        /// The entry as written: for tests.
        var text: [UInt8] {
            var bytes: [UInt8] = []
            write(to: &bytes)
            return bytes
        }
    }

    /// `search/index.html`: the form, the place for results, and for readers without JavaScript, the indexes.
    func page() -> RenderedFile {
        let url = SiteURL("search/")
        let context = PageContext { context in
            views.setCommon(&context, page: url, title: "Recherche")
            context.set(
                "kinds",
                context.list { context in
                    for kind in site.registry.kinds where !views.entities(of: kind).isEmpty {
                        context.item(
                            context.object {
                                $0.set("name", text: kind.label)
                                $0.set("url", text: kind.url.relative(from: url))
                            })
                    }
                })
            context.set("timeline_url", text: SiteURL("timeline/").relative(from: url))
        }
        return RenderedFile(path: url.outputPath, data: templates.render(context, template: "search"))
    }
}
