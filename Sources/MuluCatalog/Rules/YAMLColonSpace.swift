/// `yaml.colon-space`: `key:value` without the space YAML needs after the colon.
/// Raised by `YAMLFindings`, from the typing slips the YAML precheck reports.
public enum YAMLColonSpace: Rule {
  public static let id = "yaml.colon-space"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "键后的冒号“:”后面缺少空格", en: "no space after the colon that follows a key")
  public static let hint = LocalizedText(
    zh: "在冒号后加一个空格，如 name: 值", en: "put a space after the colon, as in name: value")

  public static let triggering = [
    RuleExample.resource("name:值", replacing: "name: 企业投资项目核准信息", with: "name↓:企业投资项目核准信息")
  ]
  public static let nonTriggering = [
    RuleExample.resource(
      "a colon inside text", replacing: "summary: 企业投资项目核准的申请、受理、批复信息。", with: "summary: 时间为9:00至17:00")
  ]
}
