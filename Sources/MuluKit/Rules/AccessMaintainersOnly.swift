import MuluCatalog

/// `access.maintainers-only`: the push changes dictionaries/, access.yaml, registry.yaml,
/// sources.yaml or allowed_signers.
public enum AccessMaintainersOnly: HistoryRule {
  public static let id = "access.maintainers-only"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "只有维护者可以修改 dictionaries/、access.yaml、registry.yaml、sources.yaml 和 allowed_signers",
    en: "only maintainers may change dictionaries/, access.yaml, registry.yaml, sources.yaml or allowed_signers")
  public static let hint = LocalizedText(
    zh: "请维护者修改这些文件（例如通过合并请求）", en: "ask a maintainer to make this change (e.g. through a merge request)")

  /// The finding for a maintainers' file changed by someone else.
  static func check(_ path: String, pusher: String, policy: AccessPolicy) -> Finding? {
    guard PathScope(path) == .maintainers, !policy.isMaintainer(pusher) else { return nil }
    return finding(path, message: meaning.with(zh: "“\(pusher)”不是维护者", en: "\"\(pusher)\" is not a maintainer"))
  }

  static let newDepartment = RuleExample.edit(
    "a new department", "dictionaries/departments.yaml", replacing: "departments:\n",
    with: "departments:\n  - code: 111000000000020014\n    name: 国家数据局\n    prefix: \"303003\"\n    parent: null\n    status: active\n")

  public static let triggeringPushes = [
    PushExample("an editor adds a department to the dictionary", by: .ndrcEditor, change: newDepartment),
    PushExample("an editor makes itself a maintainer", by: .mpsEditor,
                change: .edit("mps-editor as maintainer", "access.yaml", replacing: "maintainers: [ndrc-admin]",
                              with: "maintainers: [ndrc-admin, mps-editor]")),
  ]
  public static let nonTriggeringPushes = [
    PushExample("a maintainer adds a department to the dictionary", by: .maintainer, change: newDepartment)
  ]
}
