import ArgumentParser
import MuluCatalog

struct HookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hook",
    abstract: LocalizedText(zh: "运行 Git 钩子（由 mulu hooks install 安装的脚本调用）。", en: "Run a Git hook (the shims of mulu hooks install call these).").help,
    subcommands: [HookPreReceiveCommand.self, HookPreCommitCommand.self]
  )
}
