import Foundation
import Testing

@testable import DossierCore

@Suite("The map")
struct MapRendererTests {
    /// Towns of the Damascus area, packed close together, and a few far away: the hard case for labels.
    static let crowded: [MapRenderer.Point] = {
        let names = [
            "Damas", "Douma", "Harasta", "Mesraba", "Arbin", "Zamalka", "Jobar", "Irbin", "Kafr Batna", "Saqba",
            "Hamouriyé", "Ain Terma", "Beit Sawa", "Nachabiyé", "Otaya", "Madyara", "Hazza", "Jisrin", "Deir al-Assafir",
            "Zebdine",
        ]
        var points = names.enumerated().map { index, name in
            MapRenderer.Point(
                name: name, href: "towns/\(index)/",
                coordinates: Coordinates(latitude: 33.5 + Double(index % 5) * 0.03, longitude: 36.3 + Double(index / 5) * 0.04),
                mentions: 1 + (index * 7) % 40)
        }
        points.append(MapRenderer.Point(name: "Boukamal", href: "towns/b/", coordinates: Coordinates(latitude: 34.453, longitude: 40.918), mentions: 90))
        points.append(MapRenderer.Point(name: "Alep", href: "towns/a/", coordinates: Coordinates(latitude: 36.2, longitude: 37.15), mentions: 60))
        points.append(MapRenderer.Point(name: "Deir ez-Zor", href: "towns/d/", coordinates: Coordinates(latitude: 35.33, longitude: 40.14), mentions: 30))
        return points
    }()

    @Test("labels stay on the map and clear of every circle and every other label, in every frame", arguments: [
        MapRenderer.Frame.wide, .narrow, .inset, .narrowInset,
    ])
    func labelsNeverOverlap(frame: MapRenderer.Frame) {
        let towns = MapRenderer().layout(Self.crowded, frame: frame)
        #expect(towns.count == Self.crowded.count)
        let labels = towns.compactMap(\.label)
        for (index, label) in labels.enumerated() {
            #expect(label.left >= 0 && label.right <= frame.width && label.top >= 0 && label.bottom <= frame.height)
            #expect(towns.allSatisfy { $0.y > 0 && $0.y < frame.height && $0.x > 0 && $0.x < frame.width })
            for other in labels[(index + 1)...] { #expect(!label.overlaps(other)) }
            for town in towns {
                let circle = MapRenderer.Box(left: town.x - town.radius, top: town.y - town.radius, right: town.x + town.radius, bottom: town.y + town.radius)
                #expect(!label.overlaps(circle))
            }
        }
        // The most mentioned towns are the ones readers look for: they keep their names.
        let named = Set(towns.filter { $0.label != nil }.map(\.point.name))
        #expect(named.isSuperset(of: ["Boukamal", "Alep", "Deir ez-Zor"]))
        #expect(named.count >= 5)
    }

    @Test("a label is wide enough for its name at the drawing's text size")
    func labelWidthFollowsTextSize() {
        let point = [MapRenderer.Point(name: "Boukamal", href: "x/", coordinates: Coordinates(latitude: 34.4, longitude: 40.9), mentions: 3)]
        let large = MapRenderer().layout(point, frame: MapRenderer.Frame(name: "t", width: 800, height: 600, fontSize: 20))[0].label!
        let small = MapRenderer().layout(point, frame: MapRenderer.Frame(name: "t", width: 800, height: 600, fontSize: 10))[0].label!
        #expect(abs((large.right - large.left) - 2 * (small.right - small.left)) < 0.001)
        // DejaVu Sans Bold, the widest common sans-serif, sets "Boukamal" at about 5.3 text sizes.
        #expect(small.right - small.left >= 10 * 5.3)
    }

    @Test("the map page draws every town once per frame as a link, wide and narrow, with the text list beside it")
    func mapPage() throws {
        let report = try DossierBuilder.build(folder: TestSupport.seeds, baseURL: nil)
        let file = try #require(report.files.first { $0.path.value == "map/index.html" })
        let page = String(decoding: file.data, as: UTF8.self)
        #expect(page.components(separatedBy: "<svg class=\"map map-wide\"").count == 2)
        #expect(page.components(separatedBy: "<svg class=\"map map-narrow\"").count == 2)
        for town in ["boukamal", "damas", "douma", "harasta", "mesraba"] {
            #expect(page.components(separatedBy: "<a href=\"../towns/\(town)/\"><title>").count == 3)
            #expect(page.contains("<li><a href=\"../towns/\(town)/\">"))
        }
        #expect(!page.contains("role=\"img\""))
        #expect(!page.contains("style="))
    }

    @Test("a town's page draws the town, marked, and its neighbours")
    func townPageMap() throws {
        let report = try DossierBuilder.build(folder: TestSupport.seeds, baseURL: nil)
        let file = try #require(report.files.first { $0.path.value == "towns/damas/index.html" })
        let page = String(decoding: file.data, as: UTF8.self)
        #expect(page.components(separatedBy: "class=\"map-town map-current\"").count == 3)
        #expect(page.components(separatedBy: "<a href=\"../../towns/damas/\"><title>Damas (4)</title><circle class=\"map-town map-current\"").count == 3)
        // Douma is 12 km away; Boukamal, 400 km, is not on Damascus's map.
        #expect(page.contains("<title>Douma (2)</title>"))
        #expect(!page.contains("<title>Boukamal"))
    }

    @Test(
        "the graticule is labelled as `%.2f` with a decimal comma writes it, and whole degrees without decimals",
        arguments: [(-0.6, -0.4), (33.4, 36.2), (35.9, 36.6), (-12.3, -11.1), (2.05, 2.95)])
    func graticuleLabels(south: Double, west: Double) {
        // Spans under a degree and a half put lines on quarter and half degrees, on both sides of the equator.
        let corners = [
            Coordinates(latitude: south, longitude: west), Coordinates(latitude: south + 0.7, longitude: west + 0.9),
        ]
        let projection = MapRenderer.Projection(corners, frame: .wide, padding: 24)
        let span = max(projection.north - projection.south, projection.east - projection.west)
        let step = span > 8 ? 2.0 : span > 3 ? 1.0 : span > 1.2 ? 0.5 : 0.25
        func labels(from low: Double, to high: Double, _ suffix: String) -> [String] {
            Array(Int((low / step).rounded(.up))...Int((high / step).rounded(.down))).map { multiple in
                let value = Double(multiple) * step
                let text =
                    value == value.rounded()
                    ? "\(Int(value))" : String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",")
                return text + "°" + suffix
            }
        }
        let expected =
            labels(from: projection.south, to: projection.north, "N")
            + labels(from: projection.west, to: projection.east, "E")
        #expect(projection.grid.map(\.label) == expected)
        #expect(expected.contains { $0.contains(",") })
    }
}
