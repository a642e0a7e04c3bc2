import ArgumentParser
import MuluCatalog

struct ReleaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "release",
    abstract: LocalizedText(zh: "发布目录版本、生成发布说明、列出版本（main 上的附注标签）。", en: "Cut, describe and list catalog releases (annotated tags on main).").help,
    subcommands: [ReleaseCutCommand.self, ReleaseNotesCommand.self, ReleaseListCommand.self]
  )
}
