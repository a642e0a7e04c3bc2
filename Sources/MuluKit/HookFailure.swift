import MuluCatalog
import MuluGit

/// A failure that stops a hook. The hook fails closed: the push (or commit) is refused, with
/// this message.
public enum HookFailure: UserFacingError, Sendable, Equatable {
  /// A line of the hook's input that is not `<old> <new> <ref>`.
  case badInput(String)
  /// The repository could not be opened.
  case repository(String)
  /// A pushed or current object cannot be read.
  case unreadableObject(ref: String, id: String)
  /// A ref that must point to a commit points elsewhere.
  case notACommit(ref: String, id: String)
  /// Where the rules of the push come from is missing or unreadable.
  case policy(LocalizedText)
  /// The staged files or a pushed tree are not a registry, or a file could not be read while judging.
  case catalog(CatalogError)
  /// Signatures cannot be checked (no ssh-keygen, no temporary folder).
  case verifier(String)
  /// Any other failure of Git.
  case git(String)

  public var message: LocalizedText {
    switch self {
    case .badInput(let line):
      return LocalizedText(zh: "钩子输入的一行不是“旧 新 引用”：\(line)", en: "a line of the hook's input is not \"old new ref\": \(line)")
    case .repository(let reason):
      return LocalizedText(zh: "无法打开仓库：\(reason)", en: "cannot open the repository: \(reason)")
    case .unreadableObject(let ref, let id):
      return LocalizedText(zh: "无法读取 \(ref) 的对象 \(id)", en: "cannot read object \(id) of \(ref)")
    case .notACommit(let ref, let id):
      return LocalizedText(zh: "\(ref) 指向的 \(id) 不是提交", en: "\(ref) points to \(id), which is not a commit")
    case .policy(let text):
      return text
    case .catalog(let error):
      return error.message
    case .verifier(let reason):
      return LocalizedText(zh: "无法验证提交签名：\(reason)", en: "cannot verify commit signatures: \(reason)")
    case .git(let reason):
      return LocalizedText(zh: "Git 出错：\(reason)", en: "Git failed: \(reason)")
    }
  }
}
