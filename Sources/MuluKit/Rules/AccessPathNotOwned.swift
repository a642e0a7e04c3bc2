import MuluCatalog

/// `access.path-not-owned`: the push changes a path its department does not own.
public enum AccessPathNotOwned: HistoryRule {
  public static let id = "access.path-not-owned"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "推送修改了本部门无权修改的路径", en: "the push changes a path its department does not own")
  public static let hint = LocalizedText(
    zh: "只修改 catalogs/<本部门代码>/ 下的文件；其他部门的资源请交给该部门修改，其他路径请交给维护者",
    en: "change only files under catalogs/<your department code>/; leave other departments' resources to them and other paths to a maintainer")

  /// The finding for a changed path outside the pusher's department folders (maintainers may
  /// change every path; the maintainers' own files are `access.maintainers-only`).
  static func check(_ path: String, pusher: String, policy: AccessPolicy) -> Finding? {
    guard !policy.isMaintainer(pusher) else { return nil }
    let departments = policy.departments(of: pusher)
    switch PathScope(path) {
    case .maintainers: return nil
    case .department(let folder) where departments.contains(folder): return nil
    default: break
    }
    let folders = departments.map { "catalogs/\($0)/" }
    if folders.isEmpty {
      return finding(
        path, message: meaning.with(zh: "“\(pusher)”没有登记部门", en: "\"\(pusher)\" has no department in access.yaml"))
    }
    return finding(
      path,
      message: meaning.with(
        zh: "“\(pusher)”只能修改 \(folders.joined(separator: "、"))", en: "\"\(pusher)\" may change only \(folders.joined(separator: ", "))"))
  }

  public static let triggeringPushes = [
    PushExample("公安部's editor changes a resource of 国家发展和改革委员会", by: .mpsEditor, change: PushExample.ndrcMonthlyToWeekly),
    PushExample("an editor adds a README at the top", by: .ndrcEditor, change: RuleExample("a README", files: ["README.md": "# 示例目录\n"])),
    PushExample("an editor's new branch changes another department's resource", by: .ndrcEditor, to: .newBranch("ndrc-editor/draft"),
                change: PushExample.mpsRealTimeToDaily),
  ]
  public static let nonTriggeringPushes = [
    PushExample("公安部's editor changes its own base resource", by: .mpsEditor, change: PushExample.mpsRealTimeToDaily),
    PushExample("a maintainer changes any department's resource", by: .maintainer, change: PushExample.mpsRealTimeToDaily),
    PushExample("an editor adds a resource in its own folder", by: .ndrcEditor, to: .newBranch("ndrc-editor/new"),
                change: RuleExample("a second resource", files: [
                  "catalogs/11100000000000001M/303001001-000002.yaml": Baseline.files[Baseline.departmentResourcePath]!
                    .replacingFirst("303001001/000001", with: "303001001/000002")
                    .replacingFirst("企业投资项目核准信息", with: "企业投资项目备案信息"),
                ])),
  ]
}
