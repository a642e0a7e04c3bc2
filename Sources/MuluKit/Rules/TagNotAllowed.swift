import MuluCatalog

/// `tag.not-allowed`: a tag pushed by someone other than a maintainer, a tag of a tree or a
/// blob, or a release tag that is lightweight, does not point into main, or moves.
public enum TagNotAllowed: HistoryRule {
  public static let id = "tag.not-allowed"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "标签只能由维护者创建、移动或删除，必须指向提交；发布标签还必须是附注标签、指向主分支上的提交，且不能移动",
    en: "only maintainers create, move or delete tags, and a tag points to a commit; a release tag is also annotated, points into main and never moves")
  public static let hint = LocalizedText(
    zh: "请维护者在主分支的提交上用 mulu release cut（或 git tag -a）创建发布标签；部门的草稿请推送到 refs/heads/<身份 id>/ 下的分支；已发布的标签不能移动",
    en: "let a maintainer tag a commit of main with mulu release cut (or git tag -a); push a department's drafts to a branch under refs/heads/<identity id>/; a published tag never moves")

  static func finding(_ ref: String, zh: String, en: String) -> Finding {
    finding(ref, message: meaning.with(zh: zh, en: en))
  }

  public static let triggeringPushes = [
    PushExample("an editor pushes a release tag", by: .ndrcEditor, to: .releaseTag(annotated: true, onMain: true),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("an editor pushes a tag outside release_tags", by: .ndrcEditor, to: .otherTag("ndrc-draft"),
                change: PushExample.mpsRealTimeToDaily),
    PushExample("a lightweight release tag", by: .maintainer, to: .releaseTag(annotated: false, onMain: true),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a release tag on a commit outside main", by: .maintainer, to: .releaseTag(annotated: true, onMain: false),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a release tag moved", by: .maintainer, to: .releaseTagMoved, change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a tag of a tree", by: .maintainer, to: .tagOfTree("tree-1"), change: PushExample.ndrcMonthlyToWeekly),
  ]
  public static let nonTriggeringPushes = [
    PushExample("a maintainer's annotated tag on the new tip of main, pushed with it", by: .maintainer,
                to: .releaseTag(annotated: true, onMain: true), change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a maintainer's lightweight tag outside release_tags", by: .maintainer, to: .otherTag("draft-1"),
                change: PushExample.ndrcMonthlyToWeekly),
  ]
}
