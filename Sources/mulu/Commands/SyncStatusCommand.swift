import ArgumentParser
import MuluCatalog
import MuluKit

#if canImport(Glibc)
  import Glibc
#endif

struct SyncStatusCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: LocalizedText(zh: "显示每个来源：领先和落后的提交、待同步的变化、上次同步。", en: "Show each source: commits ahead and behind, changes waiting to come in, the last sync.").help,
    discussion: LocalizedText(zh: "除非给出 --no-fetch，先获取每个来源（到 refs/mulu/sources/NAME）。", en: "Each source is fetched first (into refs/mulu/sources/NAME) unless --no-fetch is given.").help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "要比较的本目录库分支。", en: "The branch of this registry to compare with.")))
  var branch: String = "main"

  @Flag(name: .customLong("fetch"), inversion: .prefixedNo, help: ArgumentHelp(LocalizedText(zh: "先获取每个来源。", en: "Fetch every source first.")))
  var fetch = true

  @Option(help: ArgumentHelp(LocalizedText(zh: "输出格式：text 或 json。", en: "Output format: text or json.")))
  var format: ReportFormat = .text

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let progress = FetchProgressLine(enabled: isatty(2) == 1, label: "")
    let result = try progress.finishing {
      try Sync.status(in: workspace, branch: branch, fetch: fetch) { name, update in
        progress.label = name
        progress.update(update)
      }
    }
    if !result.findings.findings.isEmpty {
      Console.standardError(FindingWriter.text(result.findings, language: language, color: Console.wantsColor(2)))
    }
    switch format {
    case .json:
      Console.output(SyncWriter.json(result.sources).serialized() + "\n")
    case .text:
      if result.sources.isEmpty {
        Console.note(
          LocalizedText(zh: "sources.yaml 中没有登记来源", en: "sources.yaml lists no sources"), language: language)
      }
      Console.output(SyncWriter.status(result.sources, branch: branch, language: language))
    }
    for status in result.sources {
      if let reason = status.fetchError {
        Console.error(
          LocalizedText(
            zh: "无法获取来源 \(status.source.name)：\(reason)", en: "cannot fetch source \(status.source.name): \(reason)"),
          language: language)
      }
    }
    if result.sources.contains(where: { $0.fetchError != nil }) { throw ExitCode(2) }
  }
}
