/// `dictionary.invalid`: the dictionaries or `registry.yaml` contradict themselves.
/// Raised by `Validator` as it reads registry.yaml and the dictionaries, and by `SourceList` (sources.yaml).
public enum DictionaryInvalid: Rule {
  public static let id = "dictionary.invalid"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "字典或 registry.yaml 自相矛盾", en: "the dictionaries or registry.yaml contradict themselves")
  public static let hint = LocalizedText(
    zh: "每个部门代码、前缀和分类码只登记一次，引用的部门和规则须存在",
    en: "list each department code, prefix and class once; name only departments and rules that exist")

  public static let triggering = [
    RuleExample.edit(
      "two departments with one prefix", "dictionaries/departments.yaml", replacing: "prefix: \"303002\"",
      with: "prefix: ↓\"303001\""),
    RuleExample.edit(
      "a lead that is no department", "dictionaries/classification.yaml",
      replacing: "lead: 11100000000001234L", with: "lead: ↓11100000000009999U"),
    RuleExample.edit(
      "a severity for a rule that does not exist", "registry.yaml", replacing: "level: national\n",
      with: "level: national\nrules:\n  ↓items.overlap-base: warning\n"),
  ]
  public static let nonTriggering = [
    RuleExample.edit(
      "a rule turned off", "registry.yaml", replacing: "level: national\n",
      with: "level: national\nrules:\n  items.overlaps-base: \"off\"\n")
  ]
}
