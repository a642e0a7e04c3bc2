import MuluCatalog
import MuluGit
import MuluKit
import MuluYAML

/// A failure that stops a publish (exit code 2).
public enum PublishFailure: UserFacingError, Sendable, Equatable {
  case workspace(Workspace.Failure)
  case output(String, String)
  case tool(String)
  /// A member of the earlier publish's `resources.jsonl.gz` does not hold the lines its state
  /// says, although the file is the one its manifest lists. The state is gone by then: the
  /// next publish publishes everything.
  case earlierLinesLost

  public var message: LocalizedText {
    switch self {
    case .workspace(let failure): return failure.message
    case .output(let path, let reason):
      return LocalizedText(zh: "无法写入 \(path)：\(reason)", en: "cannot write \(path): \(reason)")
    case .tool(let detail):
      return LocalizedText(zh: "发布失败：\(detail)", en: "the publish failed: \(detail)")
    case .earlierLinesLost:
      return LocalizedText(
        zh: "上次发布的 api/v1/resources.jsonl.gz 与其状态不符；请再次发布，届时将完整发布",
        en: "the earlier publish's api/v1/resources.jsonl.gz does not hold the lines its state says; publish again, and everything is published")
    }
  }
}
