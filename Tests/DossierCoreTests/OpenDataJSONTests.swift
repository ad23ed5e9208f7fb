import Foundation
import Testing

@testable import DossierCore

/// `dossier.json` and `towns.geojson` are written by hand: byte for byte what `JSONEncoder` writes.
@Suite("Open-data JSON")
struct OpenDataJSONTests {
    static let hostile = [
        "", "plain", "é à œ ’ « »", "quote \" backslash \\ slash / end", "<script>alert('x')</script>",
        "\u{0}\u{1}\u{7}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{E}\u{1B}\u{1F} \u{7F}", "\u{85}\u{A0}\u{2028}\u{2029}\u{FEFF}",
        "\u{1F600} emoji", "e\u{301} combining", "\r\n", "\\u0000", "a/b//c", "\u{10FFFF}",
    ]

    static func encoded<T: Encodable>(_ value: T) throws -> [UInt8] { [UInt8](try DataRenderer.encoder().encode(value)) }

    @Test("records with hostile strings, missing fields and odd numbers are written as JSONEncoder writes them")
    func hostileRecords() throws {
        var random = SplitMix(seed: 0x15_0_DA7A)
        let doubles: [Double] = [
            0, -0.0, 1, -1, 34.453, 40.918, 1e-5, 1.5e300, 123456789012345.6, 0.1 + 0.2, 90, -180, .leastNonzeroMagnitude, 1e16, 1e15,
        ]
        for round in 0..<300 {
            func text() -> String { Self.hostile.randomElement(using: &random)! + (round % 3 == 0 ? "" : String(round)) }
            func maybe() -> String? { random.next(3) == 0 ? nil : text() }
            let articles = (0..<random.next(4)).map { _ in
                DataRenderer.OpenData.ArticleRecord(
                    id: text(), file: text(), title: text(), url: text(), date: maybe(), source: maybe(),
                    mentions: DataRenderer.MentionCounts((0..<random.next(5)).map { _ in (text(), random.next(1000)) }))
            }
            let entities = (0..<random.next(4)).map { _ in
                DataRenderer.OpenData.EntityRecord(
                    id: text(), kind: text(), name: text(), url: text(), aliases: (0..<random.next(3)).map { _ in text() },
                    summary: maybe(),
                    coordinates: random.next(3) == 0
                        ? nil : [doubles.randomElement(using: &random)!, Double(random.next(1_000_000)) / 997],
                    affiliation: maybe(), mentions: random.next(100) - 50, articles: (0..<random.next(3)).map { _ in text() })
            }
            let data = DataRenderer.OpenData(title: text(), description: text(), articles: articles, entities: entities)
            var json = JSONBytes()
            data.writeJSON(into: &json)
            #expect(json.array == (try Self.encoded(data)))

            let features = entities.compactMap { entity in
                entity.coordinates.map {
                    DataRenderer.FeatureCollection.Feature(
                        geometry: .init(coordinates: $0),
                        properties: .init(id: entity.id, name: entity.name, url: entity.url, summary: entity.summary, mentions: entity.mentions))
                }
            }
            let collection = DataRenderer.FeatureCollection(features: features)
            var geo = JSONBytes()
            collection.writeJSON(into: &geo)
            #expect(geo.array == (try Self.encoded(collection)))
        }
    }

    @Test("the seeds' and the hostile fixture's open-data files are the encoder's bytes")
    func builtSites() throws {
        for folder in [TestSupport.seeds, TestSupport.fixture("hostile")] {
            let report = try DossierBuilder.build(folder: folder)
            let site = try #require(report.site)
            let renderer = DataRenderer(site: site)
            #expect(try renderer.json() == DataRenderer.encoder().encode(renderer.openData()))
            #expect(try renderer.geoJSON() == DataRenderer.encoder().encode(renderer.featureCollection()))
            #expect(try renderer.json().count > 100)
        }
    }

    @Test("each article's mentions are every mention of its text, counted by entity id")
    func mentionsByID() throws {
        // The last: two entries share the id `raqqa` (an error the build reports), and their mentions add up.
        let twoKinds = TestSupport.fixture("invalid/entity-id-in-two-kinds")
        for folder in [TestSupport.seeds, TestSupport.fixture("hostile"), twoKinds] {
            let site = try #require(try DossierBuilder.build(folder: folder).site)
            let records = DataRenderer(site: site).openData().articles
            #expect(records.count == site.articles.count)
            for (record, linked) in zip(records, site.articles) {
                #expect(record.mentions == DataRenderer.MentionCounts(linked.mentionCounts.map { ($0.key, $0.value) }), "\(record.file)")
                #expect(record.mentions.pairs.map(\.count).reduce(0, +) == linked.mentions.count)
            }
        }
    }
}
