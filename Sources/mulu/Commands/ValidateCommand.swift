import ArgumentParser
import MuluCatalog
import MuluKit

struct ValidateCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: LocalizedText(zh: "校验目录库的工作区或某个版本。", en: "Validate the registry's working tree, or a revision.").help,
    discussion: LocalizedText(zh: "PATH 把报告限于这些文件或文件夹；规则仍然看到整个目录库。", en: "PATHs limit the report to those files or folders; the rules still see the whole registry.").help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "校验此版本（分支、标签、提交）而不是工作区。", en: "Validate this revision (branch, tag, commit) instead of the working tree.")))
  var rev: String?

  @Option(help: ArgumentHelp(LocalizedText(zh: "输出格式：text 或 json。", en: "Output format: text or json.")))
  var format: ReportFormat = .text

  @Flag(help: ArgumentHelp(LocalizedText(
    zh: "不使用也不写入校验缓存（.git/mulu/cache）：读取每个文件。",
    en: "Neither use nor write the validation cache (.git/mulu/cache): read every file.")))
  var noCache = false

  @Argument(help: ArgumentHelp(LocalizedText(zh: "要报告的文件或文件夹。", en: "Files or folders to report on.")))
  var paths: [String] = []

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    for note in workspace.ambiguityNotes([rev]) { Console.note(note, language: language) }
    let (report, notes) = try Validation.run(in: workspace, revision: rev, paths: paths, cache: !noCache)
    for note in notes { Console.note(note.message, language: language) }
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
