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

extension Language: ExpressibleByArgument {}

/// Output formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
  case markdown
}

/// Output formats of the commands that report without a Markdown form.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}

/// A subcommand that takes the global flags. Its `run` lets every `UserFacingError` pass:
/// `Mulu.main` catches it once, shows it in the `--lang` of the command and exits with its status.
protocol MuluCommand: ParsableCommand {
  var global: GlobalOptions { get }
  /// Shows a failure of this command; by default `mulu: error: …` on standard error.
  func show(_ failure: any UserFacingError, language: Language)
}

extension MuluCommand {
  func show(_ failure: any UserFacingError, language: Language) {
    Console.error(failure.message, language: language)
  }
}

/// Bad usage found by the command line itself, before a command runs (exit 2).
struct UsageFailure: UserFacingError {
  var message: LocalizedText
}
