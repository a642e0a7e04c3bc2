import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit

#if canImport(Glibc)
  import Glibc
#endif

/// Flags every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(name: .customShort("C"), help: ArgumentHelp(LocalizedText(zh: "如同在 DIR 中启动一样运行。", en: "Run as if started in DIR."), valueName: "DIR"))
  var directory: String = "."

  @Option(help: ArgumentHelp(LocalizedText(zh: "消息的语言：zh 或 en（默认：取自 LC_ALL、LC_MESSAGES 或 LANG）。", en: "Language of messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).")))
  var lang: Language?

  var language: Language { lang ?? Language(environment: ProcessInfoEnvironment.current) }

  /// `-C`'s directory as an absolute path, for the workflows that take git's environment
  /// (whose relative paths count from it).
  var absoluteDirectory: String {
    directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
  }

  func workspace() throws(Workspace.Failure) -> Workspace {
    try Workspace(from: directory)
  }
}
