import ArgumentParser
import MuluCatalog
import MuluKit

struct ReleaseNotesCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "notes",
    abstract: LocalizedText(zh: "以 Markdown 打印两个版本之间的发布说明。", en: "Print the release notes between two revisions, in Markdown.").help,
    discussion: LocalizedText(zh: "A 和 B 是版本：发布标签、分支、提交。说明即从 A 到 B 的语义差异。", en: "A and B are revisions: release tags, branches, commits. The notes are the semantic diff from A to B.").help
  )

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(LocalizedText(zh: "旧版本。", en: "The old release.")))
  var from: String

  @Argument(help: ArgumentHelp(LocalizedText(zh: "新版本。", en: "The new release.")))
  var to: String

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    for note in workspace.ambiguityNotes([from, to]) { Console.note(note, language: language) }
    Console.output(try Release.notes(in: workspace, from: from, to: to, language: language))
  }
}
