import MuluCatalog

/// `push.too-many-files`: the push changes more files than `limits.max_changed_files_per_push`.
public enum PushTooManyFiles: HistoryRule {
  public static let id = "push.too-many-files"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "一次推送修改的文件数超过 registry.yaml 的 limits.max_changed_files_per_push",
    en: "the push changes more files than limits.max_changed_files_per_push of registry.yaml allows")
  public static let hint = LocalizedText(
    zh: "分几次推送，或请维护者提高 registry.yaml 中的上限", en: "split the change over several pushes, or ask a maintainer to raise the limit in registry.yaml")

  static func finding(limit: Int) -> Finding {
    finding(
      "registry.yaml",
      message: meaning.with(zh: "超过 \(limit) 个文件，未逐个检查", en: "more than \(limit) files; none was judged"))
  }

  static let limitOne = RuleExample.Edit(
    path: "registry.yaml", old: "level: national\n", new: "level: national\nlimits:\n  max_changed_files_per_push: 1\n")

  public static let triggeringPushes = [
    PushExample("two files changed where one is allowed", by: .maintainer, setup: [limitOne],
                change: RuleExample("two resources", edits: PushExample.ndrcMonthlyToWeekly.edits + PushExample.mpsRealTimeToDaily.edits))
  ]
  public static let nonTriggeringPushes = [
    PushExample("one file changed where one is allowed", by: .maintainer, setup: [limitOne], change: PushExample.ndrcMonthlyToWeekly)
  ]
}
