/// `schema.enum`: a value outside its enumeration.
/// Raised by `SchemaCheck`, which checks every file against the shape of its fields.
public enum SchemaEnum: Rule {
  public static let id = "schema.enum"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "取值不在规定范围内", en: "a value outside its enumeration")
  public static let hint = LocalizedText(
    zh: "使用目录编制指南规定的取值（见 mulu schema）", en: "use one of the values the Guide defines (see mulu schema)")

  public static let triggering = [
    RuleExample.resource("a sharing type of its own", replacing: "type: 有条件共享", with: "type: ↓部分共享"),
    RuleExample.resource("an item type outside the Guide", replacing: "{ name: 核准日期, type: D }", with: "{ name: 核准日期, type: ↓DATE }"),
    RuleExample.resource("an update cycle outside the list", replacing: "update_cycle: 每月", with: "update_cycle: ↓每两月"),
  ]
  public static let nonTriggering = [
    RuleExample.resource("每季度", replacing: "update_cycle: 每月", with: "update_cycle: 每季度")
  ]
}
