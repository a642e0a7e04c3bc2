import ArgumentParser

struct ReleaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "release",
    abstract: "Cut, describe and list catalog releases (annotated tags on main).",
    subcommands: [ReleaseCutCommand.self, ReleaseNotesCommand.self, ReleaseListCommand.self]
  )
}
