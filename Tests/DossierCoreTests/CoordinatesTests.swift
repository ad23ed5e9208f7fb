import Foundation
import Testing

@testable import DossierCore

@Suite("Coordinates as French readers write them")
struct CoordinatesTests {
    @Test("`34,453° N, 40,918° E`: a decimal comma, the hemisphere by its French letter")
    func french() {
        #expect(Coordinates(latitude: 34.453, longitude: 40.918).french == "34,453° N, 40,918° E")
        #expect(Coordinates(latitude: -33.8688, longitude: -70.6693).french == "33,869° S, 70,669° O")
        #expect(Coordinates(latitude: 0, longitude: -0.0).french == "0,000° N, 0,000° E")
        #expect(Coordinates(latitude: 36.2, longitude: 180).french == "36,200° N, 180,000° E")
        #expect(Coordinates(latitude: 0.0004999, longitude: 9.9995).french == "0,000° N, 9,999° E")
    }

    /// The digits worked out on integers are those `%.3f` gives, which rounds the exact binary value: halfway
    /// cases (`0.0005`, `2.0625`), values just either side of them, and random ones.
    @Test("three decimals round exactly as `%.3f` does")
    func threeDecimals() {
        var values: [Double] = [0, 0.0005, 0.0015, 0.0025, 1.0005, 2.0625, 2.0635, 34.4535, 40.9185, 89.9995, 179.9995]
        for thousandths in stride(from: 0, to: 200_000, by: 997) {
            let halfway = (Double(thousandths) + 0.5) / 1000
            values += [halfway, halfway.nextUp, halfway.nextDown, Double(thousandths) / 1000]
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 { values.append(Double.random(in: 0...180, using: &generator)) }
        for value in values {
            let expected = String(format: "%.3f", value).replacingOccurrences(of: ".", with: ",")
            #expect(Coordinates.threeDecimals(value) == expected, "\(value)")
        }
    }
}
