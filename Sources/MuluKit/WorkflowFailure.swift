import MuluCatalog

/// A workflow's failure that can say "the registry could not be read" and "Git failed".
protocol WorkflowFailure: Error {
  static func workspace(_ failure: Workspace.Failure) -> Self
  static func git(_ message: String) -> Self
}

extension WorkflowFailure {
  /// Runs a step, turning the catalog layer's and libgit2's errors into failures of this kind.
  static func step<Result>(_ body: () throws -> Result) throws(Self) -> Result {
    do {
      return try body()
    } catch let failure as Self {
      throw failure
    } catch let error as CatalogError {
      switch error {
      case .notARegistry(let label): throw .workspace(.notARegistry(label))
      case .unreadable(let path, let reason): throw .workspace(.unreadable(path, reason))
      }
    } catch {
      throw .git(error.message)
    }
  }
}

extension Sync.Failure: WorkflowFailure {}
extension Release.Failure: WorkflowFailure {}
