import Foundation
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

/// The map for work that waits for the disk: in order whichever way it runs, and on more threads than cores only
/// when its first items waited.
@Suite("Parallel map for work that waits")
struct ParallelMapWaitingTests {
    /// Which threads ran a transform.
    final class Threads: Sendable {
        let seen = Mutex<Set<ObjectIdentifier>>([])

        func note() {
            let id = ObjectIdentifier(Thread.current)
            seen.withLock { _ = $0.insert(id) }
        }

        var count: Int { seen.withLock { $0.count } }
    }

    @Test("on sixteen threads, results come back in the input's order", arguments: [0, 1, 100, 1_024, 10_001])
    func manyThreadsInOrder(count: Int) {
        let results = Array(0..<count).onManyThreads(16) { $0 * 3 }
        #expect(results == (0..<count).map { $0 * 3 })
    }

    @Test("items that wait send the rest to more threads than there are cores, in order")
    func widensWhenWaiting() {
        let count = 4_096
        let threads = Threads()
        let results = Array(0..<count).parallelMapWaiting(threads: 64) { number in
            threads.note()
            usleep(300)  // as a read from a cold disk
            return number + 1
        }
        #expect(results == (1...count).map { $0 })
        #expect(threads.count > ProcessInfo.processInfo.activeProcessorCount + 1)
        // Quick items give the same results; whether they stay on the cores depends on the timing of the first
        // ones, which a busy test run can slow down, so only the results are checked.
        #expect(Array(0..<count).parallelMapWaiting { $0 + 1 } == results)
    }
}
