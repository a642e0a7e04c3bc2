/// `sharing.condition-required`: 有条件共享 without `condition`.
public enum SharingConditionRequired: ResourceRule {
  public static let id = "sharing.condition-required"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "有条件共享的资源必须写明共享条件", en: "a 有条件共享 resource must state its sharing condition")
  public static let hint = LocalizedText(
    zh: "在 sharing.condition 中写明可向哪些部门、共享哪些内容", en: "say in sharing.condition to which departments and what part is shared")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard resource.sharing.type == "有条件共享", resource.sharing.condition == nil else { return [] }
    return [finding(file.path, at: file.mark("sharing", "type"), code: file.code)]
  }

  public static let triggering = [
    RuleExample(
      "no condition",
      edits: [
        .mark(before: "有条件共享"),
        .init(path: Baseline.departmentResourcePath, old: "  condition: 仅向投资审批、统计部门提供\n", new: ""),
      ]),
    RuleExample(
      "an empty condition",
      edits: [
        .mark(before: "有条件共享"),
        .init(path: Baseline.departmentResourcePath, old: "condition: 仅向投资审批、统计部门提供", new: "condition: \"\""),
      ]),
  ]
  public static let nonTriggering = [
    RuleExample.resource("无条件共享 needs none", replacing: "type: 有条件共享\n  condition: 仅向投资审批、统计部门提供", with: "type: 无条件共享")
  ]
}
