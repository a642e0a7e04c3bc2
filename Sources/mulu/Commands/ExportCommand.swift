import ArgumentParser
import MuluCatalog
import MuluKit
import MuluSheets

struct ExportCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: LocalizedText(
      zh: "把资源写成指南中文列名的工作簿（.xlsx）或 CSV 文件。",
      en: "Write resources to a workbook (.xlsx) or CSV file in the Guide's Chinese columns.").help,
    discussion: LocalizedText(
      zh: "每个信息项一行，资源的各列在每行重复（docs/spreadsheets.md）。CSV 为带 BOM 的 UTF-8；电子表格会当作公式的值前加 '，mulu import 会去掉。已注销的资源不导出，除非 --include-retired。",
      en: "One row per 信息项, the resource's columns repeated on each (docs/spreadsheets.md). CSV is UTF-8 with a byte order mark; a value a spreadsheet would take for a formula gets a leading ' that mulu import removes. Retired resources are left out unless --include-retired."
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "导出此版本（分支、标签、提交）而不是工作区。", en: "Export this revision (branch, tag, commit) instead of the working tree.")))
  var rev: String?

  @Option(help: ArgumentHelp(LocalizedText(zh: "只导出该部门的资源（可重复）。", en: "Only this department's resources (repeatable)."), valueName: "CODE"))
  var provider: [String] = []

  @Flag(help: ArgumentHelp(LocalizedText(zh: "也导出已注销的资源。", en: "Export retired resources too.")))
  var includeRetired = false

  @Option(name: .shortAndLong, help: ArgumentHelp(LocalizedText(zh: "要写的文件：FILE.xlsx 或 FILE.csv。", en: "The file to write: FILE.xlsx or FILE.csv."), valueName: "FILE"))
  var output: String

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let snapshot: any Snapshot = try rev.map { revision throws(Workspace.Failure) in try workspace.snapshot(at: revision) } ?? workspace.workingTree()
    let result = try SheetExport.run(
      snapshot, to: SheetPaths.absolute(output, from: workspace.start), providers: provider,
      includeRetired: includeRetired)
    if !result.unreadable.isEmpty {
      Console.standardError(FindingWriter.text(Report(findings: result.unreadable), language: language, color: Console.wantsColor(2)))
    }
    var summary = LocalizedText(
      zh: "已导出 \(result.resources) 个资源（\(result.rows) 行）到 \(output)",
      en: "exported \(result.resources) resource(s) (\(result.rows) rows) to \(output)")
    if result.retiredLeftOut > 0 {
      summary += LocalizedText(
        zh: "；\(result.retiredLeftOut) 个已注销的资源未导出（--include-retired）",
        en: "; \(result.retiredLeftOut) retired resource(s) left out (--include-retired)")
    }
    if !result.unreadable.isEmpty {
      summary += LocalizedText(
        zh: "；\(result.unreadable.count) 个无法读取的文件未导出", en: "; \(result.unreadable.count) unreadable file(s) left out")
    }
    Console.note(summary, language: language)
  }
}
