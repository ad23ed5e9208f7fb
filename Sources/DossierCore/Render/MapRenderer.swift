import Foundation

/// Draws towns on a static SVG map: an equirectangular projection of their bounding box, a graticule,
/// circles sized by mentions, labels that neither overlap nor leave the map. No tiles, no script.
///
/// A map is drawn twice, wide and narrow, and the stylesheet shows the one that fits the screen: labels are
/// placed for a known text size, so that a phone gets a map drawn for its width rather than a desktop map
/// shrunk until its labels are unreadable.
struct MapRenderer {
    struct Point {
        var name: String
        var href: String
        var coordinates: Coordinates
        var mentions: Int
        /// The town whose page the map is on: drawn apart, and labelled first.
        var isCurrent = false
    }

    /// The size a map is drawn at, in SVG units, and its text size in the same units.
    struct Frame: Sendable {
        var name: String
        var width: Double
        var height: Double
        var fontSize: Double

        /// The map page on a large screen.
        static let wide = Frame(name: "wide", width: 800, height: 560, fontSize: 13)
        /// A map beside other content: the front page and town pages.
        static let inset = Frame(name: "wide", width: 480, height: 320, fontSize: 12)
        /// Any map on a phone: drawn about as wide as the screen, so one unit is about one pixel.
        static let narrow = Frame(name: "narrow", width: 360, height: 400, fontSize: 12)
        /// An inset on a phone.
        static let narrowInset = Frame(name: "narrow", width: 360, height: 260, fontSize: 12)
    }

    /// A town where it is drawn; `label` is nil when no place was free for its name.
    struct PlacedTown {
        var point: Point
        var x: Double
        var y: Double
        var radius: Double
        var label: Box?
        var anchor: String
    }

    /// A rectangle in SVG units.
    struct Box: Equatable {
        var left, top, right, bottom: Double

        func overlaps(_ other: Box) -> Bool {
            left < other.right && other.left < right && top < other.bottom && other.top < bottom
        }
    }

    private let padding = 24.0

    /// The map in every frame, for a figure: the stylesheet shows one of them.
    func svg(_ points: [Point], title: String, frames: [Frame] = [.wide, .narrow]) -> String? {
        guard !points.isEmpty else { return nil }
        return frames.map { svg(points, title: title, frame: $0) }.joined()
    }

    func svg(_ points: [Point], title: String, frame: Frame) -> String {
        let projection = Projection(points.map(\.coordinates), frame: frame, padding: padding)
        let titleID = "map-title-\(frame.name)"
        // A group, not an image: the towns are links, and an image's children are hidden from assistive technology.
        var svg = "<svg class=\"map map-\(frame.name)\" viewBox=\"0 0 \(format(frame.width)) \(format(projection.height))\""
        svg += " font-size=\"\(format(frame.fontSize))\" role=\"group\" aria-labelledby=\"\(titleID)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(titleID)\">\(HTML.escape(title))</title>"
        svg += "<g class=\"map-grid\" aria-hidden=\"true\">"
        for line in projection.grid {
            svg += "<line x1=\"\(format(line.start.x))\" y1=\"\(format(line.start.y))\" x2=\"\(format(line.end.x))\" y2=\"\(format(line.end.y))\"/>"
            svg += "<text class=\"map-grid-label\" x=\"\(format(line.labelX))\" y=\"\(format(line.labelY))\">\(line.label)</text>"
        }
        svg += "</g>"
        for town in layout(points, frame: frame, projection: projection) {
            // Each link is named by its `title` (the town and its mentions); the halo is drawn for the eye only.
            svg += "<a href=\"\(HTML.escape(town.point.href))\"><title>\(HTML.escape(town.point.name)) (\(town.point.mentions))</title>"
            svg += "<circle class=\"map-town\(town.point.isCurrent ? " map-current" : "")\" cx=\"\(format(town.x))\" cy=\"\(format(town.y))\" r=\"\(format(town.radius))\"/>"
            if let label = town.label {
                let x = town.anchor == "start" ? label.left : town.anchor == "end" ? label.right : (label.left + label.right) / 2
                // The halo is a copy drawn first, stroked: SVG 2's `paint-order` would do it in one element,
                // but validators do not know it yet.
                let position = "x=\"\(format(x))\" y=\"\(format(label.bottom - frame.fontSize * 0.22))\" text-anchor=\"\(town.anchor)\""
                svg += "<text class=\"map-halo\" aria-hidden=\"true\" \(position)>\(HTML.escape(town.point.name))</text>"
                svg += "<text class=\"map-label\" \(position)>\(HTML.escape(town.point.name))</text>"
            }
            svg += "</a>"
        }
        return svg + "</svg>"
    }

