/// A cell as a file stores it, before a column gives it meaning.
enum CellValue: Sendable, Equatable {
  case text(String)
  /// A number, as its digits are stored (`18`, `46082`, `1.1100000000009E+17`).
  case number(String)
  case boolean(Bool)
  /// An error value of a formula (`#N/A`).
  case error(String)
}
