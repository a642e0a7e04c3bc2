import MuluCatalog

/// `commit.date-implausible`: a commit that a push brings onto a protected branch whose
/// committer date is more than a day ahead of the server's clock, or earlier than the branch's
/// tip before the push. The first-parent history of a protected branch is its audit trail
/// (`mulu log`); its dates must be ones the server could have seen.
public enum CommitDateImplausible: HistoryRule {
  public static let id = "commit.date-implausible"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "提交时间不可信：比服务器时钟晚一天以上，或早于受保护分支推送前的最新提交",
    en: "an implausible commit date: more than a day ahead of the server's clock, or before the protected branch's tip")
  public static let hint = LocalizedText(
    zh: "检查电脑的时钟和时区，以当前时间重新提交（git commit --amend --no-edit，或 git rebase）后再推送",
    en: "check the computer's clock and time zone, and commit again at the current time (git commit --amend --no-edit, or git rebase) before pushing")

  /// A day, in seconds: how far a commit may be ahead of the server's clock.
  static let tolerance: Int64 = 86_400

  public static let triggeringPushes = [
    PushExample("a commit dated two days ahead", by: .ndrcEditor, change: PushExample.ndrcMonthlyToWeekly, dating: .future),
    PushExample("a commit dated before main's tip", by: .ndrcEditor, change: PushExample.ndrcMonthlyToWeekly,
                dating: .beforeMain),
  ]
  public static let nonTriggeringPushes = [
    PushExample("a commit after main's tip", by: .ndrcEditor, change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a branch other than a protected one, dated ahead", by: .ndrcEditor, to: .newBranch("ndrc-editor/later"),
                change: PushExample.ndrcMonthlyToWeekly, dating: .future),
  ]
}
