import MuluCatalog

/// `push.too-many-refs`: the push creates, moves or deletes more refs than
/// `limits.max_refs_per_push`.
public enum PushTooManyRefs: HistoryRule {
  public static let id = "push.too-many-refs"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "一次推送更新的引用数超过 registry.yaml 的 limits.max_refs_per_push",
    en: "the push updates more refs than limits.max_refs_per_push of registry.yaml allows")
  public static let hint = LocalizedText(
    zh: "分几次推送这些分支和标签，或请维护者提高 registry.yaml 中的上限",
    en: "push the branches and tags in several pushes, or ask a maintainer to raise the limit in registry.yaml")

  static func finding(count: Int, limit: Int) -> Finding {
    finding(
      "registry.yaml",
      message: meaning.with(
        zh: "\(count) 个引用，上限 \(limit)；未逐个检查", en: "\(count) refs where \(limit) are allowed; none was judged"))
  }

  static let limitTwo = RuleExample.Edit(
    path: "registry.yaml", old: "level: national\n", new: "level: national\nlimits:\n  max_refs_per_push: 2\n")

  public static let triggeringPushes = [
    PushExample("three branches where two are allowed", by: .maintainer, to: .branches(["a", "b", "c"]), setup: [limitTwo],
                change: PushExample.ndrcMonthlyToWeekly)
  ]
  public static let nonTriggeringPushes = [
    PushExample("two branches where two are allowed", by: .maintainer, to: .branches(["a", "b"]), setup: [limitTwo],
                change: PushExample.ndrcMonthlyToWeekly)
  ]
}
