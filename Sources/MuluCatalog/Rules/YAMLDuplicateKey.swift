/// `yaml.duplicate-key`: a mapping repeats a key.
/// Raised by `YAMLFindings`, from the problems the YAML reader reports.
public enum YAMLDuplicateKey: Rule {
  public static let id = "yaml.duplicate-key"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "同一映射中的键重复", en: "a mapping repeats a key")
  public static let hint = LocalizedText(zh: "删除或合并重复的键", en: "remove or merge the repeated key")

  public static let triggering = [
    RuleExample.resource("name twice", replacing: "name: 企业投资项目核准信息\n", with: "name: 企业投资项目核准信息\n↓name: 项目核准\n")
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
