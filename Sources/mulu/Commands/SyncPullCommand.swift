import ArgumentParser
import MuluCatalog
import MuluKit

#if canImport(Glibc)
  import Glibc
#endif

struct SyncPullCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "pull",
    abstract: "Fetch a source's fork and merge it into a branch of this registry.",
    discussion: """
      Run in the national repository (bare, or a clone with a clean working tree, which then \
      follows the merge). The fork is fetched into refs/mulu/sources/NAME from the URL that \
      sources.yaml on the branch gives (a relative path is taken from the repository's working \
      tree, or from the repository itself when bare). Nothing is written when the fork changed paths outside the \
      folders it owns, changed a file the branch also changed, or leaves the registry with errors \
      (exit 1). Otherwise one merge commit (parents: the branch's tip, the fork's tip) is written, \
      and the branch moves only if nobody moved it meanwhile.
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: "The branch of this registry to merge into.")
  var branch: String = "main"

  @Flag(help: "Write the merge to sync/NAME for a maintainer to review; leave the branch alone.")
  var review = false

  @Option(help: ArgumentHelp("The merge's author (default: git config user.name and user.email).", valueName: "Name <email>"))
  var author: String?

  @Argument(help: "The source's name in sources.yaml.")
  var name: String

  func validate() throws {
    if let author, Identity.parse(author) == nil {
      throw ValidationError("--author takes \"Name <email>\"")
    }
  }

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let request = Sync.PullRequest(
      source: name, branch: branch, review: review, author: author, language: language,
      environment: ProcessInfoEnvironment.current)
    let progress = FetchProgressLine(enabled: isatty(2) == 1, label: name)
    let outcome = try progress.finishing { try Sync.pull(in: workspace, request, progress: progress.update) }
    switch outcome {
    case .upToDate(let source, let tip, let reference):
      Console.note(SyncWriter.upToDate(source: source, tip: tip.hex, reference: reference), language: language)
    case .refused(let refusal):
      Console.output(SyncWriter.details(refusal, language: language))
      Console.error(SyncWriter.reason(refusal, source: name, branch: branch), language: language)
      throw ExitCode(1)
    case .merged(let merged):
      Console.output(FindingWriter.text(merged.prepared.warnings, language: language, color: Console.wantsColor(1)))
      Console.output(SyncWriter.merged(merged, language: language))
      if case .leftBehind(let reason) = merged.workingTree {
        Console.error(SyncWriter.leftBehind(branch: branch, reason: reason), language: language)
      }
    }
  }
}
