import ArgumentParser
import MuluCatalog
import MuluKit
import MuluReport

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Evaluate each department's catalog (评价): indicators, scores and a ranking.",
    discussion: """
      Reads the registry at REV (default main) with the full validation engine, its first-parent history \
      and its releases; the period runs from --since (a revision, or a date YYYY-MM-DD) or else from the \
      release before REV, to REV. Days are counted to REV's commit date, so that a report of a given REV \
      never changes; only the forks' commits not yet merged (fetched as mulu sync status fetches) depend on \
      when it runs. Weights of the score: registry.yaml, section evaluation. docs/evaluation.md defines \
      every indicator.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
  }

  @OptionGroup var global: GlobalOptions

  @Option(help: "The revision to evaluate (default: main).")
  var rev: String = "main"

  @Option(help: ArgumentHelp("Start of the period: a revision or a date (default: the previous release).", valueName: "REV_OR_DATE"))
  var since: String?

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Only these departments (统一社会信用代码).", valueName: "CODE"))
  var department: [String] = []

  @Option(help: "Output format: text, json, markdown or html.")
  var format: Format = .text

  @Option(name: .customShort("o"), help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
  var output: String?

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let evaluation: Evaluation
    do {
      evaluation = try Evaluation.run(in: workspace, Evaluation.Request(revision: rev, since: since, departments: department))
    } catch {
      throw CommandFailure(error.message, language)
    }
    let text: String
    switch format {
    case .text: text = EvaluationText.text(evaluation, language: language)
    case .markdown: text = EvaluationText.markdown(evaluation, language: language)
    case .json: text = EvaluationJSON.json(evaluation).serialized(pretty: true) + "\n"
    case .html: text = EvaluationHTML.page(evaluation, language: language)
    }
    guard let output else {
      Console.output(text)
      return
    }
    let path = output.hasPrefix("/") ? output : global.absoluteDirectory + "/" + output
    do {
      try Files.writeAtomically(text, to: path)
    } catch {
      throw CommandFailure(
        LocalizedText(zh: "无法写入 \(output)：\(error.reason)", en: "cannot write \(output): \(error.reason)"), language)
    }
  }
}
