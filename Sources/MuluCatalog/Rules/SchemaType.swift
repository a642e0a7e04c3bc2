/// `schema.type`: a field has the wrong kind of value.
/// Raised by `SchemaCheck`, which checks every file against the shape of its fields.
public enum SchemaType: Rule {
  public static let id = "schema.type"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "字段的值类型不对", en: "a field has the wrong kind of value")
  public static let hint = LocalizedText(
    zh: "布尔值只写 true 或 false，长度写不带引号的整数，列表用 - 或 [ ]",
    en: "write booleans as true or false, lengths as unquoted whole numbers, lists with - or [ ]")

  static func expected(_ kind: String, at field: String) -> LocalizedText {
    let zhKind = ["mapping": "映射", "sequence": "列表", "text": "文本", "true/false": "true 或 false", "integer": "整数"][kind] ?? kind
    let place = field.isEmpty ? "" : field
    return meaning.with(
      zh: place.isEmpty ? "应为\(zhKind)" : "\(place) 应为\(zhKind)",
      en: place.isEmpty ? "expected \(kind)" : "\(place) should be \(kind)")
  }

  public static let triggering = [
    RuleExample.resource("to_public: no", replacing: "to_public: false", with: "to_public: ↓no"),
    RuleExample.resource("a quoted length", replacing: "length: 200", with: "length: ↓\"200\""),
    RuleExample.resource("items as text", replacing: "  - { name: 统一社会信用代码, type: C, length: 18 }\n  - { name: 项目名称, type: C, length: 200 }\n  - { name: 核准日期, type: D }", with: "  ↓统一社会信用代码"),
    RuleExample("a list as the whole file", files: [Baseline.departmentResourcePath: "↓- a\n- b\n"]),
  ]
  public static let nonTriggering = [
    RuleExample.resource("to_public: true", replacing: "to_public: false", with: "to_public: true")
  ]
}
