/// `code.prefix-not-owned`: provider may not publish under this 分类码.
public enum CodePrefixNotOwned: ResourceRule {
  public static let id = "code.prefix-not-owned"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "提供方无权在此分类码下发布资源", en: "the provider may not publish under this 分类码")
  public static let hint = LocalizedText(
    zh: "部门只能在本部门前缀下、或其牵头的基础/主题项下发布", en: "a department publishes under its own prefix, or under a base/theme 项 it leads")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard let code = ResourceCode(resource.code) ?? file.fileCode,
      let department = catalog.departments[resource.provider.code],
      catalog.classification.item(for: code.classification) != nil,
      !catalog.classification.mayPublish(department, under: code.classification)
    else { return [] }
    return [
      finding(
        file.path, at: file.mark("code"), code: file.code,
        message: meaning.with(
          zh: "\(department.name) 不能使用分类码 \(code.classification)",
          en: "\(department.name) may not use 分类码 \(code.classification)"))
    ]
  }

  public static let triggering = [
    RuleExample(
      "发展改革委 publishing in the population base catalog",
      files: [
        Baseline.departmentResourcePath: nil,
        "catalogs/11100000000000001M/101001001-000002.yaml": Baseline.files[Baseline.departmentResourcePath]!
          .replacingFirst("code: 303001001/000001", with: "code: ↓101001001/000002")
          .replacingFirst("type: 有条件共享\n  condition: 仅向投资审批、统计部门提供", with: "type: 无条件共享"),
      ])
  ]
  public static let nonTriggering = [
    RuleExample(
      "发展改革委 publishing in the legal-entity base catalog it leads",
      files: [
        "catalogs/11100000000000001M/102001001-000001.yaml": Baseline.files[Baseline.departmentResourcePath]!
          .replacingFirst("code: 303001001/000001", with: "code: 102001001/000001")
          .replacingFirst("name: 企业投资项目核准信息", with: "name: 法人单位投资项目信息")
          .replacingFirst("type: 有条件共享\n  condition: 仅向投资审批、统计部门提供", with: "type: 无条件共享")
      ])
  ]
}
