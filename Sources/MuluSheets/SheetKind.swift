import MuluCatalog
import MuluKit
import MuluYAML

/// The kinds of file a catalog sheet is written to and read from, by the file's name.
public enum SheetKind: Sendable {
  case xlsx
  case csv

  public init(path: String) throws(SheetFailure) {
    let lower = path.lowercased()
    if lower.hasSuffix(".xlsx") {
      self = .xlsx
    } else if lower.hasSuffix(".csv") {
      self = .csv
    } else {
      throw .unknownKind(path)
    }
  }
}
