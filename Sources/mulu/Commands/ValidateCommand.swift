import ArgumentParser
import MuluCatalog
import MuluKit

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Validate the registry's working tree, or a revision.",
    discussion: "PATHs limit the report to those files or folders; the rules still see the whole registry."
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: "Validate this revision (branch, tag, commit) instead of the working tree.")
  var rev: String?

  @Option(help: "Output format: text or json.")
  var format: ReportFormat = .text

  @Argument(help: "Files or folders to report on.")
  var paths: [String] = []

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    for note in workspace.ambiguityNotes([rev]) { Console.note(note, language: language) }
    let report: Report
    do {
      report = try Validation.run(in: workspace, revision: rev, paths: paths)
    } catch {
      throw error.failure(language)
    }
    switch format {
    case .json:
      Console.output(FindingWriter.json(report, language: language).serialized() + "\n")
    case .text:
      Console.output(FindingWriter.text(report, language: language, color: Console.wantsColor(1)))
      Console.standardError(FindingWriter.summary(report, language: language) + "\n")
    }
    if report.hasErrors { throw ExitCode(1) }
  }
}
