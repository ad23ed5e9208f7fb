import Foundation

extension MapRenderer {
    /// An equirectangular projection of the towns' bounding box, widened to at least a degree and by a margin,
    /// with longitudes shrunk by the cosine of the middle latitude so that distances look right.
    struct Projection {
        let south, north, west, east: Double
        private let shrink, scale, offsetX, offsetY: Double

        init(_ coordinates: [Coordinates], frame: Frame, padding: Double) {
            var south = coordinates.map(\.latitude).min() ?? 0, north = coordinates.map(\.latitude).max() ?? 0
            var west = coordinates.map(\.longitude).min() ?? 0, east = coordinates.map(\.longitude).max() ?? 0
            let minimumSpan = 1.0
            if north - south < minimumSpan { (south, north) = ((south + north) / 2 - minimumSpan / 2, (south + north) / 2 + minimumSpan / 2) }
            if east - west < minimumSpan { (west, east) = ((west + east) / 2 - minimumSpan / 2, (west + east) / 2 + minimumSpan / 2) }
            let margin = max(north - south, east - west) * 0.08
            south -= margin; north += margin; west -= margin; east += margin
            let shrink = cos((south + north) / 2 * .pi / 180)
            let scale = min((frame.width - 2 * padding) / ((east - west) * shrink), (frame.height - 2 * padding) / (north - south))
            (self.south, self.north, self.west, self.east) = (south, north, west, east)
            self.shrink = shrink
            self.scale = scale
            // The frame's height is a most: a map of towns spread east to west is drawn lower, not padded out.
            height = max((north - south) * scale + 2 * padding, frame.width * 0.45).rounded(.up)
            offsetX = (frame.width - (east - west) * shrink * scale) / 2
            offsetY = (height - (north - south) * scale) / 2
        }

        /// The height the map is drawn at: no more than the frame's.
        let height: Double

        func project(_ coordinates: Coordinates) -> (x: Double, y: Double) {
            (offsetX + (coordinates.longitude - west) * shrink * scale, offsetY + (north - coordinates.latitude) * scale)
        }

        /// A line of the graticule and its label, in SVG units.
        struct GridLine {
            var start, end: (x: Double, y: Double)
            var label: String
            var labelX, labelY: Double
        }

        /// Lines every two, one, half or quarter degree, labelled in French (`34,5°N`) along the west and south edges.
        var grid: [GridLine] {
            let span = max(north - south, east - west)
            let step = span > 8 ? 2.0 : span > 3 ? 1.0 : span > 1.2 ? 0.5 : 0.25
            var lines: [GridLine] = []
            var latitude = (south / step).rounded(.up) * step
            while latitude <= north {
                let start = project(Coordinates(latitude: latitude, longitude: west))
                let end = project(Coordinates(latitude: latitude, longitude: east))
                lines.append(GridLine(start: start, end: end, label: "\(degrees(latitude))N", labelX: start.x + 2, labelY: start.y - 2))
                latitude += step
            }
            var longitude = (west / step).rounded(.up) * step
            while longitude <= east {
                let start = project(Coordinates(latitude: north, longitude: longitude))
                let end = project(Coordinates(latitude: south, longitude: longitude))
                lines.append(GridLine(start: start, end: end, label: "\(degrees(longitude))E", labelX: end.x + 2, labelY: end.y - 2))
                longitude += step
            }
            return lines
        }

        /// `%.2f` with a decimal comma, and no decimals for a whole degree. Lines fall on quarter degrees, whose
        /// hundredths are whole in binary: written from integers, without Foundation's formatter (a map is drawn on
        /// every town page); any other value goes through it.
        private func degrees(_ value: Double) -> String {
            if value == value.rounded() { return String(Int(value)) + "°" }
            let hundredths = abs(value) * 100
            guard hundredths == hundredths.rounded(), hundredths < 1e9 else {
                return String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",") + "°"
            }
            let whole = Int(hundredths) / 100
            let fraction = Int(hundredths) % 100
            return (value < 0 ? "-" : "") + String(whole) + (fraction < 10 ? ",0" : ",") + String(fraction) + "°"
        }
    }
}
