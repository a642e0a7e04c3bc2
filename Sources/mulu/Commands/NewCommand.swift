import ArgumentParser
import MuluCatalog
import MuluKit

struct NewCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: LocalizedText(zh: "用下一个可用的顺序码写一个新的资源文件。", en: "Write a new resource file with the next free 顺序码.").help,
    discussion: LocalizedText(zh: "打印新文件的路径（从当前目录算起）。填写 name、summary、format、items 和 sharing 后运行 mulu validate。", en: "Prints the new file's path, from the current directory. Fill in name, summary, format, items and sharing, then run mulu validate.").help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "提供方的统一社会信用代码。", en: "The provider's 统一社会信用代码."), valueName: "CODE"))
  var provider: String

  @Option(name: .customLong("class"), help: ArgumentHelp(LocalizedText(zh: "分类码（类+项+目[+细目]），如 303001001。", en: "The 分类码 (类+项+目[+细目]), e.g. 303001001."), valueName: "分类码"))
  var classification: String

  func run() throws {
    let workspace = try global.workspace()
    let path = try Scaffolding.newResource(in: workspace, provider: provider, classification: classification)
    Console.output(workspace.pathFromCurrentDirectory(path) + "\n")
  }
}
