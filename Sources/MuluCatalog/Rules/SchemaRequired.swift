/// `schema.required`: a required field is missing or empty.
public enum SchemaRequired: ResourceRule {
  public static let id = "schema.required"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "缺少必填字段或字段为空", en: "a required field is missing or empty")
  public static let hint = LocalizedText(
    zh: "按目录编制指南补全该字段（见 mulu schema）", en: "fill in the field as the Guide requires (see mulu schema)")

  static let emptyFile = meaning.with(zh: "文件为空", en: "the file is empty")

  public static let triggering = [
    RuleExample(
      "no summary",
      edits: [
        .mark(before: "code: 303001001/000001"),
        .init(path: Baseline.departmentResourcePath, old: "summary: 企业投资项目核准的申请、受理、批复信息。\n", new: ""),
      ]),
    RuleExample.resource("an empty name", replacing: "name: 企业投资项目核准信息", with: "↓name: \"\""),
    RuleExample.resource("an item without a type", replacing: "{ name: 核准日期, type: D }", with: "↓{ name: 核准日期 }"),
    RuleExample.resource("format type 其他 without a note", replacing: "type: KingbaseES", with: "type: ↓其他"),
    RuleExample("an empty file", files: [Baseline.departmentResourcePath: ""]),
  ]
  public static let nonTriggering = [
    RuleExample.resource("format type 其他 with a note", replacing: "type: KingbaseES", with: "type: 其他\n  note: 自研分布式数据库")
  ]

  /// Requirements that depend on another field's value.
  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    if resource.format.type == "其他" && (resource.format.note ?? "").isBlank {
      return [finding(file.path, at: file.mark("format", "type"), code: file.code, detail: "format.note")]
    }
    return []
  }
}
