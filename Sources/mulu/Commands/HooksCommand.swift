import ArgumentParser

struct HooksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hooks",
    abstract: "Install mulu's Git hooks.",
    subcommands: [HooksInstallCommand.self]
  )
}
