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

    /// The map in every frame, for a figure: the stylesheet shows one of them. In UTF-8 bytes, as the page takes
    /// it: a map is drawn on every town page, and its hundreds of numbers are written without making a string each.
    func svg(_ points: [Point], title: String, frames: [Frame] = [.wide, .narrow]) -> [UInt8]? {
        guard !points.isEmpty else { return nil }
        var svg: [UInt8] = []
        svg.reserveCapacity(frames.count * (1_024 + 320 * points.count))
        for frame in frames { write(points, title: title, frame: frame, into: &svg) }
        return svg
    }

    private func write(_ points: [Point], title: String, frame: Frame, into svg: inout [UInt8]) {
        let projection = Projection(points.map(\.coordinates), frame: frame, padding: padding)
        let grid = projection.grid
        // A group, not an image: the towns are links, and an image's children are hidden from assistive technology.
        svg.appendBytes("<svg class=\"map map-")
        HTML.append(frame.name, to: &svg)
        svg.appendBytes("\" viewBox=\"0 0 ")
        append(frame.width, to: &svg)
        svg.appendByte(0x20)
        append(projection.height, to: &svg)
        svg.appendBytes("\"")
        attribute(" font-size", frame.fontSize, to: &svg)
        svg.appendBytes(" role=\"group\" aria-labelledby=\"map-title-")
        HTML.append(frame.name, to: &svg)
        svg.appendBytes("\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"map-title-")
        HTML.append(frame.name, to: &svg)
        svg.appendBytes("\">")
        HTML.appendEscaped(title, to: &svg)
        svg.appendBytes("</title><g class=\"map-grid\" aria-hidden=\"true\">")
        for line in grid { write(line, into: &svg) }
        svg.appendBytes("</g>")
        for town in layout(points, frame: frame, projection: projection, grid: grid) {
            write(town, fontSize: frame.fontSize, into: &svg)
        }
        svg.appendBytes("</svg>")
    }

    /// A line of the graticule and its label.
    private func write(_ line: Projection.GridLine, into svg: inout [UInt8]) {
        svg.appendBytes("<line")
        attribute(" x1", line.start.x, to: &svg)
        attribute(" y1", line.start.y, to: &svg)
        attribute(" x2", line.end.x, to: &svg)
        attribute(" y2", line.end.y, to: &svg)
        svg.appendBytes("/><text class=\"map-grid-label\"")
        attribute(" x", line.labelX, to: &svg)
        attribute(" y", line.labelY, to: &svg)
        svg.appendBytes(">")
        HTML.append(line.label, to: &svg)
        svg.appendBytes("</text>")
    }

    /// A town: a link named by its `title` (the town and its mentions), its circle, and its label if it has a place.
    private func write(_ town: PlacedTown, fontSize: Double, into svg: inout [UInt8]) {
        svg.appendBytes("<a href=\"")
        HTML.appendEscaped(town.point.href, to: &svg)
        svg.appendBytes("\"><title>")
        HTML.appendEscaped(town.point.name, to: &svg)
        svg.appendBytes(" (")
        svg.appendDecimal(town.point.mentions)
        svg.appendBytes(")</title><circle class=\"map-town")
        if town.point.isCurrent { svg.appendBytes(" map-current") }
        svg.appendBytes("\"")
        attribute(" cx", town.x, to: &svg)
        attribute(" cy", town.y, to: &svg)
        attribute(" r", town.radius, to: &svg)
        svg.appendBytes("/>")
        if let label = town.label {
            let x = town.anchor == "start" ? label.left : town.anchor == "end" ? label.right : (label.left + label.right) / 2
            // The halo is a copy drawn first, stroked, for the eye only: SVG 2's `paint-order` would do it in one
            // element, but validators do not know it yet.
            let openings: [StaticString] = [
                "<text class=\"map-halo\" aria-hidden=\"true\"", "<text class=\"map-label\"",
            ]
            for opening in openings {
                svg.appendBytes(opening)
                attribute(" x", x, to: &svg)
                attribute(" y", label.bottom - fontSize * 0.22, to: &svg)
                svg.appendBytes(" text-anchor=\"")
                HTML.append(town.anchor, to: &svg)
                svg.appendBytes("\">")
                HTML.appendEscaped(town.point.name, to: &svg)
                svg.appendBytes("</text>")
            }
        }
        svg.appendBytes("</a>")
    }

    /// Places circles, then labels, most mentioned town first, so that the towns readers look for keep their
    /// names when space is short. A label goes in the first of eight places around its circle that stays on the
    /// map and clear of every circle and every label placed before it.
    func layout(_ points: [Point], frame: Frame) -> [PlacedTown] {
        let projection = Projection(points.map(\.coordinates), frame: frame, padding: padding)
        return layout(points, frame: frame, projection: projection, grid: projection.grid)
    }

    private func layout(_ points: [Point], frame: Frame, projection: Projection, grid: [Projection.GridLine]) -> [PlacedTown] {
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
        taken += grid.map { line in
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

    /// One decimal, as `%.1f` would write it, without Foundation's formatter and without making a string.
    /// ` name="value"`, the value in tenths, as `append(_:to:)` writes it.
    private func attribute(_ name: StaticString, _ value: Double, to svg: inout [UInt8]) {
        svg.appendBytes(name)
        svg.appendBytes("=\"")
        append(value, to: &svg)
        svg.appendByte(0x22)
    }

    private func append(_ value: Double, to svg: inout [UInt8]) {
        let tenths = Int((abs(value) * 10).rounded())
        if value < 0 && tenths != 0 { svg.appendByte(0x2D) }
        svg.appendDecimal(tenths / 10)
        svg.appendByte(0x2E)
        svg.appendByte(UInt8(truncatingIfNeeded: tenths % 10) + 0x30)
    }
}
