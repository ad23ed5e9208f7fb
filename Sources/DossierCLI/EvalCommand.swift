import ArgumentParser
import DossierCore
import Foundation

/// `dossier eval FOLDER GOLD`: how well the linker finds the mentions an editor marked by hand.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measures the linker against hand-marked mentions: precision, recall and F1, every miss and false link.",
        discussion: """
            GOLD is a tab-separated file with a header row `file  line  entity  text`: one row per mention, \
            `file` relative to FOLDER, `line` where the mention starts. Lines starting with # are comments.
            """)

    @Argument(help: "The dossier folder.")
    var folder: String

    @Argument(help: "The gold file (TSV).")
    var gold: String

    @Option(name: .customLong("min-precision"), help: "Exit with status 1 below this precision.")
    var minimumPrecision: Double = 0

    @Option(name: .customLong("min-recall"), help: "Exit with status 1 below this recall.")
    var minimumRecall: Double = 0

    func run() throws {
        let evaluation: LinkingEvaluation
        do {
            evaluation = try LinkingEvaluator.evaluate(
                folder: URL(fileURLWithPath: folder), gold: URL(fileURLWithPath: gold))
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        for diagnostic in evaluation.diagnostics { printError(diagnostic.description) }
        if evaluation.diagnostics.hasErrors {
            printError("\(counted(evaluation.diagnostics.errorCount, "error")): the scores would mean nothing")
            throw ExitCode.failure
        }
        print(EvaluationTable.render(evaluation))
        let overall = evaluation.overall
        if overall.precision < minimumPrecision || overall.recall < minimumRecall {
            printError(
                "below the bar: precision \(EvaluationTable.figure(overall.precision)) (at least "
                    + "\(EvaluationTable.figure(minimumPrecision))), recall \(EvaluationTable.figure(overall.recall)) "
                    + "(at least \(EvaluationTable.figure(minimumRecall)))")
            throw ExitCode.failure
        }
    }
}

/// The evaluation as text: a table of scores, then every miss and every false link with its context.
enum EvaluationTable {
    static func render(_ evaluation: LinkingEvaluation) -> String {
        var lines = [
            "Linking evaluation: \(counted(evaluation.articles, "article")), \(evaluation.overall.gold) marked mentions, "
                + "\(evaluation.overall.found) found",
            "",
            row("", "precision", "recall", "F1", "marked", "found", "correct"),
            row(for: "all", evaluation.overall),
        ]
        for kind in evaluation.byKind { lines.append(row(for: kind.kind.id, kind.score)) }
        lines.append("")
        lines.append("Misses (\(evaluation.misses.count)):")
        for miss in evaluation.misses {
            lines.append("  \(place(miss)): `\(miss.text)` → \(miss.entity)")
            lines.append("      \(miss.context)")
        }
        lines.append("False links (\(evaluation.falseLinks.count)):")
        for link in evaluation.falseLinks {
            lines.append("  \(place(link)): `\(link.text)` → \(link.entity)")
            lines.append("      « \(link.context) »")
        }
        return lines.joined(separator: "\n")
    }

    static func figure(_ value: Double) -> String { String(format: "%.4f", value) }

    private static func place(_ mistake: LinkingMistake) -> String {
        mistake.line.map { "\(mistake.file):\($0)" } ?? "\(mistake.file)"
    }

    private static func row(for label: String, _ score: LinkingScore) -> String {
        row(
            label, figure(score.precision), figure(score.recall), figure(score.f1), "\(score.gold)", "\(score.found)",
            "\(score.correct)")
    }

    private static func row(_ cells: String...) -> String {
        let widths = [10, 10, 8, 8, 8, 7, 8]
        return zip(cells, widths).enumerated().map { index, cell in
            let (text, width) = cell
            let padding = String(repeating: " ", count: max(width - text.count, 1))
            return index == 0 ? text + padding : padding + text
        }.joined()
    }
}
