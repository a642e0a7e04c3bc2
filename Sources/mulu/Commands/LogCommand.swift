import ArgumentParser
import MuluCatalog
import MuluKit

struct LogCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: LocalizedText(zh: "列出改变某个资源的提交（新的在前）及各自改了什么。", en: "List the commits that changed one resource, newest first, with what each changed.").help,
    discussion: LocalizedText(
      zh: "默认列出分支的第一父提交历史（分支的审计记录）：分支有过的每个状态，合并（同步）显示合并者、时间和来源；--all-parents 还列出分叉仓库一侧的提交。只改了格式或顺序的提交不列出。",
      en: "By default the branch's first-parent history, its audit trail: every state the branch had, each merge (a sync) with who merged it, when and from which source; --all-parents lists the forks' commits too. Commits that only reformatted or reordered the file are left out."
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "从此版本开始（默认：HEAD）。", en: "Start from this revision (default: HEAD).")))
  var rev: String?

  @Option(help: ArgumentHelp(LocalizedText(zh: "输出格式：text 或 json。", en: "Output format: text or json.")))
  var format: ReportFormat = .text

  @Flag(
    name: .customLong("all-parents"),
    help: ArgumentHelp(
      LocalizedText(
        zh: "沿所有父提交查找（git log 的历史简化），列出分叉仓库一侧的提交。",
        en: "Follow every parent (git log's history simplification), listing the forks' own commits.")))
  var allParents = false

  @Argument(help: ArgumentHelp(LocalizedText(zh: "信息资源代码，如 303001001/000001。", en: "The resource code (信息资源代码), e.g. 303001001/000001."), valueName: "CODE"))
  var code: String

  func validate() throws {
    if ResourceCode(code) == nil { throw ValidationError("'\(code)' is not a resource code (分类码/顺序码)") }
  }

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    for note in workspace.ambiguityNotes([rev]) { Console.note(note, language: language) }
    let history = try ResourceHistory.run(in: workspace, code: code, revision: rev, allParents: allParents)
    switch format {
    case .json:
      Console.output(HistoryWriter.json(history, code: code, language: language).serialized() + "\n")
    case .text:
      Console.output(HistoryWriter.text(history, language: language, color: Console.wantsColor(1)))
    }
  }
}
