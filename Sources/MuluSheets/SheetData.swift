/// One sheet as read: its rows that hold something, in order.
struct SheetData: Sendable {
  /// The columns read; a value further right is named in `farCell`.
  static let columnLimit = 64

  var name: String
  var rows: [Row] = []
  var merges: [CellRange] = []
  /// The first cell with a value right of `columnLimit`, as (row, column).
  var farCell: (row: Int, column: Int)? = nil
}
