import Foundation

/// Draws towns on a static SVG map: an equirectangular projection of their bounding box, a graticule,
/// circles sized by mentions, labels kept apart. No tiles, no script.
struct MapRenderer {
    struct Point {
        var name: String
        var href: String
        var coordinates: Coordinates
        var mentions: Int
    }

    var width = 640.0
    var height = 480.0
    private let padding = 36.0

    func svg(_ points: [Point], title: String) -> String? {
        guard !points.isEmpty else { return nil }
        let latitudes = points.map(\.coordinates.latitude)
        let longitudes = points.map(\.coordinates.longitude)
        var south = latitudes.min()!, north = latitudes.max()!
        var west = longitudes.min()!, east = longitudes.max()!
        let minimumSpan = 1.0
        if north - south < minimumSpan { (south, north) = ((south + north) / 2 - minimumSpan / 2, (south + north) / 2 + minimumSpan / 2) }
        if east - west < minimumSpan { (west, east) = ((west + east) / 2 - minimumSpan / 2, (west + east) / 2 + minimumSpan / 2) }
        let margin = max(north - south, east - west) * 0.12
        south -= margin; north += margin; west -= margin; east += margin
        let shrink = cos((south + north) / 2 * .pi / 180)
        let scale = min((width - 2 * padding) / ((east - west) * shrink), (height - 2 * padding) / (north - south))
        let drawnWidth = (east - west) * shrink * scale
        let drawnHeight = (north - south) * scale
        let offsetX = (width - drawnWidth) / 2
        let offsetY = (height - drawnHeight) / 2
        func project(_ coordinates: Coordinates) -> (x: Double, y: Double) {
            (offsetX + (coordinates.longitude - west) * shrink * scale, offsetY + (north - coordinates.latitude) * scale)
        }
        var svg = "<svg class=\"map\" viewBox=\"0 0 \(format(width)) \(format(height))\" role=\"img\" aria-labelledby=\"map-title\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"map-title\">\(HTML.escape(title))</title>"
        svg += graticule(south: south, north: north, west: west, east: east, project: project)
        let maxMentions = Double(points.map(\.mentions).max() ?? 1)
        var placed: [(x: Double, y: Double, width: Double)] = []
        // Most mentioned first, so that they keep their labels when space is short.
        let ordered = points.sorted { ($1.mentions, $0.name) < ($0.mentions, $1.name) }
        var marks = ""
        for point in ordered {
            let (x, y) = project(point.coordinates)
            let radius = 4 + 8 * sqrt(Double(max(point.mentions, 1)) / max(maxMentions, 1))
            marks += "<a href=\"\(HTML.escape(point.href))\"><circle class=\"map-town\" cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"\(format(radius))\"><title>\(HTML.escape(point.name)) (\(point.mentions))</title></circle>"
            let labelWidth = Double(point.name.count) * 7.5
            let candidates = [(x + radius + 3, y + 4, "start"), (x - radius - 3, y + 4, "end"), (x, y - radius - 4, "middle"), (x, y + radius + 14, "middle")]
            for (labelX, labelY, anchor) in candidates {
                let left = anchor == "start" ? labelX : anchor == "end" ? labelX - labelWidth : labelX - labelWidth / 2
                let fits = left >= 2 && left + labelWidth <= width - 2 && labelY >= 12 && labelY <= height - 2
                let overlaps = placed.contains { abs($0.y - labelY) < 14 && left < $0.x + $0.width && $0.x < left + labelWidth }
                if fits && !overlaps {
                    placed.append((left, labelY, labelWidth))
                    marks += "<text class=\"map-label\" x=\"\(format(labelX))\" y=\"\(format(labelY))\" text-anchor=\"\(anchor)\">\(HTML.escape(point.name))</text>"
                    break
                }
            }
            marks += "</a>"
        }
        return svg + marks + "</svg>"
    }

    private func graticule(
        south: Double, north: Double, west: Double, east: Double, project: (Coordinates) -> (x: Double, y: Double)
    ) -> String {
        let span = max(north - south, east - west)
        let step = span > 8 ? 2.0 : span > 3 ? 1.0 : span > 1.2 ? 0.5 : 0.25
        var lines = "<g class=\"map-grid\">"
        var latitude = (south / step).rounded(.up) * step
        while latitude <= north {
            let start = project(Coordinates(latitude: latitude, longitude: west))
            let end = project(Coordinates(latitude: latitude, longitude: east))
            lines += "<line x1=\"\(format(start.x))\" y1=\"\(format(start.y))\" x2=\"\(format(end.x))\" y2=\"\(format(end.y))\"/>"
            lines += "<text class=\"map-grid-label\" x=\"\(format(start.x + 2))\" y=\"\(format(start.y - 2))\">\(degrees(latitude))N</text>"
            latitude += step
        }
        var longitude = (west / step).rounded(.up) * step
        while longitude <= east {
            let start = project(Coordinates(latitude: north, longitude: longitude))
            let end = project(Coordinates(latitude: south, longitude: longitude))
            lines += "<line x1=\"\(format(start.x))\" y1=\"\(format(start.y))\" x2=\"\(format(end.x))\" y2=\"\(format(end.y))\"/>"
            lines += "<text class=\"map-grid-label\" x=\"\(format(end.x + 2))\" y=\"\(format(end.y - 2))\">\(degrees(longitude))E</text>"
            longitude += step
        }
        return lines + "</g>"
    }

    private func degrees(_ value: Double) -> String {
        (value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",")) + "°"
    }

    /// One decimal, as `%.1f` would write it, without Foundation's formatter (a map is drawn on every town page).
    private func format(_ value: Double) -> String {
        let tenths = Int((abs(value) * 10).rounded())
        return (value < 0 && tenths != 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }
}
