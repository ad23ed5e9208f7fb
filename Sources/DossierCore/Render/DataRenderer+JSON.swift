/// The open-data files written by hand, keys in sorted order as `JSONEncoder` with `.sortedKeys` puts them.
extension DataRenderer.OpenData {
    func writeJSON(into json: inout JSONBytes) {
        json.raw("{\"articles\":[")
        for (index, article) in articles.enumerated() {
            if index > 0 { json.raw(",") }
            article.writeJSON(into: &json)
        }
        json.raw("],\"description\":")
        json.string(description)
        json.raw(",\"entities\":[")
        for (index, entity) in entities.enumerated() {
            if index > 0 { json.raw(",") }
            entity.writeJSON(into: &json)
        }
        json.raw("],\"title\":")
        json.string(title)
        json.raw("}")
    }
}

extension DataRenderer.OpenData.ArticleRecord {
    func writeJSON(into json: inout JSONBytes) {
        json.raw("{")
        if let date {
            json.raw("\"date\":")
            json.string(date)
            json.raw(",")
        }
        json.raw("\"file\":")
        json.string(file)
        json.raw(",\"id\":")
        json.string(id)
        json.raw(",\"mentions\":")
        json.counts(mentions)
        if let source {
            json.raw(",\"source\":")
            json.string(source)
        }
        json.raw(",\"title\":")
        json.string(title)
        json.raw(",\"url\":")
        json.string(url)
        json.raw("}")
    }
}

extension DataRenderer.OpenData.EntityRecord {
    func writeJSON(into json: inout JSONBytes) {
        json.raw("{")
        if let affiliation {
            json.raw("\"affiliation\":")
            json.string(affiliation)
            json.raw(",")
        }
        json.raw("\"aliases\":")
        json.strings(aliases)
        json.raw(",\"articles\":")
        json.strings(articles)
        if let coordinates {
            json.raw(",\"coordinates\":")
            json.doubles(coordinates)
        }
        json.raw(",\"id\":")
        json.string(id)
        json.raw(",\"kind\":")
        json.string(kind)
        json.raw(",\"mentions\":")
        json.int(mentions)
        json.raw(",\"name\":")
        json.string(name)
        if let summary {
            json.raw(",\"summary\":")
            json.string(summary)
        }
        json.raw(",\"url\":")
        json.string(url)
        json.raw("}")
    }
}

extension DataRenderer.FeatureCollection {
    func writeJSON(into json: inout JSONBytes) {
        json.raw("{\"features\":[")
        for (index, feature) in features.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{\"geometry\":{\"coordinates\":")
            json.doubles(feature.geometry.coordinates)
            json.raw(",\"type\":")
            json.string(feature.geometry.type)
            json.raw("},\"properties\":{\"id\":")
            json.string(feature.properties.id)
            json.raw(",\"mentions\":")
            json.int(feature.properties.mentions)
            json.raw(",\"name\":")
            json.string(feature.properties.name)
            if let summary = feature.properties.summary {
                json.raw(",\"summary\":")
                json.string(summary)
            }
            json.raw(",\"url\":")
            json.string(feature.properties.url)
            json.raw("},\"type\":")
            json.string(feature.type)
            json.raw("}")
        }
        json.raw("],\"type\":")
        json.string(type)
        json.raw("}")
    }
}
