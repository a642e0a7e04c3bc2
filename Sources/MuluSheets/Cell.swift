struct Cell: Sendable {
  var value: CellValue
  /// Whether the cell holds a formula (whose cached value `value` is).
  var isFormula = false
}
