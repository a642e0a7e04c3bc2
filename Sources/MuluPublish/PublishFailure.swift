import MuluCatalog
import MuluGit
import MuluKit
import MuluYAML

/// A failure that stops a publish (exit code 2).
public enum PublishFailure: UserFacingError, Sendable, Equatable {
  case workspace(Workspace.Failure)
  case output(String, String)
  case tool(String)

  public var message: LocalizedText {
    switch self {
    case .workspace(let failure): return failure.message
    case .output(let path, let reason):
      return LocalizedText(zh: "无法写入 \(path)：\(reason)", en: "cannot write \(path): \(reason)")
    case .tool(let detail):
      return LocalizedText(zh: "发布失败：\(detail)", en: "the publish failed: \(detail)")
    }
  }
}
