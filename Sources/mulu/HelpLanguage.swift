import ArgumentParser
import Foundation
import MuluCatalog

#if canImport(Glibc)
  import Glibc
#endif

/// `--help` speaks the language of `LANG`, as messages do (`--lang` is not parsed yet when the
/// help is built). argument-parser's own headings (USAGE, OPTIONS) stay as it writes them; the
/// help of the two flags it adds, `--help` and `--version`, is translated once the text is made.
enum HelpLanguage {
  static let current = Language(environment: ProcessInfoEnvironment.current)

  static let ownFlags = [
    ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本。"),
  ]

  /// A help text made by argument-parser, its own flags' help in the current language.
  static func localized(_ help: String) -> String {
    guard current == .zh else { return help }
    var text = help
    for (english, chinese) in ownFlags { text = text.replacingOccurrences(of: english, with: chinese) }
    return text
  }
}
