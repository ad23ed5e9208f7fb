import Foundation

/// The machine-readable files: `dossier.json`, `towns.geojson`, `feed.xml`, `sitemap.xml`, `robots.txt`.
struct DataRenderer {
    let site: Site

    // MARK: - Open data

    /// What `dossier.json` holds. `JSONEncoder` writes it as `writeJSON` does (the tests compare the two).
    struct OpenData: Encodable {
        struct ArticleRecord: Encodable {
            var id, file, title, url: String
            var date: String?
            var source: String?
            var mentions: MentionCounts
        }
        struct EntityRecord: Encodable {
            var id, kind, name, url: String
            var aliases: [String]
            var summary: String?
            var coordinates: [Double]?
            var affiliation: String?
            var mentions: Int
            var articles: [String]
        }
        var title: String
        var description: String
        var articles: [ArticleRecord]
        var entities: [EntityRecord]
    }

    /// An article's mentions per entity id, in the order of the ids' bytes, encoded as a JSON object: made from
    /// the counts the linker kept, with no dictionary of strings per article.
    struct MentionCounts: Encodable, Equatable {
        private(set) var pairs: [(id: String, count: Int)]

        /// Counts of the same id (registry entries that share one, an error the registry reports) are added up.
        init(_ counts: [(id: String, count: Int)]) {
            pairs = []
            pairs.reserveCapacity(counts.count)
            for entry in counts.sorted(by: { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) {
                if let last = pairs.last, last.id == entry.id {
                    pairs[pairs.count - 1].count += entry.count
                } else {
                    pairs.append(entry)
                }
            }
        }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (id, count) in pairs { try container.encode(count, forKey: Key(stringValue: id)) }
        }

        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.pairs.elementsEqual(rhs.pairs) { $0.id == $1.id && $0.count == $1.count }
        }
    }

    func json() throws -> Data {
        let data = openData()
        // A coordinate that is not a number makes the encoder throw: its error is the one to give.
        guard data.entities.allSatisfy({ $0.coordinates?.allSatisfy(\.isFinite) ?? true }) else {
            return try Self.encoder().encode(data)
        }
        var json = JSONBytes(capacity: 1024 * (data.articles.count + data.entities.count))
        data.writeJSON(into: &json)
        return json.data()
    }

    func openData() -> OpenData {
        OpenData(
            title: site.config.title, description: site.config.description,
            articles: site.articles.map { linked in
                let article = linked.article
                let ids = linked.entityCounts.map { (id: site.registry.entities[$0.entity].id, count: $0.count) }
                return .init(
                    id: article.slug, file: article.file.value, title: article.title, url: article.url.path,
                    date: article.date?.iso, source: article.source, mentions: MentionCounts(ids))
            },
            entities: site.registry.entities.map { entity in
                let facts = site.entityFacts[entity.id] ?? EntityFacts()
                return .init(
                    id: entity.id, kind: entity.kind.id, name: entity.name, url: entity.url.path, aliases: entity.aliases,
                    summary: entity.summary, coordinates: entity.coordinates.map { [$0.latitude, $0.longitude] },
                    affiliation: entity.affiliation, mentions: facts.mentionCount,
                    articles: facts.articles.map { site.articles[$0].article.slug })
            })
    }

    /// What `towns.geojson` holds.
    struct FeatureCollection: Encodable {
        struct Feature: Encodable {
            struct Geometry: Encodable {
                var type = "Point"
                var coordinates: [Double]
            }
            struct Properties: Encodable {
                var id, name, url: String
                var summary: String?
                var mentions: Int
            }
            var type = "Feature"
            var geometry: Geometry
            var properties: Properties
        }
        var type = "FeatureCollection"
        var features: [Feature]
    }

    func geoJSON() throws -> Data {
        let collection = featureCollection()
        guard collection.features.allSatisfy({ $0.geometry.coordinates.allSatisfy(\.isFinite) }) else {
            return try Self.encoder().encode(collection)
        }
        var json = JSONBytes(capacity: 256 * collection.features.count)
        collection.writeJSON(into: &json)
        return json.data()
    }

    func featureCollection() -> FeatureCollection {
        let towns = site.registry.entities.filter { $0.kind.id == "towns" && $0.coordinates != nil }
        return FeatureCollection(
            features: towns.map { town in
                .init(
                    geometry: .init(coordinates: [town.coordinates!.longitude, town.coordinates!.latitude]),
                    properties: .init(
                        id: town.id, name: town.name, url: site.config.baseURL.map { town.url.absolute(base: $0) } ?? town.url.path,
                        summary: town.summary, mentions: site.entityFacts[town.id]?.mentionCount ?? 0))
            })
    }

    /// The encoder the open-data files were first written with: the reference `writeJSON` matches.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    // MARK: - Feed and sitemap

    /// Atom: the 50 newest articles. Dates come from the articles, never the clock; a month-only date
    /// is given as its first day, because Atom requires a full timestamp.
    func atom() -> String {
        let base = site.config.baseURL
        func link(_ url: SiteURL) -> String { base.map { url.absolute(base: $0) } ?? url.path }
        let newest = Array(site.articles.reversed().prefix(50))
        let updated = site.articles.compactMap(\.article.date).max().map(timestamp) ?? "1970-01-01T00:00:00Z"
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(HTML.escape(site.config.language))\">\n"
        xml += "  <title>\(HTML.escape(site.config.title))</title>\n"
        if !site.config.description.isEmpty { xml += "  <subtitle>\(HTML.escape(site.config.description))</subtitle>\n" }
        xml += "  <id>\(HTML.escape(base ?? "urn:dossier:\(Slug.make(site.config.title))"))</id>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(link(.root).isEmpty ? "./" : link(.root)))\"/>\n"
        if let base { xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(HTML.escape(base))feed.xml\"/>\n" }
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <author><name>\(HTML.escape(site.config.title))</name></author>\n"
        xml += "  <generator>dossier</generator>\n"
        for linked in newest {
            let article = linked.article
            xml += "  <entry>\n"
            xml += "    <title>\(HTML.escape(article.title))</title>\n"
            xml += "    <id>\(HTML.escape(base.map { article.url.absolute(base: $0) } ?? "urn:dossier:article:\(article.slug)"))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(link(article.url)))\"/>\n"
            xml += "    <updated>\(article.date.map(timestamp) ?? updated)</updated>\n"
            for author in article.authors { xml += "    <author><name>\(HTML.escape(author))</name></author>\n" }
            if let source = article.source { xml += "    <rights>\(HTML.escape(source))</rights>\n" }
            xml += "    <summary>\(HTML.escape(linked.excerpt))</summary>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    func sitemap(pages: [SiteURL]) -> String {
        let base = site.config.baseURL
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            xml += "  <url><loc>\(HTML.escape(base.map { page.absolute(base: $0) } ?? (page.path.isEmpty ? "./" : page.path)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    func robots() -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let base = site.config.baseURL { text += "Sitemap: \(base)sitemap.xml\n" }
        return text
    }

    private func timestamp(_ date: PartialDate) -> String {
        String(format: "%04d-%02d-%02dT00:00:00Z", date.year, date.month ?? 1, date.day ?? 1)
    }
}
