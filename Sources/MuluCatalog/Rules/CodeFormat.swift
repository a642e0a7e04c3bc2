/// `code.format`: code is not 分类码/顺序码 as defined.
public enum CodeFormat: ResourceRule {
  public static let id = "code.format"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "信息资源代码不符合“分类码/顺序码”格式", en: "the resource code is not 分类码/顺序码")
  public static let hint = LocalizedText(
    zh: "分类码为类(1位)+项(2位)+目(3位)+细目，顺序码为 1 至 10 位数字，如 303001001/000001",
    en: "分类码 is 类 (1 digit) + 项 (2) + 目 (3) + 细目, 顺序码 1 to 10 digits, e.g. 303001001/000001")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    var findings: [Finding] = []
    if !resource.code.isEmpty && ResourceCode(resource.code) == nil {
      findings.append(finding(file.path, at: file.mark("code"), code: file.code, detail: resource.code))
    }
    if let replacement = resource.retired?.replacedBy, ResourceCode(replacement) == nil {
      findings.append(finding(file.path, at: file.mark("retired", "replaced_by"), code: file.code, detail: replacement))
    }
    if let list = file.root?.sequence("related") {
      for node in list {
        if case .scalar(let scalar) = node, !scalar.isNull, ResourceCode(scalar.value) == nil {
          findings.append(finding(file.path, at: scalar.mark, code: file.code, detail: scalar.value))
        }
      }
    }
    return findings
  }

  public static let triggering = [
    RuleExample.resource("a dash instead of a slash", replacing: "code: 303001001/000001", with: "code: ↓303001001-000001"),
    RuleExample.resource("an 11-digit 顺序码 in related", replacing: "related: [101001001/000001]", with: "related: [↓101001001/00000000001]"),
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
