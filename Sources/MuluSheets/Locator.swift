import MuluCatalog

/// Names cells in findings: `FILE.xlsx!Sheet1!H12`, or `FILE.csv` at line 12, column 8.
struct Locator: Sendable {
  var file: String
  var kind: Workbook.Kind
  var sheetNames: [String]

  func finding(
    _ rule: String, _ severity: Severity, at place: CellPlace?, code: String? = nil, message: LocalizedText,
    hint: LocalizedText
  ) -> Finding {
    guard let place else {
      return Finding(rule: rule, severity: severity, path: file, code: code, message: message, hint: hint)
    }
    switch kind {
    case .csv:
      return Finding(
        rule: rule, severity: severity, path: file, line: place.row + 1, column: place.column + 1, code: code,
        message: message, hint: hint)
    case .xlsx:
      return Finding(
        rule: rule, severity: severity, path: name(place), code: code, message: message, hint: hint)
    }
  }

  /// `FILE.xlsx!Sheet1!H12` (for CSV, `FILE.csv:12:8`).
  func name(_ place: CellPlace) -> String {
    switch kind {
    case .csv: return "\(file):\(place.row + 1):\(place.column + 1)"
    case .xlsx: return "\(file)!\(sheetNames[place.sheet])!\(Column.letter(place.column))\(place.row + 1)"
    }
  }
}
