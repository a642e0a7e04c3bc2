import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit
#if canImport(Glibc)
  import Glibc
#endif

/// Bad usage found by the command line itself, before a command runs (exit 2).
struct UsageFailure: UserFacingError {
  var message: LocalizedText
}
