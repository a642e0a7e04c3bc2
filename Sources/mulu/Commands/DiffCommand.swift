import ArgumentParser
import MuluCatalog
import MuluKit

struct DiffCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: LocalizedText(zh: "逐个资源显示目录库两个版本之间的变化。", en: "Show what changed between two versions of the registry, resource by resource.").help,
    discussion: LocalizedText(
      zh: "FROM 和 TO 是版本（标签、分支、HEAD~3、提交号）。FROM 默认为 HEAD，TO 默认为工作区。资源按代码、数据项按名称对应，因此调整顺序和格式不算变化。破坏性变更（共享收紧、不再向社会开放、数据项被删除、改类型或缩短、更新变慢、共享方式或格式类别改变、停用、删除）会标出；某一边无法读取的文件在标准错误上列出并略过。JSON 中工作区写作 \"working tree\"。",
      en: """
      FROM and TO are revisions (tags, branches, HEAD~3, commit ids). FROM defaults to HEAD, TO to the \
      working tree. Resources are matched by code and their items by name, so reordering and reformatting \
      are no change. Breaking changes (sharing tightened, not open to the public any more, an item removed, \
      retyped or shortened, slower updates, another share method or format class, retirement, deletion) are \
      marked; files that cannot be read on a side are named \
      on standard error and left out. In JSON, the working tree is named "working tree".
      """
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "输出格式：text、json 或 markdown。", en: "Output format: text, json or markdown.")))
  var format: OutputFormat = .text

  @Flag(help: ArgumentHelp(LocalizedText(zh: "只列出有破坏性变更的资源。", en: "Only the resources with a breaking change.")))
  var breakingOnly = false

  @Flag(name: .customLong("exit-code"), help: ArgumentHelp(LocalizedText(zh: "有差异时以 1 退出，同 git diff --exit-code。", en: "Exit 1 when there are differences, as git diff --exit-code.")))
  var failOnDifferences = false

  @Argument(help: ArgumentHelp(LocalizedText(zh: "旧版本（默认：HEAD）。", en: "The old version (default: HEAD).")))
  var from: String?

  @Argument(help: ArgumentHelp(LocalizedText(zh: "新版本（默认：工作区）。", en: "The new version (default: the working tree).")))
  var to: String?

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    for note in workspace.ambiguityNotes([from, to]) { Console.note(note, language: language) }
    var diff = try DiffEngine.run(in: workspace, from: from, to: to)
    if breakingOnly { diff = diff.breakingOnly() }
    if !diff.unreadable.isEmpty {
      Console.standardError(
        FindingWriter.text(Report(findings: diff.unreadable), language: language, color: Console.wantsColor(2)))
    }
    switch format {
    case .text:
      Console.output(DiffWriter.text(diff, language: language, color: Console.wantsColor(1)))
    case .json:
      Console.output(DiffWriter.json(diff).serialized() + "\n")
    case .markdown:
      Console.output(DiffWriter.markdown(diff, language: language))
    }
    if failOnDifferences && !diff.isEmpty { throw ExitCode(1) }
  }
}
