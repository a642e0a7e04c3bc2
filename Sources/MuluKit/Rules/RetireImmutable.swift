import MuluCatalog

/// `retire.immutable`: a retired resource was changed (maintainers may un-retire).
///
/// A resource retired on the old side of a push may change only in form (the same resource
/// when read), or be un-retired by a maintainer: its `retired` block removed and nothing else
/// changed in meaning. Edits after an un-retirement go in a later push.
public enum RetireImmutable: HistoryRule {
  public static let id = "retire.immutable"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "已注销的资源被修改（维护者可以撤销注销）", en: "a retired resource was changed (maintainers may un-retire)")
  public static let hint = LocalizedText(
    zh: "已注销的资源保持原样；新的资源请用新的代码发布；需要恢复时，请维护者只删除 retired 一段，其他修改另行推送",
    en: "leave retired resources as they are and publish new ones under new codes; to restore one, a maintainer removes only the retired block and pushes other edits later")

  /// Whether a change of a resource retired on the old side is allowed: nil when it is.
  /// `old` and `new` are the files' bytes; `new` nil when the file no longer reads.
  static func check(_ path: String, code: String?, old: Resource, new: Resource?, maintainer: Bool) -> Finding? {
    guard let new else {
      return finding(path, code: code, message: meaning.with(zh: "文件无法读取", en: "the file no longer reads"))
    }
    if new == old { return nil }
    var restored = old
    restored.retired = nil
    if new == restored {
      if maintainer { return nil }
      return finding(path, code: code, message: meaning.with(zh: "只有维护者可以撤销注销", en: "only maintainers may un-retire"))
    }
    if new.retired == nil {
      return finding(
        path, code: code,
        message: meaning.with(zh: "撤销注销时不能同时修改其他内容", en: "un-retiring must change nothing else"))
    }
    return finding(path, code: code)
  }

  static let reasonChanged = RuleExample.resource("the retirement's reason rewritten", replacing: "reason: 职能划转", with: "reason: 机构改革")
  static let unretired = RuleExample.resource(
    "the retired block removed", replacing: "retired:\n  date: 2026-06-30\n  reason: 职能划转\n", with: "")

  public static let triggeringPushes = [
    PushExample("a retired resource's reason changed", by: .ndrcEditor, setup: [PushExample.retireNDRC], change: reasonChanged),
    PushExample("an editor un-retires a resource", by: .ndrcEditor, setup: [PushExample.retireNDRC], change: unretired),
    PushExample("a maintainer un-retires a resource and changes it", by: .maintainer, setup: [PushExample.retireNDRC],
                change: RuleExample("un-retired and weekly", edits: unretired.edits + PushExample.ndrcMonthlyToWeekly.edits)),
  ]
  public static let nonTriggeringPushes = [
    PushExample("a maintainer un-retires a resource", by: .maintainer, setup: [PushExample.retireNDRC], change: unretired),
    PushExample("a department retires its resource", by: .ndrcEditor, change: RuleExample("retired", edits: [PushExample.retireNDRC])),
  ]
}
