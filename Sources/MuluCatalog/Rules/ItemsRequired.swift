/// `items.required`: 数据库/电子表格 with no items.
public enum ItemsRequired: ResourceRule {
  public static let id = "items.required"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "数据库和电子表格类资源至少要有一个信息项", en: "a 数据库 or 电子表格 resource needs at least one data item")
  public static let hint = LocalizedText(
    zh: "在 items 中列出信息项的名称、类型和长度", en: "list the data items in items, with name, type and length")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard ["数据库", "电子表格"].contains(resource.format.formatClass), resource.items.isEmpty else { return [] }
    let mark = file.root?["items"] != nil ? file.mark("items") : file.mark("format", "class")
    return [finding(file.path, at: mark, code: file.code, detail: resource.format.formatClass)]
  }

  public static let triggering = [
    RuleExample.resource(
      "a database with an empty item list",
      replacing: "  - { name: 统一社会信用代码, type: C, length: 18 }\n  - { name: 项目名称, type: C, length: 200 }\n  - { name: 核准日期, type: D }",
      with: "  ↓[]")
  ]
  public static let nonTriggering = [
    RuleExample.resource(
      "a PDF needs no items",
      replacing: "  class: 数据库\n  type: KingbaseES\nitems:\n  - { name: 统一社会信用代码, type: C, length: 18 }\n  - { name: 项目名称, type: C, length: 200 }\n  - { name: 核准日期, type: D }\n",
      with: "  class: 电子文件\n  type: PDF\n")
  ]
}
