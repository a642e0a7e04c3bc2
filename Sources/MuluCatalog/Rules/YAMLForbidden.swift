/// `yaml.forbidden`: anchors/aliases, tags, or non-scalar keys.
/// Raised by `YAMLFindings`, from the problems the YAML precheck reports.
public enum YAMLForbidden: Rule {
  public static let id = "yaml.forbidden"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "目录文件不允许使用锚点、别名、标签或非标量键", en: "anchors, aliases, tags and non-scalar keys are not allowed")
  public static let hint = LocalizedText(
    zh: "把内容直接写出来，不用 & * ! 和复合键", en: "write values out in full, without & * ! or complex keys")

  public static let triggering = [
    RuleExample.resource("an anchor and an alias", replacing: "  unit: 固定资产投资司\nsummary: 企业投资项目核准的申请、受理、批复信息。", with: "  unit: ↓&u 固定资产投资司\nsummary: ↓*u"),
    RuleExample.resource("a tag", replacing: "to_public: false", with: "to_public: ↓!!bool false"),
    RuleExample.resource("a sequence as a key", replacing: "update_cycle: 每月", with: "update_cycle: 每月\n? ↓[a, b]\n: c"),
  ]
  public static let nonTriggering = [
    RuleExample.resource("& and * inside text", replacing: "summary: 企业投资项目核准的申请、受理、批复信息。", with: "summary: \"申请&受理*批复\"")
  ]
}
