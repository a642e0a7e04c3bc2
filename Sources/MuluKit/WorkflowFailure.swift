import MuluCatalog

/// A workflow's failure that can carry the catalog layer's failures and say "Git failed".
protocol WorkflowFailure: UserFacingError {
  static func catalog(_ error: CatalogError) -> Self
  static func git(_ message: String) -> Self
}

extension WorkflowFailure {
  /// Runs a step: the catalog layer's failures are carried as they are, libgit2's become `git`.
  static func step<Result>(_ body: () throws -> Result) throws(Self) -> Result {
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
