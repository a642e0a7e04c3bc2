import ArgumentParser
import MuluCatalog
import MuluKit

struct InitCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: LocalizedText(zh: "在 DIR（不存在或为空）中创建新的目录库及其字典。", en: "Create a new registry with its dictionaries in DIR (absent or empty).").help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "national（国家）、provincial（省）、municipal（市）或 county（县）。", en: "national, provincial, municipal or county.")))
  var level: String = "national"

  @Option(help: ArgumentHelp(LocalizedText(zh: "目录库的名称。", en: "The registry's name.")))
  var name: String = "政务信息资源目录"

  @Argument(help: ArgumentHelp(LocalizedText(zh: "要创建的文件夹。", en: "The folder to create.")))
  var dir: String

  func validate() throws {
    guard Vocabulary.levels.contains(level) else {
      let levels = Vocabulary.levels.joined(separator: ", ")
      throw ValidationError(LocalizedText(zh: "--level 取 \(levels) 之一", en: "--level takes one of \(levels)")[global.language])
    }
  }

  func run() throws {
    let language = global.language
    let target = dir.hasPrefix("/") ? dir : global.directory + "/" + dir
    let written = try Scaffolding.initialize(target, name: name, level: level)
    for path in written { Console.output(dir + "/" + path + "\n") }
    Console.note(
      LocalizedText(
        zh: "已新建目录库；下一步：cd \(dir) && git init && mulu validate",
        en: "registry created; next: cd \(dir) && git init && mulu validate"), language: language)
  }
}
