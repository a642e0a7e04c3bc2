import ArgumentParser
import MuluCatalog
import MuluKit

struct InitCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a new registry with its dictionaries in DIR (absent or empty)."
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: "national, provincial, municipal or county.")
  var level: String = "national"

  @Option(help: "The registry's name.")
  var name: String = "政务信息资源目录"

  @Argument(help: "The folder to create.")
  var dir: String

  func validate() throws {
    guard Vocabulary.levels.contains(level) else {
      throw ValidationError("--level takes one of \(Vocabulary.levels.joined(separator: ", "))")
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
