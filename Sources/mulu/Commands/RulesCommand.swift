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
    switch format {
    case .json:
      Console.output(RuleDocs.json(language).serialized(pretty: true) + "\n")
    case .text:
      Console.output(RuleDocs.text(language))
    case .markdown:
      Console.output(RuleDocs.markdown(language))
    }
  }
}
