import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit
#if canImport(Glibc)
  import Glibc
#endif

/// Output formats of the commands that report without a Markdown form.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}
