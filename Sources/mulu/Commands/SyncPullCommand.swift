import ArgumentParser
import MuluCatalog
import MuluKit

#if canImport(Glibc)
  import Glibc
#endif

struct SyncPullCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "pull",
    abstract: LocalizedText(zh: "获取某个来源的分叉并合并进本目录库的分支。", en: "Fetch a source's fork and merge it into a branch of this registry.").help,
    discussion: LocalizedText(
      zh: "在国家仓库中运行（裸仓库，或工作区干净的克隆，其工作区随合并更新）。分叉按分支上 sources.yaml 给出的 URL 获取到 refs/mulu/sources/NAME（相对路径从仓库的工作区算起，裸仓库则从仓库本身算起）。分叉改了其所属文件夹以外的路径、改了分支也改过的文件、或使目录库出现错误时，什么都不写（退出码 1）。否则写一个合并提交（父提交：分支的最新提交、分叉的最新提交），且仅当期间无人移动分支时才移动分支。",
      en: """
      Run in the national repository (bare, or a clone with a clean working tree, which then \
      follows the merge). The fork is fetched into refs/mulu/sources/NAME from the URL that \
      sources.yaml on the branch gives (a relative path is taken from the repository's working \
      tree, or from the repository itself when bare). Nothing is written when the fork changed paths outside the \
      folders it owns, changed a file the branch also changed, or leaves the registry with errors \
      (exit 1). Otherwise one merge commit (parents: the branch's tip, the fork's tip) is written, \
      and the branch moves only if nobody moved it meanwhile.
      """
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "要合并进的本目录库分支。", en: "The branch of this registry to merge into.")))
  var branch: String = "main"

  @Flag(help: ArgumentHelp(LocalizedText(zh: "把合并写到 sync/NAME 供维护者审阅，不动分支。", en: "Write the merge to sync/NAME for a maintainer to review; leave the branch alone.")))
  var review = false

  @Option(help: ArgumentHelp(LocalizedText(zh: "合并提交的作者（默认：git config 的 user.name 和 user.email）。", en: "The merge's author (default: git config user.name and user.email)."), valueName: "Name <email>"))
  var author: String?

  @Argument(help: ArgumentHelp(LocalizedText(zh: "来源在 sources.yaml 中的名称。", en: "The source's name in sources.yaml.")))
  var name: String

  func validate() throws {
    if let author, Identity.parse(author) == nil {
      throw ValidationError(LocalizedText(zh: "--author 的格式是 \"姓名 <email>\"", en: "--author takes \"Name <email>\"")[global.language])
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
      Console.note(SyncWriter.upToDate(source: source, tip: tip.abbreviated(), reference: reference), language: language)
    case .refused(let refusal):
      Console.output(SyncWriter.details(refusal, language: language, color: Console.wantsColor(1)))
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
