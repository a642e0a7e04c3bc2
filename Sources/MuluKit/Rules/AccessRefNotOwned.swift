import MuluCatalog

/// `access.ref-not-owned`: a department's pusher creates, moves or deletes a branch outside
/// `refs/heads/<its identity id>/` (other than a protected branch). As gitolite's personal
/// branches: each identity has a namespace of its own, and nobody else's branches move.
public enum AccessRefNotOwned: HistoryRule {
  public static let id = "access.ref-not-owned"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "部门只能创建、更新或删除 refs/heads/<本身份 id>/ 下的分支（以及受保护分支）",
    en: "a department may create, update or delete only branches under refs/heads/<its identity id>/ (and the protected branches)")
  public static let hint = LocalizedText(
    zh: "把分支推送到以你的身份 id 开头的名称下，例如 git push origin HEAD:refs/heads/<身份 id>/草稿；其他分支请交给维护者",
    en: "push the branch under your identity id, e.g. git push origin HEAD:refs/heads/<identity id>/draft; leave other branches to a maintainer")

  /// The finding for a branch `pusher` may not touch; nil for maintainers and for its own.
  static func check(_ update: RefUpdate, branch: String, pusher: String, policy: AccessPolicy) -> Finding? {
    guard !policy.isMaintainer(pusher), !branch.hasPrefix(pusher + "/") else { return nil }
    let verb: (zh: String, en: String) =
      update.isDeletion ? ("删除", "delete") : update.isCreation ? ("创建", "create") : ("更新", "update")
    return finding(
      update.name,
      message: meaning.with(
        zh: "“\(pusher)”不能\(verb.zh)分支 \(branch)，只能用 \(pusher)/ 开头的分支",
        en: "\"\(pusher)\" may not \(verb.en) the branch \(branch), only branches under \(pusher)/"))
  }

  public static let triggeringPushes = [
    PushExample("an editor creates a branch outside its namespace", by: .ndrcEditor, to: .newBranch("draft"),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("an editor creates a branch in another identity's namespace", by: .ndrcEditor,
                to: .newBranch("mps-editor/draft"), change: PushExample.ndrcMonthlyToWeekly),
  ]
  public static let nonTriggeringPushes = [
    PushExample("an editor creates a branch under its identity id", by: .ndrcEditor, to: .newBranch("ndrc-editor/weekly"),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a maintainer creates any branch", by: .maintainer, to: .newBranch("draft"),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("an editor pushes to the protected branch", by: .ndrcEditor, change: PushExample.ndrcMonthlyToWeekly),
  ]
}
