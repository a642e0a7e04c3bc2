import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit

#if canImport(Glibc)
  import Glibc
#endif

/// Flags every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in DIR.", valueName: "DIR"))
  var directory: String = "."

  @Option(help: "Language of messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).")
  var lang: Language?

  var language: Language { lang ?? Language(environment: ProcessInfoEnvironment.current) }

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
