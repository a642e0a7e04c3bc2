import ArgumentParser
import MuluCatalog
import MuluKit
import MuluReport

struct ReportCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: LocalizedText(
      zh: "评价各部门的目录（评价）：指标、得分和排名。", en: "Evaluate each department's catalog (评价): indicators, scores and a ranking."
    ).help,
    discussion: LocalizedText(
      zh: "用完整校验读取 REV（默认 main）的目录库、其第一父提交历史和发布；统计期间从 --since（版本或日期 YYYY-MM-DD）或 REV 之前的上一发布起，到 REV 止。天数算到 REV 的提交日期，因此同一 REV 的报告永远相同；只有各分支库待合并的提交数（如 mulu sync status 那样获取）取决于运行的时间。得分权重：registry.yaml 的 evaluation 部分。各项指标的定义见 docs/evaluation.md。",
      en: """
        Reads the registry at REV (default main) with the full validation engine, its first-parent history \
        and its releases; the period runs from --since (a revision, or a date YYYY-MM-DD) or else from the \
        release before REV, to REV. Days are counted to REV's commit date, so that a report of a given REV \
        never changes; only the forks' commits not yet merged (fetched as mulu sync status fetches) depend on \
        when it runs. Weights of the score: registry.yaml, section evaluation. docs/evaluation.md defines \
        every indicator.
        """
    ).help
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
  }

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "要评价的版本。", en: "The revision to evaluate.")))
  var rev: String = "main"

  @Option(
    help: ArgumentHelp(
      LocalizedText(
        zh: "统计期间的起点：版本或日期（默认：上一发布）。", en: "Start of the period: a revision or a date (default: the previous release)."),
      valueName: "REV_OR_DATE"))
  var since: String?

  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp(
      LocalizedText(zh: "只报告这些部门（统一社会信用代码）。", en: "Only these departments (统一社会信用代码)."), valueName: "CODE"))
  var department: [String] = []

  @Option(help: ArgumentHelp(LocalizedText(zh: "输出格式：text、json、markdown 或 html。", en: "Output format: text, json, markdown or html.")))
  var format: Format = .text

  @Option(
    name: .customShort("o"),
    help: ArgumentHelp(LocalizedText(zh: "写入 FILE 而不是标准输出。", en: "Write to FILE instead of standard output."), valueName: "FILE"))
  var output: String?

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let evaluation = try Evaluation.run(
      in: workspace, Evaluation.Request(revision: rev, since: since, departments: department))
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
    try Files.writeAtomically(text, to: output.hasPrefix("/") ? output : global.absoluteDirectory + "/" + output)
  }
}
