/// `items.length`: missing or non-positive length where required.
public enum ItemsLength: ResourceRule {
  public static let id = "items.length"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "字符型和数值型信息项必须写明正的长度", en: "C and N items need a positive length")
  public static let hint = LocalizedText(
    zh: "length 写字节数，如 { name: 项目名称, type: C, length: 200 }", en: "give length in bytes, e.g. { name: 项目名称, type: C, length: 200 }")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    var findings: [Finding] = []
    for (index, item) in resource.items.enumerated() {
      if let length = item.length, let value = Int(length), value <= 0 {
        findings.append(finding(file.path, at: file.itemMark(index), code: file.code, detail: "\(item.name) length \(length)"))
      } else if Vocabulary.itemTypesNeedingLength.contains(item.type) && item.length == nil {
        findings.append(finding(file.path, at: file.itemMark(index), code: file.code, detail: item.name))
      }
    }
    return findings
  }

  public static let triggering = [
    RuleExample.resource("C without a length", replacing: "{ name: 项目名称, type: C, length: 200 }", with: "↓{ name: 项目名称, type: C }"),
    RuleExample(
      "a zero length",
      edits: [
        .mark(before: "{ name: 项目名称"),
        .init(path: Baseline.departmentResourcePath, old: "length: 200", new: "length: 0"),
      ]),
  ]
  public static let nonTriggering = [RuleExample("a date needs no length")]
}
