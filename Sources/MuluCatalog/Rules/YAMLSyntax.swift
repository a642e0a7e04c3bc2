/// `yaml.syntax`: not parseable YAML, or not UTF-8, or a BOM/NUL byte.
public enum YAMLSyntax: Rule {
  public static let id = "yaml.syntax"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "不是可解析的 UTF-8 YAML 文件", en: "not a parseable UTF-8 YAML file")
  public static let hint = LocalizedText(
    zh: "以无 BOM 的 UTF-8 保存文件，检查缩进、冒号和引号", en: "save the file as UTF-8 without a BOM; check indentation, colons and quotes")

  public static let triggering = [
    RuleExample("a key with no colon", files: [Baseline.departmentResourcePath: "code 303001001/000001\nname: [\n"]),
    RuleExample("a byte order mark", bytes: [Baseline.departmentResourcePath: [0xEF, 0xBB, 0xBF] + Array("code: 1\n".utf8)]),
    RuleExample("GBK bytes instead of UTF-8", bytes: [Baseline.departmentResourcePath: Array("name: ".utf8) + [0xC6, 0xF3, 0xD2, 0xB5, 0x0A]]),
    RuleExample("a NUL byte", bytes: [Baseline.departmentResourcePath: Array("name: a".utf8) + [0] + [0x0A]]),
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
