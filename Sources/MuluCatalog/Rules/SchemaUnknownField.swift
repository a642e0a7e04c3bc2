/// `schema.unknown-field`: a key the schema does not define.
/// Raised by `SchemaCheck`, which checks every file against the shape of its fields.
public enum SchemaUnknownField: Rule {
  public static let id = "schema.unknown-field"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "未定义的字段", en: "a key the schema does not define")
  public static let hint = LocalizedText(
    zh: "检查拼写；字段以 mulu schema 为准", en: "check the spelling; the fields are those of mulu schema")

  public static let triggering = [
    RuleExample.resource("a misspelt key", replacing: "update_cycle: 每月", with: "↓update_cycel: 每月\nupdate_cycle: 每月"),
    RuleExample.resource("an extra item key", replacing: "{ name: 核准日期, type: D }", with: "{ name: 核准日期, type: D, ↓format: yyyy-mm-dd }"),
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
