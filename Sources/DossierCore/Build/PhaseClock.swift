import Foundation

/// How long one phase of a build took.
public struct PhaseTiming: Sendable, Hashable {
    public var name: String
    public var seconds: Double

    public init(name: String, seconds: Double) {
        self.name = name
        self.seconds = seconds
    }
}

/// Times the phases of a build one after another: each `lap` closes the phase that ran since the last one.
struct PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var timings: [PhaseTiming] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append(PhaseTiming(name: name, seconds: Double(now - last) / 1e9))
        last = now
    }
}
