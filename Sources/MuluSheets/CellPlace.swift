import MuluCatalog

/// Where a cell stands: the sheet (by its index among the workbook's visible sheets), the
/// zero-based row and column.
struct CellPlace: Sendable, Hashable {
  var sheet: Int
  var row: Int
  var column: Int
}
