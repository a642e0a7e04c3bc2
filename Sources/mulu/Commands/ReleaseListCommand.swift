import ArgumentParser
import MuluKit

struct ReleaseListCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the release tags, newest first, with their dates and counts.",
    discussion: "Release tags are those matching access.yaml's release_tags on main (default v*)."
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: "Output format: text or json.")
  var format: ReportFormat = .text

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let entries = try Release.list(in: workspace)
    switch format {
    case .json: Console.output(ReleaseWriter.json(entries).serialized() + "\n")
    case .text: Console.output(ReleaseWriter.list(entries, language: language))
    }
  }
}
