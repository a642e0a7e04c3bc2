/// What a workbook or CSV file held: its sheets, and what reading it had to say.
struct Workbook: Sendable {
  enum Kind: Sendable { case xlsx, csv }

  var kind: Kind
  /// The visible sheets, in the workbook's order.
  var sheets: [SheetData]
  /// The names of the hidden sheets, which are not read.
  var hiddenSheets: [String] = []
  /// Dates count from 1904, not 1900 (old Excel for the Mac).
  var date1904 = false
  /// The encoding a CSV file was read in.
  var encoding: CSV.Encoding? = nil
}
