import MuluYAML

/// `text.invisible-character`: a control character (a tab, a line break, an escape) or an
/// invisible format character (a zero-width space, a byte order mark, a right-to-left
/// override) in a resource's `name`, `summary` or an item's `name`. Two names that look the
/// same would differ, and a name could print as something it is not.
public enum TextInvisibleCharacter: ResourceRule {
  public static let id = "text.invisible-character"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "名称或摘要含有控制字符或不可见字符", en: "a name or summary holds a control or invisible character")
  public static let hint = LocalizedText(
    zh: "删除该字符（常见于从网页或文档粘贴的文字）；摘要分行请直接写成多行文本",
    en: "delete the character (it often comes with text pasted from web pages or documents); write a summary over several lines as plain text")

  /// Whether a character is one the rule finds: Unicode's controls (Cc), format characters
  /// (Cf: zero-width space and joiners, BOM, bidirectional controls) and line and paragraph
  /// separators.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator: return true
    default: return false
    }
  }

  /// The first such character of `text`: `U+200B ZERO WIDTH SPACE` and its place (from 1).
  static func first(in text: String, summary: Bool) -> (character: String, position: Int)? {
    for (offset, scalar) in text.unicodeScalars.enumerated() where isInvisible(scalar) {
      // A summary may run over lines: a line break in it is text, not a slip.
      if summary && scalar == "\n" { continue }
      var code = String(scalar.value, radix: 16, uppercase: true)
      code = String(repeating: "0", count: max(0, 4 - code.count)) + code
      let name = scalar.properties.name ?? scalar.properties.nameAlias ?? ""
      return ("U+\(code)\(name.isEmpty ? "" : " " + name)", offset + 1)
    }
    return nil
  }

  static func finding(_ file: ResourceFile, at mark: YAMLMark?, field: String, _ found: (character: String, position: Int))
    -> Finding
  {
    finding(
      file.path, at: mark, code: file.code,
      message: meaning.with(
        zh: "\(field) 的第 \(found.position) 个字符是 \(found.character)",
        en: "character \(found.position) of \(field) is \(found.character)"))
  }

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    var findings: [Finding] = []
    if let found = first(in: resource.name, summary: false) {
      findings.append(finding(file, at: file.mark("name"), field: "name", found))
    }
    if let found = first(in: resource.summary, summary: true) {
      findings.append(finding(file, at: file.mark("summary"), field: "summary", found))
    }
    for (index, item) in resource.items.enumerated() {
      if let found = first(in: item.name, summary: false) {
        findings.append(finding(file, at: file.itemMark(index), field: "items[\(index + 1)].name", found))
      }
    }
    return findings
  }

  public static let triggering = [
    RuleExample.resource(
      "a zero-width space in the name", replacing: "name: 企业投资项目核准信息", with: "name: ↓\"企业投资\\u200B项目核准信息\""),
    RuleExample.resource(
      "a right-to-left override in the summary", replacing: "summary: 企业投资项目核准的申请、受理、批复信息。",
      with: "summary: ↓\"企业投资项目核准的申请、受理、\\u202E批复信息。\""),
    RuleExample.resource(
      "a tab in an item name", replacing: "{ name: 项目名称, type: C, length: 200 }",
      with: "↓{ name: \"项目\\t名称\", type: C, length: 200 }"),
  ]
  public static let nonTriggering = [
    RuleExample("the baseline"),
    RuleExample.resource(
      "a summary over two lines", replacing: "summary: 企业投资项目核准的申请、受理、批复信息。",
      with: "summary: |\n  企业投资项目核准的申请、受理、\n  批复信息。"),
  ]
}
