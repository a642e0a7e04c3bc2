/// `yaml.tab-indent`: a tab or an ideographic space (U+3000, a full-width space) in the
/// indentation of a key or a list entry.
/// Raised by `YAMLFindings`, from the typing slips the YAML precheck reports.
public enum YAMLTabIndent: Rule {
  public static let id = "yaml.tab-indent"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "缩进只能用半角空格", en: "indentation must be ASCII spaces")
  public static let hint = LocalizedText(
    zh: "把缩进里的制表符（Tab）和全角空格换成半角空格；编辑器可设置“用空格代替 Tab”",
    en: "replace tabs and full-width spaces in the indentation with spaces; editors can insert spaces for Tab")

  public static let triggering = [
    RuleExample.resource("a tab before a key", replacing: "  type: 有条件共享", with: "↓\ttype: 有条件共享"),
    RuleExample.resource("full-width spaces before a key", replacing: "  type: 有条件共享", with: "↓\u{3000}\u{3000}type: 有条件共享"),
  ]
  public static let nonTriggering = [
    RuleExample.resource(
      "full-width spaces opening a paragraph of text",
      replacing: "summary: 企业投资项目核准的申请、受理、批复信息。",
      with: "summary: >-\n  \u{3000}\u{3000}企业投资项目核准的申请、受理、批复信息。")
  ]
}
