import ArgumentParser
import MuluCatalog
import MuluKit

struct LogCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: LocalizedText(zh: "列出改变某个资源的提交（新的在前）及各自改了什么。", en: "List the commits that changed one resource, newest first, with what each changed.").help,
    discussion: LocalizedText(zh: "只改了格式或顺序的提交不列出。", en: "Commits that only reformatted or reordered the file are left out.").help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "从此版本开始（默认：HEAD）。", en: "Start from this revision (default: HEAD).")))
  var rev: String?

  @Option(help: ArgumentHelp(LocalizedText(zh: "输出格式：text 或 json。", en: "Output format: text or json.")))
  var format: ReportFormat = .text

  @Argument(help: ArgumentHelp(LocalizedText(zh: "信息资源代码，如 303001001/000001。", en: "The resource code (信息资源代码), e.g. 303001001/000001."), valueName: "CODE"))
  var code: String

  func validate() throws {
    if ResourceCode(code) == nil { throw ValidationError("'\(code)' is not a resource code (分类码/顺序码)") }
  }

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    for note in workspace.ambiguityNotes([rev]) { Console.note(note, language: language) }
    let history = try ResourceHistory.run(in: workspace, code: code, revision: rev)
    switch format {
    case .json:
      Console.output(HistoryWriter.json(history, code: code, language: language).serialized() + "\n")
    case .text:
      Console.output(HistoryWriter.text(history, language: language, color: Console.wantsColor(1)))
    }
  }
}
