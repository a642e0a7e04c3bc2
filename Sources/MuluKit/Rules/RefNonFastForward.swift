import MuluCatalog

/// `ref.non-fast-forward`: force-push to a protected branch.
public enum RefNonFastForward: HistoryRule {
  public static let id = "ref.non-fast-forward"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "受保护分支不允许强制推送（非快进更新）", en: "force-push (a non-fast-forward update) to a protected branch")
  public static let hint = LocalizedText(
    zh: "先拉取并在其上合并或变基（git pull --rebase），再推送；不要改写已推送的历史",
    en: "fetch, then merge or rebase onto the branch (git pull --rebase) and push again; never rewrite pushed history")

  static func finding(_ ref: String, old: String, new: String) -> Finding {
    finding(ref, message: meaning.with(zh: "\(new) 不包含 \(old)", en: "\(new) does not contain \(old)"))
  }

  public static let triggeringPushes = [
    PushExample("the last commit of main amended and force-pushed", by: .maintainer, to: .mainRewritten,
                change: PushExample.ndrcMonthlyToWeekly)
  ]
  public static let nonTriggeringPushes = [
    PushExample("a commit on top of main", by: .ndrcEditor, change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a new branch", by: .ndrcEditor, to: .newBranch("ndrc-editor/weekly"), change: PushExample.ndrcMonthlyToWeekly),
  ]
}
