/// `items.duplicate-name`: two items with one name.
public enum ItemsDuplicateName: ResourceRule {
  public static let id = "items.duplicate-name"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "两个信息项同名", en: "two data items share a name")
  public static let hint = LocalizedText(
    zh: "信息项按名称识别，请改名或合并", en: "items are known by name: rename or merge them")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    var seen = NameTable<Void>(minimumCapacity: resource.items.count)
    var findings: [Finding] = []
    for (index, item) in resource.items.enumerated() where !item.name.isEmpty {
      if !seen.insert(item.name, ()) {
        findings.append(finding(file.path, at: file.itemMark(index), code: file.code, detail: item.name))
      }
    }
    return findings
  }

  public static let triggering = [
    RuleExample.resource("项目名称 twice", replacing: "{ name: 核准日期, type: D }", with: "↓{ name: 项目名称, type: D }")
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
