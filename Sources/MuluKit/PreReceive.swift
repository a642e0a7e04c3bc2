import MuluCatalog
import MuluGit

#if canImport(Glibc)
  import Glibc
#endif

/// The pre-receive hook (docs/hooks.md): judges a push before git updates any ref.
///
/// The rules of the push come from the protected branch as it is before the push: its
/// `access.yaml` (who may change what), `registry.yaml` (limits, severities) and
/// `allowed_signers`. Only the first push, which creates the protected branch, is judged by
/// the files it brings. Per ref: protected branches are neither deleted nor rewritten;
/// release tags come from maintainers, annotated, into main, and never move; for every
/// branch the net change must touch only the pusher's paths, delete no resource, leave
/// retired resources alone, and pass the catalog engine on the changed files. With
/// `require_signed_commits`, every new commit carries the pusher's SSH signature.
///
/// Its cost grows with the push: tree diffs skip equal subtrees, and only the changed files
/// and their neighbourhood are read (`ChangeValidator` over a lazy `GitSnapshot`).
/// It never writes to the repository: only to its tree cache (`treeStore(of:)`).
public enum PreReceive {
  /// Runs the hook as git runs it: the repository from git's environment (which holds the
  /// quarantined objects of the push), the updates from `input`, the pusher from `environment`.
  public static func run(input: String, environment: [String: String], currentDirectory: String) throws(HookFailure)
    -> PushVerdict
  {
    let updates = try RefUpdate.parse(input)
    let repository: Repository
    do {
      repository = try Repository.openFromEnvironment(environment, currentDirectory: currentDirectory)
    } catch {
      throw .repository(error.message)
    }
    let prefix = RegistryFolder.configured(in: repository)
    if !prefix.isEmpty { throw .policy(RegistryFolder.notAtRoot(prefix, for: RegistryFolder.serverHook)) }
    let store = treeStore(of: repository)
    repository.keepTrees(in: store)
    TestPause.at("pre-receive.judging")
    // The trees the push brings are written while it is judged.
    defer { store.finishWrites() }
    var verdict = try judge(
      repository, updates: updates, pusher: Pusher.identity(in: environment)?.id, environment: environment)
    verdict.notes = store.damaged.map { path in
      LocalizedText(
        zh: "目录树缓存文件 \(path) 已损坏：未使用，已删除", en: "the tree cache file \(path) was damaged: not used, removed")
    }
    return verdict
  }

  /// Where the hook keeps the large trees it reads (a provider folder of a national registry
  /// is megabytes), so that the next push maps them instead of inflating them again.
  /// A hook writes the trees a push brings while it judges the push (`writesAside`).
  public static func treeStore(of repository: Repository, writesAside: Bool = true) -> TreeStore {
    TreeStore(folder: repository.commonPath + "/mulu/cache/trees", writesAside: writesAside)
  }

  /// The verdict on `updates` by `pusher` (nil: the server named nobody). `environment` gives
  /// `PATH` and `TMPDIR` for checking signatures.
  public static func judge(
    _ repository: Repository, updates: [RefUpdate], pusher: String?, environment: [String: String] = [:]
  ) throws(HookFailure) -> PushVerdict {
    do {
      var judge = try PushJudge(repository: repository, updates: updates, pusher: pusher, environment: environment)
      return try judge.verdict()
    } catch let failure as HookFailure {
      throw failure
    } catch let error as CatalogError {
      throw .catalog(error)
    } catch {
      throw .git(error.message)
    }
  }
}
