import ArgumentParser
import MuluCatalog

struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: LocalizedText(zh: "把部门和省级分叉（sources.yaml）同步进本目录库。", en: "Bring departmental and provincial forks (sources.yaml) into this registry.").help,
    subcommands: [SyncPullCommand.self, SyncStatusCommand.self]
  )
}
