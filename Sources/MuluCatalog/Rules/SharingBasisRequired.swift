/// `sharing.basis-required`: 不予共享 without `basis`.
public enum SharingBasisRequired: ResourceRule {
  public static let id = "sharing.basis-required"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "不予共享的资源必须写明法律、行政法规或政策依据", en: "a 不予共享 resource must state its basis in law, regulation or policy")
  public static let hint = LocalizedText(
    zh: "在 sharing.basis 中引用具体条款，如《中华人民共和国统计法》第二十五条",
    en: "cite the provision in sharing.basis, e.g. 《中华人民共和国统计法》第二十五条")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard resource.sharing.type == "不予共享", resource.sharing.basis == nil else { return [] }
    let mark = file.root?.mapping("sharing")?["basis"] != nil ? file.mark("sharing", "basis") : file.mark("sharing", "type")
    return [finding(file.path, at: mark, code: file.code)]
  }

  public static let triggering = [
    RuleExample.resource(
      "不予共享 with no basis",
      replacing: "type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n  method:\n    class: 共享平台方式\n    type: 接口\n",
      with: "type: 不予共享\n  basis: ↓\"\"\n")
  ]
  public static let nonTriggering = [
    RuleExample.resource(
      "不予共享 citing the law",
      replacing: "type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n  method:\n    class: 共享平台方式\n    type: 接口\n",
      with: "type: 不予共享\n  basis: 《中华人民共和国保守国家秘密法》第十三条\n")
  ]
}
