import MuluCatalog

/// `ref.delete-protected`: deletion of a protected branch or a release tag.
public enum RefDeleteProtected: HistoryRule {
  public static let id = "ref.delete-protected"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "不允许删除受保护分支或发布标签", en: "deletion of a protected branch or a release tag")
  public static let hint = LocalizedText(
    zh: "受保护分支和发布标签是目录的正式记录，不能删除；如需更正，请发布新的版本",
    en: "protected branches and release tags are the registry's record and stay; cut a new release to correct one")

  public static let triggeringPushes = [
    PushExample("main deleted", by: .maintainer, to: .mainDeleted),
    PushExample("a release tag deleted", by: .maintainer, to: .releaseTagDeleted),
  ]
  public static let nonTriggeringPushes = [
    PushExample("a commit on top of main", by: .maintainer, change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a maintainer's tag outside release_tags", by: .maintainer, to: .otherTag("draft-1"), change: PushExample.ndrcMonthlyToWeekly),
  ]
}
