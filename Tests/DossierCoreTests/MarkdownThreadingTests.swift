import Foundation
import Testing

@testable import DossierCore

/// Two thread-safety holes in cmark-gfm 0.29.0.gfm.6, both seen here:
/// - it registers its extensions behind a plain flag, so threads that parse their first table at the same
///   instant registered them twice and renumbered the table node types under each other's parsers: cmark
///   aborted (`b->flags & CMARK_NODE__OPEN`, on CI) or rendered the table wrongly;
/// - each parser adds the extensions' trigger characters to a process-wide table for its inline pass and
///   removes them after, so `~~barré~~` and `www.` links came out as plain text when another parser finished.
/// Registration happens once per process, so every try runs in a fresh child process (an exit test). With
/// the old code two or three of the twelve tries failed in each run.
@Suite("Parsing Markdown on several threads from the very first document")
struct MarkdownThreadingTests {
    @Test("Four threads parse tables at once in a fresh process", arguments: 1...12)
    func firstParsesRace(attempt: Int) async {
        await #expect(processExitsWith: .success) {
            exit(MarkdownThreadingTests.wrongTablesOnFourThreads() == 0 ? EXIT_SUCCESS : EXIT_FAILURE)
        }
    }

    /// Starts four threads, lets them go at the same instant, and counts the tables they render wrongly.
    static func wrongTablesOnFourThreads() -> Int {
        let table = "| Ville | Frappes |\n|---|---|\n| Alep | 3 |\n\nTexte ~~barré~~, voir www.example.org.\n"
        let state = StartingGate(threads: 4)
        for _ in 0..<state.threads {
            Thread {
                state.arriveAndWait()
                var wrong = 0
                for _ in 0..<20 {
                    let html = String(decoding: MarkdownDocument(markdown: table).html(), as: UTF8.self)
                    if !html.contains("<table>") || !html.contains("<td>Alep</td>") || !html.contains("<del>barré</del>")
                            || !html.contains("<a href=\"http://www.example.org\">") {
                        wrong += 1
                    }
                }
                state.finish(wrong: wrong)
            }.start()
        }
        return state.waitForAll()
    }
}

/// A barrier for the threads above, and the tally of what they found.
private final class StartingGate: @unchecked Sendable {
    let threads: Int
    private let condition = NSCondition()
    private var waiting: Int
    private var finished = 0
    private var wrong = 0

    init(threads: Int) {
        self.threads = threads
        self.waiting = threads
    }

    func arriveAndWait() {
        condition.lock()
        waiting -= 1
        if waiting == 0 { condition.broadcast() }
        while waiting > 0 { condition.wait() }
        condition.unlock()
    }

    func finish(wrong count: Int) {
        condition.lock()
        wrong += count
        finished += 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForAll() -> Int {
        condition.lock()
        while finished < threads { condition.wait() }
        let total = wrong
        condition.unlock()
        return total
    }
}

@Suite("Parsing inlines on several threads without a lock")
struct MarkdownSharedCharactersTests {
    /// Debian's cmark-gfm keeps the trigger characters in one table for the process: there, the characters are
    /// set once for good and no parser waits for another. A cmark-gfm that keeps them per parser needs neither.
    @Test("With Debian's cmark-gfm, the trigger characters are shared and inlines parse without the lock")
    func sharedOnDebian() {
        MarkdownDocument.registerExtensions()
        if MarkdownDocument.libraryVersion == "0.29.0.gfm.6" {
            #expect(!MarkdownDocument.parsesInlinesUnderLock)
        }
    }

    @Test("Strikethrough, autolinks and emphasis beside a tilde read the same on every thread")
    func sameOnEveryThread() async {
        let text = "Texte ~~barré~~, voir www.example.org, et a*~b*.\n"
        let expected = String(decoding: MarkdownDocument(markdown: text).html(), as: UTF8.self)
        #expect(expected.contains("<del>barré</del>"))
        #expect(expected.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(expected.contains("a<em>~b</em>"))
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    (0..<200).map { _ in String(decoding: MarkdownDocument(markdown: text).html(), as: UTF8.self) }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.count == 800)
        #expect(results.allSatisfy { $0 == expected })
    }
}
