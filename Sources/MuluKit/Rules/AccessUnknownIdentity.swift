import MuluCatalog

/// `access.unknown-identity`: the pusher is not in access.yaml.
public enum AccessUnknownIdentity: HistoryRule {
  public static let id = "access.unknown-identity"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "推送者不在 access.yaml 中", en: "the pusher is not in access.yaml")
  public static let hint = LocalizedText(
    zh: "请维护者在受保护分支的 access.yaml 中登记该身份（maintainers 或 identities），或检查 Git 服务器传给钩子的推送者变量",
    en: "ask a maintainer to list the identity in access.yaml on the protected branch (maintainers or identities), or check the pusher variable the Git server passes to the hook")

  /// The finding for a pusher `policy` does not know, or for a push with no pusher identity.
  static func check(pusher: String?, policy: AccessPolicy, source: String) -> Finding? {
    guard let pusher else {
      return finding(
        "access.yaml",
        message: meaning.with(
          zh: "没有推送者身份（\(Pusher.variables.joined(separator: "、")) 均未设置）",
          en: "no pusher identity (none of \(Pusher.variables.joined(separator: ", ")) is set)"))
    }
    guard !policy.knows(pusher) else { return nil }
    return finding(
      "access.yaml",
      message: meaning.with(zh: "“\(pusher)”不在 \(source) 的 access.yaml 中", en: "\"\(pusher)\" is not in access.yaml of \(source)"))
  }

  public static let triggeringPushes = [
    PushExample("a pusher access.yaml does not name", by: .stranger, change: PushExample.ndrcMonthlyToWeekly),
    PushExample("no pusher identity from the server", by: .nobody, change: PushExample.ndrcMonthlyToWeekly),
  ]
  public static let nonTriggeringPushes = [
    PushExample("a department's editor", by: .ndrcEditor, change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a maintainer", by: .maintainer, change: PushExample.ndrcMonthlyToWeekly),
  ]
}
