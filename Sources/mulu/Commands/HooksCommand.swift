import ArgumentParser
import MuluCatalog

struct HooksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hooks",
    abstract: LocalizedText(zh: "安装 mulu 的 Git 钩子。", en: "Install mulu's Git hooks.").help,
    subcommands: [HooksInstallCommand.self]
  )
}
