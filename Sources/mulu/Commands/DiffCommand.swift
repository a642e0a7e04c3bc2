import ArgumentParser
import MuluCatalog
import MuluKit

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed between two versions of the registry, resource by resource.",
    discussion: """
      FROM and TO are revisions (tags, branches, HEAD~3, commit ids). FROM defaults to HEAD, TO to the \
      working tree. Resources are matched by code and their items by name, so reordering and reformatting \
      are no change. Breaking changes (sharing tightened, not open to the public any more, an item removed, \
      retyped or shortened, slower updates, another share method or format class, retirement, deletion) are \
      marked; files that cannot be read on a side are named \
      on standard error and left out. In JSON, the working tree is named "working tree".
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: "Output format: text, json or markdown.")
  var format: OutputFormat = .text

  @Flag(help: "Only the resources with a breaking change.")
  var breakingOnly = false

  @Flag(name: .customLong("exit-code"), help: "Exit 1 when there are differences, as git diff --exit-code.")
  var failOnDifferences = false

  @Argument(help: "The old version (default: HEAD).")
  var from: String?

  @Argument(help: "The new version (default: the working tree).")
  var to: String?

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    for note in workspace.ambiguityNotes([from, to]) { Console.note(note, language: language) }
    var diff: SemanticDiff
    do {
      diff = try DiffEngine.run(in: workspace, from: from, to: to)
    } catch {
      throw error.failure(language)
    }
    if breakingOnly { diff = diff.breakingOnly() }
    if !diff.unreadable.isEmpty {
      Console.standardError(
        FindingWriter.text(Report(findings: diff.unreadable), language: language, color: Console.wantsColor(2)))
    }
    switch format {
    case .text:
      Console.output(DiffWriter.text(diff, language: language, color: Console.wantsColor(1)))
    case .json:
      Console.output(DiffWriter.json(diff).serialized() + "\n")
    case .markdown:
      Console.output(DiffWriter.markdown(diff, language: language))
    }
    if failOnDifferences && !diff.isEmpty { throw ExitCode(1) }
  }
}
