import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit

struct HooksInstallCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: "Install the pre-receive hook in a server repository, or the pre-commit hook in a clone.",
    discussion: """
      The hooks are small sh scripts that run this mulu by its absolute path: run the \
      command again after moving mulu. Re-running is safe; another program's hook is left \
      alone (exit 2) unless --force. --server also sets receive.fsckObjects=true.
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The (bare) repository that receives pushes.", valueName: "BARE_REPO"))
  var server: String?

  @Flag(help: "Install the pre-commit hook in the clone at REPO (default: the current one).")
  var client = false

  @Argument(help: ArgumentHelp("The clone, with --client.", valueName: "REPO"))
  var repository: String?

  @Flag(help: "Replace a hook that is not mulu's.")
  var force = false

  func validate() throws {
    if (server != nil) == client { throw ValidationError("give either --server BARE_REPO or --client [REPO]") }
    if server != nil && repository != nil { throw ValidationError("REPO goes with --client") }
  }

  func run() throws {
    let language = global.language
    let mulu = HookInstaller.executablePath(argv0: CommandLine.arguments[0], environment: ProcessInfo.processInfo.environment)
    let installed =
      if let server {
        try HookInstaller.installServer(repository: resolve(server), mulu: mulu, force: force)
      } else {
        try HookInstaller.installClient(repository: resolve(repository ?? "."), mulu: mulu, force: force)
      }
    Console.output(installed.path + "\n")
    let note: LocalizedText
    switch installed.outcome {
    case .created: note = LocalizedText(zh: "已安装钩子，运行 \(mulu)", en: "hook installed, running \(mulu)")
    case .updated: note = LocalizedText(zh: "已更新钩子，运行 \(mulu)", en: "hook updated, running \(mulu)")
    case .replacedForeign: note = LocalizedText(zh: "已替换原有的钩子，运行 \(mulu)", en: "replaced the existing hook, running \(mulu)")
    }
    Console.note(note, language: language)
    if server != nil {
      Console.note(LocalizedText(zh: "已设置 receive.fsckObjects=true", en: "set receive.fsckObjects=true"), language: language)
    }
  }

  /// A path given on the command line, from -C's directory.
  private func resolve(_ path: String) -> String {
    path.hasPrefix("/") ? path : global.directory + "/" + path
  }
}
