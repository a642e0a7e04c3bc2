import MuluCatalog
import MuluGit
import MuluParallel
#if canImport(Glibc)
  import Glibc
#endif

extension Repository {
  /// The commit a revision names, which must hold a registry (a `registry.yaml` at the top,
  /// or in the folder `prefix` names).
  func registryCommit(_ revision: String, prefix: String = "") throws(Workspace.Failure) -> ObjectID {
    let commit: ObjectID
    do {
      commit = try resolveCommit(revision)
    } catch {
      throw .revision(revision, error, in: self)
    }
    do {
      guard try entry(at: prefix + "registry.yaml", inTree: self.commit(commit).tree) != nil else {
        throw Workspace.Failure.notARegistry(revision)
      }
    } catch let failure as Workspace.Failure {
      throw failure
    } catch {
      throw .unreadable(revision, error.message)
    }
    return commit
  }
}
