/// `sharing.base-unconditional`: a 类 1 (base) resource not 无条件共享.
public enum SharingBaseUnconditional: ResourceRule {
  public static let id = "sharing.base-unconditional"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "基础信息资源必须无条件共享", en: "a base (类 1) resource must be 无条件共享")
  public static let hint = LocalizedText(
    zh: "基础信息资源的基本信息项须无条件共享；其他内容另编部门资源", en: "share base items unconditionally; catalog the rest as a department resource")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard let code = ResourceCode(resource.code) ?? file.fileCode, code.catalogClass == "1",
      Vocabulary.sharingTypes.contains(resource.sharing.type), resource.sharing.type != "无条件共享"
    else { return [] }
    return [finding(file.path, at: file.mark("sharing", "type"), code: file.code, detail: resource.sharing.type)]
  }

  public static let triggering = [
    RuleExample.edit(
      "the population base catalog shared on conditions", Baseline.baseResourcePath,
      replacing: "type: 无条件共享", with: "type: ↓有条件共享\n  condition: 仅限公安机关")
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
