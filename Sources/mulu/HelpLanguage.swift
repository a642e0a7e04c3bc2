import ArgumentParser
import MuluCatalog

#if canImport(Glibc)
  import Glibc
#endif

/// `--help` speaks the language of `LANG`, as messages do (`--lang` is not parsed yet when the
/// help is built). argument-parser's own headings (USAGE, OPTIONS) stay as it writes them.
enum HelpLanguage {
  static let current = Language(environment: ProcessInfoEnvironment.current)
}