    /// Places circles, then labels, most mentioned town first, so that the towns readers look for keep their
    /// names when space is short. A label goes in the first of eight places around its circle that stays on the
    /// map and clear of every circle and every label placed before it.
    func layout(_ points: [Point], frame: Frame) -> [PlacedTown] {
        layout(points, frame: frame, projection: Projection(points.map(\.coordinates), frame: frame, padding: padding))
    }

    private func layout(_ points: [Point], frame: Frame, projection: Projection) -> [PlacedTown] {
        let maxMentions = Double(max(points.map(\.mentions).max() ?? 1, 1))
        let largest = frame.fontSize * 0.75
        let ordered = points.sorted {
            $0.isCurrent != $1.isCurrent ? $0.isCurrent : ($1.mentions, $0.name) < ($0.mentions, $1.name)
        }
        var towns = ordered.map { point -> PlacedTown in
            let (x, y) = projection.project(point.coordinates)
            let radius = largest / 3 + largest * 2 / 3 * sqrt(Double(max(point.mentions, 1)) / maxMentions)
            return PlacedTown(point: point, x: x, y: y, radius: radius, label: nil, anchor: "start")
        }
        var taken = towns.map { Box(left: $0.x - $0.radius, top: $0.y - $0.radius, right: $0.x + $0.radius, bottom: $0.y + $0.radius) }
        // The graticule's labels are set at three quarters of the text size (the stylesheet's `.map-grid-label`).
        let gridSize = frame.fontSize * 0.75
        taken += projection.grid.map { line in
            Box(left: line.labelX, top: line.labelY - gridSize, right: line.labelX + Double(line.label.count) * gridSize * 0.62, bottom: line.labelY + 2)
        }
        let map = Box(left: 1, top: 1, right: frame.width - 1, bottom: projection.height - 1)
        for index in towns.indices {
            let town = towns[index]
            for (box, anchor) in candidates(for: town, fontSize: frame.fontSize)
            where box.left >= map.left && box.right <= map.right && box.top >= map.top && box.bottom <= map.bottom
                && !taken.contains(where: { $0.overlaps(box) })
            {
                towns[index].label = box
                towns[index].anchor = anchor
                taken.append(box)
                break
            }
        }
        return towns
    }

    /// The boxes a label may take: right, left, above, below, then the four corners.
    private func candidates(for town: PlacedTown, fontSize: Double) -> [(Box, String)] {
        // Bold sans-serif letters average a little over half the text size; wide enough for DejaVu Sans Bold.
        let width = Double(town.point.name.count) * fontSize * 0.68
        let height = fontSize * 1.15
        let gap = town.radius + 3
        let (x, y) = (town.x, town.y)
        func box(_ left: Double, _ top: Double) -> Box { Box(left: left, top: top, right: left + width, bottom: top + height) }
        return [
            (box(x + gap, y - height / 2), "start"),
            (box(x - gap - width, y - height / 2), "end"),
            (box(x - width / 2, y - gap - height), "middle"),
            (box(x - width / 2, y + gap), "middle"),
            (box(x + gap * 0.7, y - gap * 0.7 - height), "start"),
            (box(x + gap * 0.7, y + gap * 0.7), "start"),
            (box(x - gap * 0.7 - width, y - gap * 0.7 - height), "end"),
            (box(x - gap * 0.7 - width, y + gap * 0.7), "end"),
        ]
    }

    /// One decimal, as `%.1f` would write it, without Foundation's formatter (a map is drawn on every town page).
    private func format(_ value: Double) -> String {
        let tenths = Int((abs(value) * 10).rounded())
        return (value < 0 && tenths != 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }
}
