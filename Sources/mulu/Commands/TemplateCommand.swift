import ArgumentParser
import MuluCatalog
import MuluKit
import MuluSheets

struct TemplateCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: LocalizedText(
      zh: "写一个指南中文列名的空白工作簿，填好后用 mulu import 导入。",
      en: "Write a blank workbook in the Guide's Chinese columns, to fill in and mulu import.").help,
    discussion: LocalizedText(
      zh: "表头冻结，枚举列有下拉列表，第二个工作表逐列说明并给出示例。用 --provider（在目录库中）时，提供方各列只列该部门。",
      en: "The header row is frozen, the enumerated columns offer drop-down lists, and a second sheet explains each column with an example. With --provider (in a registry), the provider columns offer that department only."
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "工作簿所属的部门。", en: "The department the workbook is for."), valueName: "CODE"))
  var provider: String?

  @Option(name: .shortAndLong, help: ArgumentHelp(LocalizedText(zh: "要写的文件：FILE.xlsx（或 FILE.csv，只有表头）。", en: "The file to write: FILE.xlsx (or FILE.csv, the header only)."), valueName: "FILE"))
  var output: String

  func run() throws {
    let language = global.language
    var department: SheetTemplate.Provider? = nil
    if let provider {
      let departments = SheetTemplate.departments(try global.workspace().workingTree())
      guard let found = departments.first(where: { $0.code == provider }) else {
        throw SheetImportFailure.unknownProvider(provider)
      }
      department = found
    }
    try SheetTemplate.write(to: SheetPaths.absolute(output, from: global.absoluteDirectory), provider: department)
    Console.note(LocalizedText(zh: "已写入模板 \(output)", en: "wrote the template \(output)"), language: language)
  }
}
