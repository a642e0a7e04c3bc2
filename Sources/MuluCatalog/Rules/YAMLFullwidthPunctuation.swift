/// `yaml.fullwidth-punctuation`: a full-width comma or colon where YAML needs an ASCII one.
/// Raised by `YAMLFindings`, from the typing slips the YAML precheck reports.
public enum YAMLFullwidthPunctuation: Rule {
  public static let id = "yaml.fullwidth-punctuation"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "YAML 的语法位置用了全角标点", en: "full-width punctuation where YAML needs ASCII")
  public static let hint = LocalizedText(
    zh: "切换到英文标点（半角）输入“,”和“:”；文字内容里的全角标点不受影响",
    en: "type \",\" and \":\" with ASCII punctuation; full-width punctuation inside text is fine")

  public static let triggering = [
    RuleExample.resource(
      "a full-width comma in a flow list", replacing: "related: [101001001/000001]",
      with: "related: [101001001/000001↓，303002001/000001]"),
    RuleExample.resource(
      "a full-width comma in a flow mapping", replacing: "{ name: 统一社会信用代码, type: C, length: 18 }",
      with: "{ name: 统一社会信用代码↓， type: C, length: 18 }"),
    RuleExample.resource(
      "a full-width colon after a key", replacing: "summary: 企业投资项目核准的申请、受理、批复信息。",
      with: "summary↓：企业投资项目核准的申请、受理、批复信息。"),
  ]
  public static let nonTriggering = [
    RuleExample.resource(
      "full-width punctuation inside text", replacing: "summary: 企业投资项目核准的申请、受理、批复信息。",
      with: "summary: 企业投资项目核准：申请，受理，批复信息。"),
    RuleExample.resource(
      "a full-width comma inside a quoted list entry", replacing: "{ name: 统一社会信用代码, type: C, length: 18 }",
      with: "{ name: \"统一社会信用代码，法人\", type: C, length: 18 }"),
  ]
}
