/// `code.class-unknown`: 类 or 项 not in classification.yaml.
public enum CodeClassUnknown: ResourceRule {
  public static let id = "code.class-unknown"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "分类码的类或项不在 classification.yaml 中", en: "the 类 or 项 of the code is not in classification.yaml")
  public static let hint = LocalizedText(
    zh: "使用 dictionaries/classification.yaml 中已有的类和项", en: "use a 类 and 项 listed in dictionaries/classification.yaml")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard let code = ResourceCode(resource.code) ?? file.fileCode else { return [] }
    guard catalog.dictionariesRead, catalog.classification.item(for: code.classification) == nil else { return [] }
    return [finding(file.path, at: file.mark("code"), code: file.code, detail: "\(code.catalogClass) \(code.item)")]
  }

  public static let triggering = [
    RuleExample(
      "项 99 of 类 3",
      files: [
        Baseline.departmentResourcePath: nil,
        "catalogs/11100000000000001M/399001001-000001.yaml": Baseline.files[Baseline.departmentResourcePath]!
          .replacingFirst("code: 303001001/000001", with: "code: ↓399001001/000001"),
      ])
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
