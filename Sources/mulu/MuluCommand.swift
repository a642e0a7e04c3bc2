import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit
#if canImport(Glibc)
  import Glibc
#endif

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
