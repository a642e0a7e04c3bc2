import ArgumentParser
import MuluCatalog
#if canImport(Glibc)
  import Glibc
#endif

extension LocalizedText {
  /// The text in the help's language.
  var help: String { self[HelpLanguage.current] }
}
