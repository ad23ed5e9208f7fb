import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core, for independent work (parse, link, render per article or page): results
    /// come back in the array's order, so the output does not depend on scheduling.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        // Small chunks keep both cores busy when some items (big entity pages) cost far more than others.
        let chunk = Swift.max(1, Swift.min(64, count / 64))
        let chunks = (count + chunk - 1) / chunk
        return collectingResults { slots in
            nonisolated(unsafe) let output = slots
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: chunks) { index in
                    for position in (index * chunk)..<Swift.min(count, (index + 1) * chunk) {
                        output[position] = transform(input[position])  // each slot written by one worker only
                    }
                }
            }
        }
    }

    /// Hands `fill` one empty slot per element, and returns what it put in them, in order: it must fill each once.
    private func collectingResults<Result>(_ fill: (UnsafeMutableBufferPointer<Result?>) -> Void) -> [Result] {
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        fill(slots)
        return slots.map { $0! }
    }
}

extension Array where Element: Sendable {
    /// `parallelMap` for work that may wait for the disk (reading files, looking at them). A first slice runs on
    /// one thread per core, timed: if its items waited (the page cache no longer holds the dossier, as here after
    /// a minute's pause, or after a restart), the rest runs on `threads` threads, so that that many reads are in
    /// flight at once rather than two. 10,000 files read cold by two threads took 1.3 s; a warm read takes about
    /// 10 µs, and costs nothing more. Results come back in the array's order.
    func parallelMapWaiting<Result: Sendable>(
        threads: Int = 16, _ transform: @escaping @Sendable (Element) -> Result
    ) -> [Result] {
        let probe = Swift.min(count, 128)
        let clock = ContinuousClock()
        let start = clock.now
        var results = Array(self[..<probe]).parallelMap(transform)
        guard probe < count else { return results }
        let perItem = (clock.now - start) * ProcessInfo.processInfo.activeProcessorCount / probe
        let rest = Array(self[probe...])
        results += perItem > .microseconds(50) ? rest.onManyThreads(threads, transform) : rest.parallelMap(transform)
        return results
    }

    /// `parallelMap` on `threads` threads of its own, more than there are cores.
    func onManyThreads<Result: Sendable>(
        _ threads: Int, _ transform: @escaping @Sendable (Element) -> Result
    ) -> [Result] {
        let threads = Swift.min(threads, count / 64)
        guard threads > 1 else { return parallelMap(transform) }
        let chunk = 16
        let next = Atomic<Int>(0)
        let finished = DispatchGroup()
        return collectingResults { slots in
            nonisolated(unsafe) let output = slots
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                for _ in 0..<threads {
                    finished.enter()
                    Thread.detachNewThread {
                        while true {
                            let start = next.add(chunk, ordering: .relaxed).oldValue
                            guard start < input.count else { break }
                            for position in start..<Swift.min(input.count, start + chunk) {
                                output[position] = transform(input[position])  // each slot written by one thread
                            }
                        }
                        finished.leave()
                    }
                }
                finished.wait()
            }
        }
    }
}

extension Array where Element: Sendable {
    /// `parallelMap` that takes the array and lets each element go as soon as it is transformed: a stage's input is
    /// not held whole while its output is made (the parsed articles' text while the linked articles are made).
    consuming func parallelMapReleasing<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        // The elements move into memory of our own, where the array's references to them end: from then on, a
        // worker that moves an element out holds its only reference.
        let items = UnsafeMutableBufferPointer<Element>.allocate(capacity: count)
        _ = items.initialize(from: consume self)
        defer { items.deallocate() }  // every element was moved out
        nonisolated(unsafe) let input = items
        return Array<Int>(0..<count).parallelMap { transform(input.moveElement(from: $0)) }  // each index once
    }
}

/// Work started on another thread now, whose result is collected later: the site's data files are made
/// while its pages render.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once on the worker and read only after `group.wait()`.
    private let group = DispatchGroup()
    private var result: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async(group: group) { self.result = Result(catching: work) }
    }

    /// Waits for the work and returns its value, or throws its error.
    func value() throws -> Value {
        group.wait()
        return try result!.get()
    }
}

/// Lets go of a value on another thread: freeing what a stage made (thousands of articles, every page's
/// references) takes milliseconds on one core, which the next stage need not wait for.
func freeInBackground<Value: Sendable>(_ value: consuming Value) {
    let value = value  // a `consuming` parameter is mutable: work on another thread may capture only a `let`
    DispatchQueue.global().async { withExtendedLifetime(value) {} }
}
