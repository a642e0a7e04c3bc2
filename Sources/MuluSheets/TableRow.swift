import MuluCatalog

/// One data row of a catalog sheet, its cells read in the terms of their columns.
struct TableRow: Sendable {
  var sheet: Int
  var row: Int
  /// The text of each column (empty where the cell is).
  var values: [String]
  /// The column of the sheet each column stands in.
  var columns: [Int]

  subscript(column: Column) -> String { values[column.rawValue] }

  func place(_ column: Column) -> CellPlace { CellPlace(sheet: sheet, row: row, column: columns[column.rawValue]) }

  /// Whether the resource columns (not the item columns) are all empty.
  var describesNoResource: Bool { Column.allCases.allSatisfy { $0.isItem || values[$0.rawValue].isEmpty } }

  var hasItem: Bool { !self[.itemName].isEmpty || !self[.itemType].isEmpty || !self[.itemLength].isEmpty }
}
