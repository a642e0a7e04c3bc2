/// `provider.dissolved`: a resource in force (not retired) whose department is `dissolved` in
/// `dictionaries/departments.yaml`: a resource un-retired under a department that no longer
/// exists, or a department dissolved while resources of it are still in force. Nobody answers
/// for such a resource any more.
public enum ProviderDissolved: ResourceRule {
  public static let id = "provider.dissolved"
  public static let severity = Severity.warning
  public static let meaning = LocalizedText(
    zh: "资源仍在使用，但其提供部门已在 departments.yaml 中撤销（dissolved）",
    en: "the resource is in force, but its department is dissolved in departments.yaml")
  public static let hint = LocalizedText(
    zh: "注销该资源（retired，可写 replaced_by 指向承接部门的资源），或将其移交承接部门；撤销注销前先确认部门仍在",
    en: "retire the resource (retired, with replaced_by naming the successor's resource) or hand it to the department that took over; check the department exists before un-retiring")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard !resource.isRetired, let department = catalog.departments[resource.provider.code], department.status == "dissolved"
    else { return [] }
    let name = department.name.isEmpty ? department.code : "\(department.name) (\(department.code))"
    return [finding(file.path, at: file.mark("provider", "code"), code: file.code, detail: name)]
  }

  static let dissolveNDRC = RuleExample.Edit(
    path: "dictionaries/departments.yaml", old: "status: active", new: "status: dissolved")

  public static let triggering = [
    RuleExample(
      "国家发展和改革委员会 dissolved while its resource is in force",
      edits: [
        dissolveNDRC,
        RuleExample.Edit(
          path: Baseline.departmentResourcePath, old: "  code: 11100000000000001M", new: "  code: ↓11100000000000001M"),
      ])
  ]
  public static let nonTriggering = [
    RuleExample("the baseline"),
    RuleExample(
      "国家发展和改革委员会 dissolved, its resource retired",
      edits: [
        dissolveNDRC,
        RuleExample.Edit(
          path: Baseline.departmentResourcePath, old: "related: [101001001/000001]\n",
          new: "related: [101001001/000001]\nretired:\n  date: 2026-06-30\n  reason: 机构改革\n"),
      ]),
  ]
}
