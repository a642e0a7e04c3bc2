/// `provider.checksum`: a department code fails the GB 32100 check character.
public enum ProviderChecksum: ResourceRule {
  public static let id = "provider.checksum"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "统一社会信用代码校验位错误（GB 32100）", en: "the unified social credit code fails its GB 32100 check character")
  public static let hint = LocalizedText(
    zh: "核对 18 位代码，尤其是最后一位校验码", en: "check the 18 characters, the last one above all")

  static func detail(_ code: String) -> LocalizedText {
    guard CreditCode.hasForm(code), let expected = CreditCode.checkCharacter(for: String(code.prefix(17))) else {
      return meaning.with(zh: "\(code) 不是 18 位代码", en: "\(code) is not 18 characters of the code's alphabet")
    }
    return meaning.with(zh: "\(code)，校验位应为 \(expected)", en: "\(code), the check character should be \(expected)")
  }

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    var findings: [Finding] = []
    let code = resource.provider.code
    if !code.isEmpty && !CreditCode.isValid(code) {
      findings.append(finding(file.path, at: file.mark("provider", "code"), code: file.code, message: detail(code)))
    }
    if code != file.folder && !CreditCode.isValid(file.folder) {
      findings.append(finding(file.path, code: file.code, message: detail(file.folder)))
    }
    return findings
  }

  public static let triggering = [
    RuleExample(
      "a wrong check character",
      files: [
        Baseline.departmentResourcePath: nil,
        "catalogs/11100000000000001X/303001001-000001.yaml": Baseline.files[Baseline.departmentResourcePath]!
          .replacingFirst("code: 11100000000000001M", with: "code: ↓11100000000000001X"),
      ]),
    RuleExample.edit(
      "a wrong check character in the dictionary", "dictionaries/departments.yaml",
      replacing: "- code: 11100000000001234L", with: "- code: ↓11100000000001234K"),
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
