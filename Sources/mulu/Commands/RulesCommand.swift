import ArgumentParser
import MuluCatalog
import MuluKit

struct RulesCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "List the rules, with their severity, meaning, hint and examples."
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: "Output format: text, json or markdown.")
  var format: OutputFormat = .text

  func run() {
    let language = global.language
    let rules: [any Rule.Type] = CatalogRules.all + HistoryRules.all.map { $0 as any Rule.Type }
    switch format {
    case .json:
      let list = rules.map { rule -> JSON in
        .object([
          ("id", .string(rule.id)), ("severity", .string(rule.severity.rawValue)),
          ("meaning", .string(rule.meaning[language])), ("hint", .string(rule.hint[language])),
        ])
      }
      Console.output(JSON.array(list).serialized(pretty: true) + "\n")
    case .text:
      let width = rules.map { $0.id.count }.max() ?? 0
      for rule in rules {
        let pad = String(repeating: " ", count: width - rule.id.count)
        Console.output("\(rule.id)\(pad)  \(rule.severity.rawValue.padding(7))  \(rule.meaning[language])\n")
      }
    case .markdown:
      var out = language == .zh ? "# mulu 规则\n" : "# mulu rules\n"
      for rule in rules {
        out += "\n## `\(rule.id)` (\(rule.severity.rawValue))\n\n\(rule.meaning[language])\n\n"
        out += (language == .zh ? "修正：" : "Fix: ") + rule.hint[language] + "\n\n"
        out += (language == .zh ? "触发示例：" : "Fires on:") + "\n"
        for example in rule.triggering { out += "- \(example.title)\n" }
        out += "\n" + (language == .zh ? "不触发示例：" : "Silent on:") + "\n"
        for example in rule.nonTriggering { out += "- \(example.title)\n" }
      }
      Console.output(out)
    }
  }
}

extension String {
  func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
