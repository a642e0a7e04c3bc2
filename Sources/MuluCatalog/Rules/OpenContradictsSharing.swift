/// `open.contradicts-sharing`: 不予共享 but `to_public: true`.
public enum OpenContradictsSharing: ResourceRule {
  public static let id = "open.contradicts-sharing"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "不予共享的资源不能向社会开放", en: "a 不予共享 resource cannot be open to the public")
  public static let hint = LocalizedText(
    zh: "把 open.to_public 改为 false，或重新评估共享类型", en: "set open.to_public to false, or reconsider the sharing type")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard resource.sharing.type == "不予共享", resource.open.toPublic == true else { return [] }
    return [finding(file.path, at: file.mark("open", "to_public"), code: file.code)]
  }

  public static let triggering = [
    RuleExample.resource(
      "不予共享 yet open",
      replacing: "type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n  method:\n    class: 共享平台方式\n    type: 接口\nopen:\n  to_public: false",
      with: "type: 不予共享\n  basis: 《中华人民共和国保守国家秘密法》第十三条\nopen:\n  to_public: ↓true")
  ]
  public static let nonTriggering = [
    RuleExample.resource("有条件共享 and open", replacing: "to_public: false", with: "to_public: true")
  ]
}
