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

  @Option(help: ArgumentHelp(LocalizedText(zh: "消息的语言：zh 或 en（默认：取自 LANG）。", en: "Language of messages: zh or en (default: from LANG).")))
  var lang: Language?

  var language: Language { lang ?? Language(locale: getenv("LANG").map { String(cString: $0) }) }

  /// `-C`'s directory as an absolute path, for the workflows that take git's environment
  /// (whose relative paths count from it).
  var absoluteDirectory: String {
    directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
  }

  func workspace() throws -> Workspace {
    do {
      return try Workspace(from: directory)
    } catch {
      throw CommandFailure(error.message, language)
    }
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

/// A failure of the tool, reported as `mulu: error: …` with exit code 2.
struct CommandFailure: Error {
  var message: LocalizedText
  var language: Language

  init(_ message: LocalizedText, _ language: Language) {
    self.message = message
    self.language = language
  }
}

extension Workspace.Failure {
  func failure(_ language: Language) -> CommandFailure { CommandFailure(message, language) }
}
