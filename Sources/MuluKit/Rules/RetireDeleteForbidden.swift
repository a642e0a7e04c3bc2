import MuluCatalog

/// `retire.delete-forbidden`: a resource file was deleted instead of retired.
public enum RetireDeleteForbidden: HistoryRule {
  public static let id = "retire.delete-forbidden"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "资源文件被删除；资源只能注销，不能删除", en: "a resource file was deleted instead of retired")
  public static let hint = LocalizedText(
    zh: "恢复该文件，并在其中加入 retired（date、reason，可选 replaced_by）；信息资源代码永不删除、永不复用",
    en: "restore the file and add a retired block (date, reason, optionally replaced_by); a code is never deleted nor reused")

  /// The finding for a deleted path, when it is a resource file.
  static func check(deleted path: String) -> Finding? {
    guard case .resource(_, let code) = TreeLayout.role(of: path) else { return nil }
    return finding(path, code: code.description)
  }

  public static let triggeringPushes = [
    PushExample("a department deletes its resource", by: .ndrcEditor,
                change: RuleExample("the file removed", files: [Baseline.departmentResourcePath: nil])),
    PushExample("a maintainer deletes a resource", by: .maintainer,
                change: RuleExample("the file removed", files: [Baseline.departmentResourcePath: nil])),
  ]
  public static let nonTriggeringPushes = [
    PushExample("a department retires its resource", by: .ndrcEditor,
                change: RuleExample("retired", edits: [PushExample.retireNDRC]))
  ]
}
