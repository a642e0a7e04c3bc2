import MuluCatalog
import MuluKit
import MuluSheets

/// Paths and failures of the spreadsheet commands.
enum SheetPaths {
  /// A path the user gave, from the directory the command runs in (`-C`).
  static func absolute(_ path: String, from directory: String) -> String {
    path.hasPrefix("/") ? path : directory + "/" + path
  }

  /// Any failure of export, import or template as the one failure the command line reports (exit 2).
  static func failure(_ error: any Error, _ language: Language) -> CommandFailure {
    switch error {
    case let failure as SheetFailure: return CommandFailure(failure.message, language)
    case let failure as SheetImportFailure: return CommandFailure(failure.message, language)
    case let failure as Workspace.Failure: return failure.failure(language)
    case let failure as CatalogError: return CommandFailure(failure.message, language)
    case let failure as Files.WriteError:
      return CommandFailure(
        LocalizedText(zh: "无法写入 \(failure.path)：\(failure.reason)", en: "cannot write \(failure.path): \(failure.reason)"),
        language)
    default:
      return CommandFailure(LocalizedText(zh: "\(error)", en: "\(error)"), language)
    }
  }
}
