import ArgumentParser
import MuluCatalog
import MuluKit
import MuluSheets

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read a workbook (.xlsx) or CSV file in the Guide's columns back into resource files.",
    discussion: """
      Rows are grouped by 信息资源代码; consecutive rows without a code and with one 信息资源名称 form a \
      new resource with the next free 顺序码. The result is validated in memory; files are written, in \
      canonical form, only when there is no error (exit 1 otherwise, and nothing is written). Prints \
      the resources added and modified, as mulu diff does; findings name the cell \
      (FILE.xlsx!Sheet1!H12, FILE.csv:12:8). CSV may be UTF-8 (with or without BOM) or GB18030.
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The department every row belongs to (and rows without a provider code get).", valueName: "CODE"))
  var provider: String?

  @Flag(help: "Write nothing; say what the import would do.")
  var check = false

  @Argument(help: ArgumentHelp("The file to import: FILE.xlsx or FILE.csv.", valueName: "FILE"))
  var file: String

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let outcome: SheetImport.Outcome
    do {
      outcome = try SheetImport.run(
        file: SheetPaths.absolute(file, from: workspace.start), in: workspace, provider: provider, check: check)
    } catch {
      throw SheetPaths.failure(error, language)
    }
    for note in outcome.notes { Console.note(note, language: language) }
    if !outcome.findings.isEmpty {
      Console.standardError(
        FindingWriter.text(Report(findings: outcome.findings), language: language, color: Console.wantsColor(2)))
    }
    if outcome.hasErrors {
      Console.standardError(FindingWriter.summary(Report(findings: outcome.findings), language: language) + "\n")
      Console.error(LocalizedText(zh: "导入有错误，未写入任何文件", en: "the import has errors: nothing was written"), language: language)
      throw ExitCode(1)
    }
    Console.output(DiffWriter.text(outcome.diff, language: language, color: Console.wantsColor(1)))
    Console.output(
      LocalizedText(zh: "未变：\(outcome.unchanged) 个资源\n", en: "unchanged: \(outcome.unchanged) resource(s)\n")[language])
    let written = outcome.diff.changes.count
    let summary: LocalizedText
    if check {
      summary = LocalizedText(zh: "--check：未写入任何文件（将写入 \(written) 个）", en: "--check: nothing written (\(written) file(s) would be)")
    } else {
      summary = LocalizedText(zh: "已写入 \(written) 个文件", en: "wrote \(written) file(s)")
    }
    Console.note(summary, language: language)
  }
}
