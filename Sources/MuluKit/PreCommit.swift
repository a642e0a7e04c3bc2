import MuluCatalog
import MuluGit

/// The pre-commit hook: the verdict on what is staged (the index, not the working tree),
/// by the same engine as the server, on the staged changes against HEAD, with the one
/// history rule a laptop can judge: no resource file is deleted (`retire.delete-forbidden`).
/// Access, refs and signatures are the server's to judge.
public enum PreCommit {
  /// The repository from git's environment (`GIT_DIR`, `GIT_INDEX_FILE`: `git commit` may
  /// stage into a temporary index) or searched from `currentDirectory`.
  public static func run(environment: [String: String], currentDirectory: String) throws(HookFailure) -> Report {
    let repository: Repository
    do {
      repository = try Repository.openFromEnvironment(environment, currentDirectory: currentDirectory)
    } catch {
      throw .repository(error.message)
    }
    return try judge(repository)
  }

  public static func judge(_ repository: Repository) throws(HookFailure) -> Report {
    do {
      // What is staged, as the tree `git commit` will write, against HEAD's: the index's tree
      // cache keeps the folders nobody staged into, so the cost follows what was staged.
      // A registry below the repository's root is its folder of both trees (`mulu.registry`).
      let prefix = RegistryFolder.configured(in: repository)
      func registry(_ tree: ObjectID?) throws -> ObjectID? {
        guard let tree, !prefix.isEmpty else { return tree }
        guard let entry = try repository.entry(at: String(prefix.dropLast()), inTree: tree), entry.mode == .tree else {
          return nil
        }
        return entry.id
      }
      let head = try registry(repository.referenceTarget("HEAD").map { try repository.tree(ofCommit: $0) })
      guard let stagedTree = try registry(repository.writeIndexTree()) else { return Report(findings: []) }
      let staged = try repository.diffTrees(head, stagedTree)
      let changed = staged.filter { $0.status != .deleted }.map(\.path)
      let deleted = staged.filter { $0.status == .deleted }.map(\.path)
      guard !staged.isEmpty else { return Report(findings: []) }

      let snapshot = GitSnapshot(repository: repository, tree: stagedTree, label: "index")
      let report = try ChangeValidator.validate(snapshot, changed: changed + deleted)
      var settings = RegistrySettings()
      if let entry = try snapshot.entry(at: "registry.yaml") { settings = RegistrySettings(yaml: try snapshot.read(entry)) }
      let history = deleted.compactMap(RetireDeleteForbidden.check(deleted:))
      return Report(findings: report.findings + Validator.apply(settings, to: history))
    } catch let error as CatalogError {
      throw .catalog(error)
    } catch {
      throw .git(error.message)
    }
  }
}
