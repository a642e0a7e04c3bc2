import ArgumentParser
import MuluCatalog
import MuluKit

struct ReleaseListCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: LocalizedText(zh: "列出发布标签（新的在前）及其日期和数量。", en: "List the release tags, newest first, with their dates and counts.").help,
    discussion: LocalizedText(zh: "发布标签是与 main 上 access.yaml 的 release_tags 相符的标签（默认 v*）。", en: "Release tags are those matching access.yaml's release_tags on main (default v*).").help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "输出格式：text 或 json。", en: "Output format: text or json.")))
  var format: ReportFormat = .text

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let entries = try Release.list(in: workspace)
    switch format {
    case .json: Console.output(ReleaseWriter.json(entries).serialized() + "\n")
    case .text: Console.output(ReleaseWriter.list(entries, language: language))
    }
  }
}
