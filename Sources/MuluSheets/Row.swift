/// One row as read: its zero-based number, and its cells by zero-based column.
struct Row: Sendable {
  var number: Int
  var cells: [Cell?]

  subscript(column: Int) -> Cell? { column < cells.count ? cells[column] : nil }
}
