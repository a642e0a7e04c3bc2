import MuluCatalog

/// The rules catalogue: every rule of the catalog layer and of the hooks, in the order of
/// `docs/rules.md`, and that page written from the rule types themselves, so that the docs
/// and the rules cannot drift (`mulu rules --format markdown --lang en` prints the page).
public enum RuleDocs {
  /// The rules judged on one snapshot, then the rules judged on pushes and history.
  public static var all: [any Rule.Type] { CatalogRules.all + HistoryRules.all.map { $0 as any Rule.Type } }

  /// One line per rule: its id, its severity and its meaning, in columns.
  public static func text(_ language: Language) -> String {
    let width = all.map { $0.id.count }.max() ?? 0
    var out = ""
    for rule in all {
      let id = rule.id + String(repeating: " ", count: width - rule.id.count)
      let severity = rule.severity.rawValue + String(repeating: " ", count: max(0, 7 - rule.severity.rawValue.count))
      out += "\(id)  \(severity)  \(rule.meaning[language])\n"
    }
    return out
  }

  /// Every rule's id, severity, meaning and hint.
  public static func json(_ language: Language) -> JSON {
    .array(
      all.map { rule in
        .object([
          ("id", .string(rule.id)), ("severity", .string(rule.severity.rawValue)),
          ("meaning", .string(rule.meaning[language])), ("hint", .string(rule.hint[language])),
        ])
      })
  }

  /// `docs/rules.md` in one language: an index table, then each rule with its hint and the
  /// titles of the examples it fires and stays silent on (the examples the tests run).
  public static func markdown(_ language: Language) -> String {
    func t(_ zh: String, _ en: String) -> String { LocalizedText(zh: zh, en: en)[language] }
    var out = t("# mulu 规则\n\n", "# mulu rules\n\n")
    out += t(
      """
        本页由 `mulu rules --format markdown --lang zh` 从规则类型生成，请勿手工编辑。\
        每条规则有固定的 id、默认严重程度（error 阻止，warning 只报告）、中英文说明和修正提示；\
        `registry.yaml` 的 `rules:` 可以改变严重程度或关闭规则（见 [format.md](format.md)）。\
        下面的示例是测试逐一运行的登记库。\n
        """,
      """
        This page is generated from the rule types by `mulu rules --format markdown --lang en`; \
        do not edit it by hand (a test fails when it differs). Every rule has a stable id, a \
        default severity (error blocks, warning reports), a message and a hint in Chinese and \
        English; `rules:` in `registry.yaml` changes a severity or turns a rule off (see \
        [format.md](format.md)). The examples below are the registries and pushes the tests \
        run each rule on.\n
        """)
    let groups: [(LocalizedText, [any Rule.Type])] = [
      (LocalizedText(zh: "登记库快照上的规则", en: "Rules on a snapshot of the registry"), CatalogRules.all),
      (
        LocalizedText(zh: "推送与历史上的规则（钩子和同步）", en: "Rules on pushes and history (the hooks and sync)"),
        HistoryRules.all.map { $0 as any Rule.Type }
      ),
    ]
    out += "\n| id | " + t("严重程度 | 含义", "severity | meaning") + " |\n|---|---|---|\n"
    for (_, rules) in groups {
      for rule in rules {
        out += "| [`\(rule.id)`](#\(anchor(rule.id))) | \(rule.severity.rawValue) | \(cell(rule.meaning[language])) |\n"
      }
    }
    for (title, rules) in groups {
      out += "\n## \(title[language])\n"
      for rule in rules {
        out += "\n### `\(rule.id)`\n\n"
        out += t("严重程度：", "Severity: ") + rule.severity.rawValue + "\n\n"
        out += rule.meaning[language] + "\n\n"
        if let details = rule.details { out += details[language] + "\n\n" }
        out += t("修正：", "Fix: ") + rule.hint[language] + "\n\n"
        out += t("触发示例：", "Fires on:") + "\n"
        for example in rule.triggering { out += "- \(example.title)\n" }
        out += "\n" + t("不触发示例：", "Silent on:") + "\n"
        for example in rule.nonTriggering { out += "- \(example.title)\n" }
      }
    }
    return out
  }

  /// The anchor GitHub and most renderers give the heading `` `id` ``.
  static func anchor(_ id: String) -> String {
    String(id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
  }

  static func cell(_ text: String) -> String { text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
