import ArgumentParser
import MuluCatalog
import MuluKit

struct RulesCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: LocalizedText(zh: "列出规则及其级别、含义、提示和示例。", en: "List the rules, with their severity, meaning, hint and examples.").help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "输出格式：text、json 或 markdown。", en: "Output format: text, json or markdown.")))
  var format: OutputFormat = .text

  func run() {
    let language = global.language
    let rules = RuleDocs.all
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
      Console.output(RuleDocs.markdown(language))
    }
  }
}

extension String {
  func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
