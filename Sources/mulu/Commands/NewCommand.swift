import ArgumentParser
import MuluCatalog
import MuluKit

struct NewCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Write a new resource file with the next free 顺序码.",
    discussion: "Prints the new file's path. Fill in name, summary, format, items and sharing, then run mulu validate."
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The provider's 统一社会信用代码.", valueName: "CODE"))
  var provider: String

  @Option(name: .customLong("class"), help: ArgumentHelp("The 分类码 (类+项+目[+细目]), e.g. 303001001.", valueName: "分类码"))
  var classification: String

  func run() throws {
    let workspace = try global.workspace()
    let path = try Scaffolding.newResource(in: workspace, provider: provider, classification: classification)
    Console.output(path + "\n")
  }
}
