import ArgumentParser
import MuluCatalog
#if canImport(Glibc)
  import Glibc
#endif

extension ArgumentHelp {
  init(_ text: LocalizedText, valueName: String? = nil) {
    self.init(text.help, valueName: valueName)
  }
}
