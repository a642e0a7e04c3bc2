import ArgumentParser
import MuluCatalog
import MuluKit
import MuluSheets

struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write a blank workbook in the Guide's Chinese columns, to fill in and mulu import.",
    discussion: """
      The header row is frozen, the enumerated columns offer drop-down lists, and a second sheet \
      explains each column with an example. With --provider (in a registry), the provider columns offer \
      that department only.
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The department the workbook is for.", valueName: "CODE"))
  var provider: String?

  @Option(name: .shortAndLong, help: ArgumentHelp("The file to write: FILE.xlsx (or FILE.csv, the header only).", valueName: "FILE"))
  var output: String

  func run() throws {
    let language = global.language
    var department: SheetTemplate.Provider? = nil
    if let provider {
      let workspace = try global.workspace()
      let departments: [SheetTemplate.Provider]
      do {
        departments = SheetTemplate.departments(try workspace.workingTree())
      } catch {
        throw error.failure(language)
      }
      guard let found = departments.first(where: { $0.code == provider }) else {
        throw CommandFailure(
          LocalizedText(zh: "部门字典中没有提供方代码 \(provider)", en: "no department \(provider) in the departments dictionary"),
          language)
      }
      department = found
    }
    do {
      try SheetTemplate.write(to: SheetPaths.absolute(output, from: global.absoluteDirectory), provider: department)
    } catch {
      throw SheetPaths.failure(error, language)
    }
    Console.note(LocalizedText(zh: "已写入模板 \(output)", en: "wrote the template \(output)"), language: language)
  }
}
