import ArgumentParser
import MuluCatalog
import MuluKit

struct NewCommand: ParsableCommand {
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
    let language = global.language
    let workspace = try global.workspace()
    do {
      let path = try Scaffolding.newResource(in: workspace, provider: provider, classification: classification)
      Console.output(path + "\n")
    } catch let refusal as Scaffold.Refusal {
      Console.error(LocalizedText(zh: "[\(refusal.rule)] ", en: "[\(refusal.rule)] ").joined(refusal.message), language: language)
      throw ExitCode(1)
    } catch let failure as Workspace.Failure {
      throw failure.failure(language)
    } catch let failure as CatalogError {
      throw CommandFailure(failure.message, language)
    } catch let failure as Files.WriteError {
      throw CommandFailure(
        LocalizedText(zh: "无法写入 \(failure.path)：\(failure.reason)", en: "cannot write \(failure.path): \(failure.reason)"),
        language)
    }
  }
}
