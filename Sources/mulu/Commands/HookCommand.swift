import ArgumentParser

struct HookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hook",
    abstract: "Run a Git hook (the shims of mulu hooks install call these).",
    subcommands: [HookPreReceiveCommand.self, HookPreCommitCommand.self]
  )
}
