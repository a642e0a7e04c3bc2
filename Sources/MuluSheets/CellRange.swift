/// A rectangle of cells, zero-based, inclusive.
struct CellRange: Sendable, Equatable {
  var firstRow: Int
  var firstColumn: Int
  var lastRow: Int
  var lastColumn: Int

  /// `A2:C5`, or one cell `B3`.
  init?(_ reference: String) {
    let parts = reference.split(separator: ":")
    guard let first = parts.first.flatMap({ CellRange.position(String($0)) }) else { return nil }
    let last = parts.count > 1 ? CellRange.position(String(parts[1])) : first
    guard let last else { return nil }
    firstRow = min(first.row, last.row)
    lastRow = max(first.row, last.row)
    firstColumn = min(first.column, last.column)
    lastColumn = max(first.column, last.column)
  }

  var text: String {
    "\(Column.letter(firstColumn))\(firstRow + 1):\(Column.letter(lastColumn))\(lastRow + 1)"
  }

  /// A cell reference (`AB12`, `$A$1`) as zero-based row and column.
  static func position(_ reference: String) -> (row: Int, column: Int)? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in reference.utf8 {
      switch byte {
      case UInt8(ascii: "$"): continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
        column = column * 26 + Int(byte - 64)
        letters += 1
      case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
        column = column * 26 + Int(byte - 96)
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        row = row * 10 + Int(byte - 48)
        digits += 1
      default: return nil
      }
      if letters > 3 || digits > 7 { return nil }
    }
    guard letters > 0, digits > 0, row > 0 else { return nil }
    return (row - 1, column - 1)
  }
}
