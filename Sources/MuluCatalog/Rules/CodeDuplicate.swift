/// `code.duplicate`: two resources share a code.
public enum CodeDuplicate: RegistryRule {
  public static let id = "code.duplicate"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "两个资源使用同一个代码", en: "two resources share a code")
  public static let hint = LocalizedText(
    zh: "代码全国唯一；新资源用 mulu new 取得下一个顺序码", en: "codes are unique; get the next free 顺序码 with mulu new")

  public static func check(_ catalog: Catalog) -> [Finding] {
    var findings: [Finding] = []
    for code in catalog.codes.more.keys {
      let files = catalog.codes.positions(of: code).map { catalog.resources[$0] }.sorted { $0.path < $1.path }
      for file in files {
        let path = file.path
        let others = files.map(\.path).filter { $0 != path }.joined(separator: ", ")
        findings.append(finding(path, at: file.content?.codeMark, code: code.description, detail: others))
      }
    }
    return findings
  }

  public static let triggering = [
    RuleExample(
      "one code in two departments' folders",
      files: [
        "catalogs/11100000000001234L/303001001-000001.yaml": Baseline.files[Baseline.departmentResourcePath]!
          .replacingFirst("code: ", with: "code: ↓")
      ])
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
