import ArgumentParser

struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Bring departmental and provincial forks (sources.yaml) into this registry.",
    subcommands: [SyncPullCommand.self, SyncStatusCommand.self]
  )
}
