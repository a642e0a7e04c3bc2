import Foundation
import MuluCatalog
import MuluKit
import MuluYAML

/// Why an import could not start.
public enum SheetImportFailure: UserFacingError, Sendable {
  case unknownProvider(String)

  public var message: LocalizedText {
    switch self {
    case .unknownProvider(let code):
      return LocalizedText(zh: "部门字典中没有提供方代码 \(code)", en: "no department \(code) in the departments dictionary")
    }
  }
}
