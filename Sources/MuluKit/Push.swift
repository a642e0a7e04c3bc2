import MuluCatalog
import MuluGit

/// One line of a pre-receive hook's input: `<old-id> <new-id> <ref-name>`.
public struct RefUpdate: Sendable, Hashable {
  /// All zeros when the push creates the ref.
  public var old: ObjectID
  /// All zeros when the push deletes the ref.
  public var new: ObjectID
  /// The full name, e.g. `refs/heads/main`, `refs/tags/v2026.03.1`.
  public var name: String

  public init(old: ObjectID, new: ObjectID, name: String) {
    self.old = old
    self.new = new
    self.name = name
  }

  public var isCreation: Bool { old.isZero }
  public var isDeletion: Bool { new.isZero }

  /// The branch name of `refs/heads/<name>`, else nil.
  public var branch: String? { name.hasPrefix("refs/heads/") ? String(name.dropFirst(11)) : nil }
  /// The tag name of `refs/tags/<name>`, else nil.
  public var tag: String? { name.hasPrefix("refs/tags/") ? String(name.dropFirst(10)) : nil }

  /// Git's input to a pre-receive hook: one update per line. Anything else is a failure.
  public static func parse(_ text: String) throws(HookFailure) -> [RefUpdate] {
    var updates: [RefUpdate] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let fields = line.split(separator: " ", omittingEmptySubsequences: false)
      guard fields.count == 3, let old = ObjectID(hex: String(fields[0])), let new = ObjectID(hex: String(fields[1])),
        fields[2].hasPrefix("refs/"), !(old.isZero && new.isZero)
      else { throw .badInput(String(line)) }
      updates.append(RefUpdate(old: old, new: new, name: String(fields[2])))
    }
    return updates
  }
}

/// Who pushes, as the Git server tells its hooks.
public enum Pusher {
  /// The variables that name the pusher, in the order they are consulted: mulu's own, GitLab,
  /// Gitea/Forgejo, gitolite, and git-http-backend (the web server's authenticated user).
  public static let variables = ["MULU_PUSHER", "GL_USERNAME", "GITEA_PUSHER_NAME", "GL_USER", "REMOTE_USER"]

  /// The first of `variables` that is set to something other than white space.
  public static func identity(in environment: [String: String]) -> (id: String, variable: String)? {
    for variable in variables {
      guard let value = environment[variable] else { continue }
      let trimmed = value.trimmingWhitespace()
      if !trimmed.isEmpty { return (trimmed, variable) }
    }
    return nil
  }
}

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

extension ObjectID {
  /// The first ten hex digits, as the hooks name objects to a pusher.
  var short: String { abbreviated(10) }
}
