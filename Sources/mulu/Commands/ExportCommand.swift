import ArgumentParser
import MuluCatalog
import MuluKit
import MuluSheets

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write resources to a workbook (.xlsx) or CSV file in the Guide's Chinese columns.",
    discussion: """
      One row per 信息项, the resource's columns repeated on each (docs/spreadsheets.md). CSV is UTF-8 \
      with a byte order mark; a value a spreadsheet would take for a formula gets a leading ' that \
      mulu import removes. Retired resources are left out unless --include-retired.
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: "Export this revision (branch, tag, commit) instead of the working tree.")
  var rev: String?

  @Option(help: ArgumentHelp("Only this department's resources (repeatable).", valueName: "CODE"))
  var provider: [String] = []

  @Flag(help: "Export retired resources too.")
  var includeRetired = false

  @Option(name: .shortAndLong, help: ArgumentHelp("The file to write: FILE.xlsx or FILE.csv.", valueName: "FILE"))
  var output: String

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let target = SheetPaths.absolute(output, from: workspace.start)
    let result: SheetExport.Result
    do {
      let snapshot: any Snapshot = try rev.map { try workspace.snapshot(at: $0) } ?? workspace.workingTree()
      result = try SheetExport.run(snapshot, to: target, providers: provider, includeRetired: includeRetired)
    } catch {
      throw SheetPaths.failure(error, language)
    }
    if !result.unreadable.isEmpty {
      Console.standardError(FindingWriter.text(Report(findings: result.unreadable), language: language, color: Console.wantsColor(2)))
    }
    var summary = LocalizedText(
      zh: "已导出 \(result.resources) 个资源（\(result.rows) 行）到 \(output)",
      en: "exported \(result.resources) resource(s) (\(result.rows) rows) to \(output)")
    if result.retiredLeftOut > 0 {
      summary = summary.joined(
        LocalizedText(
          zh: "；\(result.retiredLeftOut) 个已注销的资源未导出（--include-retired）",
          en: "; \(result.retiredLeftOut) retired resource(s) left out (--include-retired)"))
    }
    if !result.unreadable.isEmpty {
      summary = summary.joined(
        LocalizedText(
          zh: "；\(result.unreadable.count) 个无法读取的文件未导出", en: "; \(result.unreadable.count) unreadable file(s) left out"))
    }
    Console.note(summary, language: language)
  }
}
