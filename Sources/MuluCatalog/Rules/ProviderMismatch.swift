/// `provider.mismatch`: provider code ≠ folder, or name ≠ dictionary.
public enum ProviderMismatch: ResourceRule {
  public static let id = "provider.mismatch"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "提供方与所在文件夹或部门字典不一致", en: "the provider does not match its folder or the departments dictionary")
  public static let hint = LocalizedText(
    zh: "provider.code 与文件夹名相同，provider.name 与 departments.yaml 中的名称完全相同",
    en: "provider.code equals the folder name; provider.name equals the name in departments.yaml exactly")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    var findings: [Finding] = []
    let code = resource.provider.code
    if !code.isEmpty && code != file.folder {
      findings.append(
        finding(
          file.path, at: file.mark("provider", "code"), code: file.code,
          message: meaning.with(zh: "代码 \(code)，文件夹 \(file.folder)", en: "code \(code), folder \(file.folder)")))
    }
    if let department = catalog.departments[code], !resource.provider.name.isEmpty,
      resource.provider.name != department.name
    {
      findings.append(
        finding(
          file.path, at: file.mark("provider", "name"), code: file.code,
          message: meaning.with(
            zh: "“\(resource.provider.name)”，字典中为“\(department.name)”",
            en: "\"\(resource.provider.name)\", the dictionary says \"\(department.name)\"")))
    }
    return findings
  }

  public static let triggering = [
    RuleExample.resource("a short name", replacing: "name: 国家发展和改革委员会", with: "name: ↓国家发改委"),
    RuleExample.resource("another department's code", replacing: "code: 11100000000000001M", with: "code: ↓11100000000001234L"),
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
