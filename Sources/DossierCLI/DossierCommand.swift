import ArgumentParser
import DossierCore
import Foundation

/// `dossier`: build, check and serve a conflict dossier.
public struct DossierCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turns a folder of news articles into a cross-linked static dossier site.",
        subcommands: [Build.self, Check.self, Serve.self, Entities.self, Eval.self],
        defaultSubcommand: nil)

    public init() {}
}

/// The folder argument shared by every command.
struct FolderOptions: ParsableArguments {
    @Argument(help: "The dossier folder: entities.yml, dossier.yml and the articles (*.txt, *.md).")
    var folder: String = "seeds"

    var url: URL { URL(fileURLWithPath: folder) }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the site; the previous site stays untouched if anything fails.")

    @OptionGroup var options: FolderOptions

    @Option(name: .shortAndLong, help: "Where to write the site.")
    var output: String = "public"

    @Option(name: .customLong("base-url"), help: "The site's public address, for the feed, sitemap and canonical links.")
    var baseURL: String?

    @Flag(help: "Print how long each phase took, as `timing PHASE SECONDS` lines.")
    var timings = false

    @Flag(help: "Build even when nothing changed since the last build.")
    var force = false

    func run() throws {
        let outputURL = URL(fileURLWithPath: output)
        do {
            try DiskPublisher.validateOutput(outputURL, input: options.url)
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        let checkStarted = Date()
        let walk = FolderWalk.walking(options.url)
        let state = BuildState.current(output: outputURL, baseURL: baseURL, walk: walk)
        let previous = BuildState.stored(folder: options.url)
        if !force, state.isUnchanged(since: previous) {
            let warnings = previous?.warnings ?? 0
            print(
                "Up to date: nothing changed in \(options.folder) since it was built into \(output) "
                    + "(\(String(format: "%.2f", Date().timeIntervalSince(checkStarted))) s)"
                    + (warnings > 0 ? "; \(counted(warnings, "warning")), see `dossier check`" : ""))
            if timings { print("timing check \(String(format: "%.4f", Date().timeIntervalSince(checkStarted)))") }
            return
        }
        // Pages go to disk as they are rendered, into a working folder that replaces the site only at the end.
        let publisher: DiskPublisher
        do {
            publisher = try DiskPublisher(output: outputURL, input: options.url)
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        let report: BuildReport
        do {
            report = try runReporting {
                try DossierBuilder.build(folder: options.url, baseURL: baseURL, into: publisher, walked: walk)
            }
        } catch {
            publisher.abandon()
            throw error
        }
        guard !report.diagnostics.hasErrors else {
            publisher.abandon()
            throw ExitCode.failure
        }
        do {
            try publisher.finish()
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        state.recording(publisher.written, warnings: report.diagnostics.warningCount).save(folder: options.url)
        keepUntilExit(report)
        let total = Date().timeIntervalSince(checkStarted)
        print(
            "Built \(options.folder) → \(output): \(counted(report.articleCount, "article")), "
                + "\(counted(report.entityCount, "entity", "entities")), \(counted(report.pageCount, "page")) "
                + "in \(String(format: "%.2f", total)) s"
                + warningsSuffix(report.diagnostics))
        if timings {
            // Each page is written by the thread that rendered it: `render` includes that writing (its own time,
            // summed over the threads, is `writing`); `write` is the end: stale files out, swap in.
            for phase in report.timings + [PhaseTiming(name: "write", seconds: publisher.finishSeconds)] {
                print("timing \(phase.name) \(String(format: "%.4f", phase.seconds))")
            }
            print("writing \(String(format: "%.4f", publisher.seconds)) (during render, summed over threads)")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks the dossier without writing anything; exits with status 1 on errors.")

    @OptionGroup var options: FolderOptions

    func run() throws {
        let report = try runReporting { try DossierBuilder.build(folder: options.url, into: nil) }
        let errors = report.diagnostics.errorCount
        print(
            "Checked \(options.folder): \(counted(report.articleCount, "article")), "
                + "\(counted(report.entityCount, "entity", "entities")) mentioned, \(counted(errors, "error")), "
                + counted(report.diagnostics.warningCount, "warning"))
        if errors > 0 { throw ExitCode.failure }
    }
}

/// Runs a build, prints every diagnostic to standard error, and turns environment failures into exit status 1.
func runReporting(_ body: () throws -> BuildReport) throws -> BuildReport {
    let report: BuildReport
    do {
        report = try body()
    } catch {
        printError("\(error)")
        throw ExitCode.failure
    }
    for diagnostic in report.diagnostics { printError(diagnostic.description) }
    if report.diagnostics.hasErrors {
        printError("\(counted(report.diagnostics.errorCount, "error")): nothing was written")
    }
    return report
}

/// Keeps a value alive until the process ends. A built site is hundreds of thousands of small objects: freeing
/// them one by one took 40 ms at 10,000 articles, on one core, just before the process exits and the system takes
/// all its memory back at once.
private func keepUntilExit(_ value: some Any) {
    _ = Unmanaged.passRetained(KeptUntilExit(value: value))
}

private final class KeptUntilExit {
    let value: Any
    init(value: Any) { self.value = value }
}

private func warningsSuffix(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.warningCount == 0 ? "" : " (\(counted(diagnostics.warningCount, "warning")))"
}

/// `1 article`, `2 articles`.
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

extension DossierCommand {
    /// Parses the command line and runs the command, `serve` included. Called from `main.swift`, whose
    /// top-level code would pick ArgumentParser's synchronous entry point, which cannot run `serve`.
    public static func runFromCommandLine() async {
        await main(nil)
    }
}
