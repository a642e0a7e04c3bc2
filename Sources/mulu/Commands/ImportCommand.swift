import ArgumentParser
import MuluCatalog
import MuluKit
import MuluSheets

struct ImportCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: LocalizedText(
      zh: "把指南中文列名的工作簿（.xlsx）或 CSV 文件读回资源文件。",
      en: "Read a workbook (.xlsx) or CSV file in the Guide's columns back into resource files.").help,
    discussion: LocalizedText(
      zh: "按信息资源代码分组；没有代码、名称相同的连续各行是一个新资源，得到下一个空闲的顺序码。结果在内存中校验，没有错误时才以规范格式写入文件（否则退出码 1，不写任何文件）。打印新增和修改的资源（同 mulu diff）；问题指明单元格（FILE.xlsx!Sheet1!H12，FILE.csv:12:8）。CSV 可为 UTF-8（带或不带 BOM）或 GB18030。",
      en: "Rows are grouped by 信息资源代码; consecutive rows without a code and with one 信息资源名称 form a new resource with the next free 顺序码. The result is validated in memory; files are written, in canonical form, only when there is no error (exit 1 otherwise, and nothing is written). Prints the resources added and modified, as mulu diff does; findings name the cell (FILE.xlsx!Sheet1!H12, FILE.csv:12:8). CSV may be UTF-8 (with or without BOM) or GB18030."
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "各行所属的部门（没有提供方代码的行取此代码）。", en: "The department every row belongs to (and rows without a provider code get)."), valueName: "CODE"))
  var provider: String?

  @Flag(help: ArgumentHelp(LocalizedText(zh: "不写任何文件，只说明导入会做什么（会写入文件时退出码 1，同 mulu fmt --check）。", en: "Write nothing; say what the import would do (exit 1 when it would write a file, as mulu fmt --check).")))
  var check = false

  @Argument(help: ArgumentHelp(LocalizedText(zh: "要导入的文件：FILE.xlsx 或 FILE.csv。", en: "The file to import: FILE.xlsx or FILE.csv."), valueName: "FILE"))
  var file: String

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let outcome = try SheetImport.run(
      file: SheetPaths.absolute(file, from: workspace.start), in: workspace, provider: provider, check: check,
      environment: ProcessInfoEnvironment.current)
    for note in outcome.notes { Console.note(note, language: language) }
    let report = Report(findings: outcome.findings)
    if !outcome.findings.isEmpty {
      Console.standardError(FindingWriter.text(report, language: language, color: Console.wantsColor(2)))
    }
    if outcome.hasErrors {
      Console.standardError(FindingWriter.summary(report, language: language) + "\n")
      Console.error(LocalizedText(zh: "导入有错误，未写入任何文件", en: "the import has errors: nothing was written"), language: language)
      throw ExitCode(1)
    }
    var diff = outcome.diff
    diff.from = LocalizedText(zh: "工作区", en: SemanticDiff.workingTree)[language]
    Console.output(DiffWriter.text(diff, language: language, color: Console.wantsColor(1)))
    Console.output(
      LocalizedText(zh: "未变：\(outcome.unchanged) 个资源\n", en: "unchanged: \(outcome.unchanged) resource(s)\n")[language])
    let written = outcome.diff.changes.count
    Console.note(
      check
        ? LocalizedText(zh: "--check：未写入任何文件（将写入 \(written) 个）", en: "--check: nothing written (\(written) file(s) would be)")
        : LocalizedText(zh: "已写入 \(written) 个文件", en: "wrote \(written) file(s)"),
      language: language)
    // As `mulu fmt --check`: a check that finds something to write is a difference (exit 1).
    if check && written > 0 { throw ExitCode(1) }
  }
}
