import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit
#if canImport(Glibc)
  import Glibc
#endif

/// Output formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
  case markdown
}
