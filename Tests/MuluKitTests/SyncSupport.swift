import MuluCatalog
import MuluKit
import MuluTestSupport

extension RegistryLab {
  /// A pull request for mulu with the lab's identity and time.
  func request(_ source: String, review: Bool = false, language: Language = .en) -> Sync.PullRequest {
    Sync.PullRequest(source: source, review: review, language: language, environment: environment)
  }

  func workspace(_ folder: String = "national.git") throws -> Workspace {
    try Workspace(from: path(folder))
  }
}
