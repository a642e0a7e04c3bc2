/// `provider.unknown`: provider code not in departments.yaml.
public enum ProviderUnknown: ResourceRule {
  public static let id = "provider.unknown"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "提供方代码不在 departments.yaml 中", en: "the provider code is not in departments.yaml")
  public static let hint = LocalizedText(
    zh: "请维护者先在 dictionaries/departments.yaml 登记该部门", en: "have a maintainer add the department to dictionaries/departments.yaml first")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    let code = resource.provider.code
    guard catalog.dictionariesRead, !code.isEmpty, CreditCode.isValid(code), catalog.departments[code] == nil else {
      return []
    }
    return [finding(file.path, at: file.mark("provider", "code"), code: file.code, detail: code)]
  }

  public static let triggering = [
    RuleExample(
      "a department not yet in the dictionary",
      files: [
        Baseline.departmentResourcePath: nil,
        "catalogs/11100000000005678Q/303001001-000001.yaml": Baseline.files[Baseline.departmentResourcePath]!
          .replacingFirst("code: 11100000000000001M", with: "code: ↓11100000000005678Q"),
      ])
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
