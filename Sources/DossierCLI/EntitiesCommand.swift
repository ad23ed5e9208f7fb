import ArgumentParser
import DossierCore
import Foundation

/// `dossier entities`: commands that help keep the registry of entities (`entities.yml`) complete.
struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Helps keep the registry of entities (entities.yml) complete.",
        subcommands: [SuggestEntities.self])
}

/// `dossier entities suggest [FOLDER]`: names in the articles that look like entities but are not registered.
struct SuggestEntities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Lists the names in the articles that look like entities but are not registered, ready to paste.",
        discussion: """
            Names are ranked by how often they occur, each with a guessed kind, an example sentence with \
            file:line, and YAML for entities.yml. The kind is only a guess: read the example before pasting.
            """)

    @OptionGroup var options: FolderOptions

    @Option(
        name: .customLong("min-count"),
        help:
            "Show only names seen at least this many times (default: 1 below \(EntitySuggester.smallDossier) articles, else 2, or 1 with a strong clue such as a title or `ville de`)."
    )
    var minCount: Int?

    @Option(help: "Show at most this many names.")
    var limit: Int = 50

    func validate() throws {
        if let minCount, minCount < 1 { throw ValidationError("--min-count must be 1 or more") }
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let report: SuggestionReport
        do {
            report = try EntitySuggester.suggest(folder: options.url, minCount: minCount, limit: limit)
        } catch {
            writeError("\(error)")
            throw ExitCode.failure
        }
        for diagnostic in report.diagnostics { writeError(diagnostic.description) }
        if report.diagnostics.hasErrors {
            let errors = report.diagnostics.errorCount
            writeError("\(errors) \(errors == 1 ? "error" : "errors"): fix the dossier before asking for suggestions")
            throw ExitCode.failure
        }
        print(SuggestionRenderer.render(report, folder: options.folder), terminator: "")
    }
}

private func writeError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
