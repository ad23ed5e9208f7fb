import Synchronization
import Testing

@testable import DossierCore

/// The map that lets each element go once it is transformed: results in order, every element freed exactly once,
/// and an element freed while the others are still being transformed.
@Suite("Parallel map that releases its input")
struct ParallelMapTests {
    /// Counts the elements alive, and the most that were alive while a later element was transformed.
    final class Ledger: Sendable {
        let alive = Atomic<Int>(0)
        let freed = Atomic<Int>(0)
    }

    final class Item: Sendable {
        let number: Int
        let ledger: Ledger

        init(_ number: Int, ledger: Ledger) {
            self.number = number
            self.ledger = ledger
            ledger.alive.add(1, ordering: .sequentiallyConsistent)
        }

        deinit {
            ledger.alive.subtract(1, ordering: .sequentiallyConsistent)
            ledger.freed.add(1, ordering: .sequentiallyConsistent)
        }
    }

    static func items(_ count: Int, ledger: Ledger) -> [Item] {
        (0..<count).map { Item($0, ledger: ledger) }
    }

    @Test("results come back in the input's order, and every element is freed once", arguments: [0, 1, 2, 63, 4_097])
    func orderAndRelease(count: Int) {
        let ledger = Ledger()
        let results = Self.items(count, ledger: ledger).parallelMapReleasing { $0.number * 2 }
        #expect(results == (0..<count).map { $0 * 2 })
        #expect(ledger.alive.load(ordering: .sequentiallyConsistent) == 0)
        #expect(ledger.freed.load(ordering: .sequentiallyConsistent) == count)
    }

    @Test("an element is freed once transformed, not at the end of the map")
    func releasedAlongTheWay() {
        let ledger = Ledger()
        let count = 10_000
        // When the last elements are transformed, the first ones must already be gone: a map that held its input
        // whole would see all 10,000 alive.
        let seen = Self.items(count, ledger: ledger).parallelMapReleasing { item in
            item.number >= count - 10 ? ledger.alive.load(ordering: .sequentiallyConsistent) : 0
        }
        #expect(seen.suffix(10).allSatisfy { $0 < count / 2 })
        #expect(ledger.freed.load(ordering: .sequentiallyConsistent) == count)
    }
}
