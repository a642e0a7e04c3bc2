import ArgumentParser
import MuluKit

struct ReleaseNotesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notes",
    abstract: "Print the release notes between two revisions, in Markdown.",
    discussion: "A and B are revisions: release tags, branches, commits. The notes are the semantic diff from A to B."
  )

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The old release.")
  var from: String

  @Argument(help: "The new release.")
  var to: String

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    for note in workspace.ambiguityNotes([from, to]) { Console.note(note, language: language) }
    do {
      Console.output(try Release.notes(in: workspace, from: from, to: to, language: language))
    } catch {
      throw CommandFailure(error.message, language)
    }
  }
}
