import MuluCatalog

/// `tag.not-allowed`: release tag by a non-maintainer, lightweight, or not pointing into main.
public enum TagNotAllowed: HistoryRule {
  public static let id = "tag.not-allowed"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "发布标签只能由维护者推送，必须是附注标签，并指向主分支上的提交",
    en: "a release tag must come from a maintainer, be annotated and point into main")
  public static let hint = LocalizedText(
    zh: "请维护者在主分支的提交上用 mulu release cut（或 git tag -a）创建发布标签；已发布的标签不能移动",
    en: "let a maintainer create it on a commit of main with mulu release cut (or git tag -a); a published tag never moves")

  static func finding(_ ref: String, zh: String, en: String) -> Finding {
    finding(ref, message: meaning.with(zh: zh, en: en))
  }

  public static let triggeringPushes = [
    PushExample("an editor pushes a release tag", by: .ndrcEditor, to: .releaseTag(annotated: true, onMain: true),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a lightweight release tag", by: .maintainer, to: .releaseTag(annotated: false, onMain: true),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a release tag on a commit outside main", by: .maintainer, to: .releaseTag(annotated: true, onMain: false),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a release tag moved", by: .maintainer, to: .releaseTagMoved, change: PushExample.ndrcMonthlyToWeekly),
  ]
  public static let nonTriggeringPushes = [
    PushExample("a maintainer's annotated tag on the new tip of main, pushed with it", by: .maintainer,
                to: .releaseTag(annotated: true, onMain: true), change: PushExample.ndrcMonthlyToWeekly),
    PushExample("an editor's lightweight tag outside release_tags", by: .ndrcEditor, to: .otherTag("ndrc-draft"),
                change: PushExample.ndrcMonthlyToWeekly),
  ]
}
