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
  /// `dictionaryName` is the provider's name in `dictionaries/departments.yaml` on the new
  /// side: a retired file may take it as its `provider.name` and change nothing else, so that
  /// a department whose resources are all retired can still be renamed (机构改革).
  static func check(
    _ path: String, code: String?, old: Resource, new: Resource?, maintainer: Bool, dictionaryName: String? = nil
  ) -> Finding? {
    guard let new else {
      return finding(path, code: code, message: meaning.with(zh: "文件无法读取", en: "the file no longer reads"))
    }
    if new == old { return nil }
    var renamed = old
    renamed.provider.name = new.provider.name
    if new == renamed, let dictionaryName, new.provider.name == dictionaryName { return nil }
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
    if new == renamed {
      return finding(
        path, code: code,
        message: meaning.with(
          zh: "provider.name 只能改为 dictionaries/departments.yaml 中该部门的名称（\(dictionaryName ?? "无")）",
          en: "provider.name may only take the department's name in dictionaries/departments.yaml (\(dictionaryName ?? "none"))"))
    }
    return finding(path, code: code)
  }

  static let reasonChanged = RuleExample.resource("the retirement's reason rewritten", replacing: "reason: 职能划转", with: "reason: 机构改革")
  static let unretired = RuleExample.resource(
    "the retired block removed", replacing: "retired:\n  date: 2026-06-30\n  reason: 职能划转\n", with: "")

  public static let triggeringPushes = [
    PushExample("a retired resource's provider.name changed to a name departments.yaml does not give",
                by: .ndrcEditor, setup: [PushExample.retireNDRC], change: followRename),
    PushExample("a retired resource's reason changed", by: .ndrcEditor, setup: [PushExample.retireNDRC], change: reasonChanged),
    PushExample("an editor un-retires a resource", by: .ndrcEditor, setup: [PushExample.retireNDRC], change: unretired),
    PushExample("a maintainer un-retires a resource and changes it", by: .maintainer, setup: [PushExample.retireNDRC],
                change: RuleExample("un-retired and weekly", edits: unretired.edits + PushExample.ndrcMonthlyToWeekly.edits)),
  ]
  static let renameNDRC = RuleExample.Edit(
    path: "dictionaries/departments.yaml", old: "name: 国家发展和改革委员会", new: "name: 国家发展改革委")
  static let followRename = RuleExample.resource(
    "provider.name as departments.yaml now has it", replacing: "  name: 国家发展和改革委员会", with: "  name: 国家发展改革委")

  public static let nonTriggeringPushes = [
    PushExample("a maintainer renames the department of a retired resource, and the file follows the dictionary",
                by: .maintainer, setup: [PushExample.retireNDRC],
                change: RuleExample("renamed", edits: [renameNDRC] + followRename.edits)),
    PushExample("a department's retired file follows a rename already in departments.yaml", by: .ndrcEditor,
                setup: [PushExample.retireNDRC, renameNDRC], change: followRename),
    PushExample("a maintainer un-retires a resource", by: .maintainer, setup: [PushExample.retireNDRC], change: unretired),
    PushExample("a department retires its resource", by: .ndrcEditor, change: RuleExample("retired", edits: [PushExample.retireNDRC])),
  ]
}
