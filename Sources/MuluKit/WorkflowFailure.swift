import MuluCatalog
import MuluGit

/// A workflow's failure that can carry the catalog layer's failures and say "Git failed".
public protocol WorkflowFailure: UserFacingError {
  static func workspace(_ failure: Workspace.Failure) -> Self
  static func catalog(_ error: CatalogError) -> Self
  static func git(_ message: String) -> Self
}

extension WorkflowFailure {
  /// The workspace's repository; refused in a shallow clone when `wholeHistory`.
  public static func repository(of workspace: Workspace, wholeHistory: Bool = false) throws(Self) -> Repository {
    do {
      return try wholeHistory ? workspace.repositoryWithHistory() : workspace.repository()
    } catch {
      throw .workspace(error)
    }
  }

  /// Runs a step: the catalog layer's failures are carried as they are, libgit2's become `git`.
  public static func step<Result>(_ body: () throws -> Result) throws(Self) -> Result {
    do {
      return try body()
    } catch let failure as Self {
      throw failure
    } catch let error as CatalogError {
      throw .catalog(error)
    } catch {
      throw .git(error.message)
    }
  }
}

extension Sync.Failure: WorkflowFailure {}
extension Release.Failure: WorkflowFailure {}
