import MuluCatalog

/// Reads the rows of a workbook's catalog sheets, saying what it had to do to each cell.
struct SheetTable {
  var rows: [TableRow] = []
  var findings: [Finding] = []
  /// The merged ranges of the catalog sheets that span rows.
  var merges: [(sheet: Int, range: CellRange)] = []
  /// Sheets not read, and why.
  var notes: [LocalizedText] = []
  let locator: Locator

  init(_ workbook: Workbook, file: String) throws(SheetFailure) {
    locator = Locator(file: file, kind: workbook.kind, sheetNames: workbook.sheets.map(\.name))
    for hidden in workbook.hiddenSheets {
      findings.append(
        Finding(
          rule: "sheet.hidden", severity: .warning, path: "\(file)!\(hidden)",
          message: LocalizedText(zh: "隐藏的工作表“\(hidden)”未导入", en: "hidden sheet \(hidden) is not imported"),
          hint: LocalizedText(zh: "要导入它，先取消隐藏", en: "unhide it to import it")))
    }
    var found = false
    for (index, sheet) in workbook.sheets.enumerated() {
      guard let header = sheet.rows.first, header.number == 0, isCatalogHeader(header) else {
        if !(sheet.rows.first.map(isExplanation) ?? true) || workbook.kind == .csv {
          notes.append(
            LocalizedText(
              zh: "工作表“\(sheet.name)”第 1 行不是目录列名，未导入", en: "sheet \(sheet.name) has no catalog header in row 1; not imported"))
        }
        continue
      }
      found = true
      try read(sheet, index: index, header: header, date1904: workbook.date1904, csv: workbook.kind == .csv)
    }
    if !found { throw .noCatalogSheet(file) }
  }

  private func text(_ cell: Cell?) -> String {
    guard let cell else { return "" }
    switch cell.value {
    case .text(let text), .number(let text), .error(let text): return text.trimmingWhitespace()
    case .boolean(let value): return value ? "TRUE" : "FALSE"
    }
  }

  private func isCatalogHeader(_ row: Row) -> Bool {
    let titles = Set(row.cells.map(text))
    return titles.contains(Column.code.title) && titles.contains(Column.name.title)
  }

  private func isExplanation(_ row: Row) -> Bool {
    row.cells.prefix(CatalogWorkbook.explanationHeader.count).map(text) == CatalogWorkbook.explanationHeader
  }

  /// Unicode's White_Space, as `trimmingWhitespace` trims it, without a table lookup.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  /// The most cells merged cells may fill.
  static let mergedCellLimit = 2_000_000

  /// The first index of a sorted list whose value is at least `value`.
  static func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  private mutating func read(_ sheet: SheetData, index: Int, header: Row, date1904: Bool, csv: Bool) throws(SheetFailure) {
    let (columns, known) = headerColumns(header, sheet: index)
    let missing = Column.allCases.filter { columns[$0.rawValue] < 0 }
    if !missing.isEmpty {
      findings.append(
        locator.finding(
          "sheet.column-missing", .error, at: CellPlace(sheet: index, row: 0, column: 0),
          message: LocalizedText(
            zh: "缺少列：\(missing.map(\.title).joined(separator: "、"))",
            en: "missing columns: \(missing.map(\.title).joined(separator: ", "))"),
          hint: LocalizedText(
            zh: "不要删除列；不用的列留空即可", en: "do not delete columns; leave the ones you do not use empty")))
      return
    }
    if let far = sheet.farCell {
      findings.append(outside(CellPlace(sheet: index, row: far.row, column: far.column)))
    }
    let merged = try mergedCells(sheet)
    let byTitle = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0.title, $0) })
    var columnAt: [Column?] = Array(repeating: nil, count: header.cells.count)
    for (position, cell) in header.cells.enumerated() where known.contains(position) {
      columnAt[position] = byTitle[text(cell)]
    }
    for row in sheet.rows.dropFirst() {
      var values = Array(repeating: "", count: Column.allCases.count)
      for (position, stored) in row.cells.enumerated() {
        guard let cell = stored ?? merged[row.number]?[position] else { continue }
        let place = CellPlace(sheet: index, row: row.number, column: position)
        guard known.contains(position) else {
          if !text(cell).isEmpty { findings.append(outside(place)) }
          continue
        }
        let column = columnAt[position]!
        values[column.rawValue] = value(cell, column: column, at: place, date1904: date1904, csv: csv)
      }
      if let extra = merged[row.number] {
        for (position, cell) in extra where position >= row.cells.count && known.contains(position) {
          let column = columnAt[position]!
          let place = CellPlace(sheet: index, row: row.number, column: position)
          values[column.rawValue] = value(cell, column: column, at: place, date1904: date1904, csv: csv)
        }
      }
      if values.allSatisfy(\.isEmpty) { continue }
      rows.append(TableRow(sheet: index, row: row.number, values: values, columns: columns))
    }
    merges += sheet.merges.filter { $0.lastRow > $0.firstRow && $0.lastRow > 0 }.map { (index, $0) }
  }

  /// The position of each column in the header row (-1: missing), and the positions that hold
  /// a column; an unknown title or a column given twice is a finding.
  private mutating func headerColumns(_ header: Row, sheet index: Int) -> (columns: [Int], known: Set<Int>) {
    let byTitle = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0.title, $0) })
    var columns = Array(repeating: -1, count: Column.allCases.count)
    var known = Set<Int>()
    for (position, cell) in header.cells.enumerated() {
      let title = text(cell)
      if title.isEmpty { continue }
      let place = CellPlace(sheet: index, row: 0, column: position)
      guard let column = byTitle[title] else {
        findings.append(
          locator.finding(
            "sheet.column-unknown", .error, at: place,
            message: LocalizedText(zh: "未知的列“\(title)”：其内容无处存放", en: "unknown column \(title): its values have no place"),
            hint: LocalizedText(zh: "列名见 mulu template 生成的模板", en: "the column names are those of mulu template")))
        continue
      }
      if columns[column.rawValue] >= 0 {
        findings.append(
          locator.finding(
            "sheet.column-duplicate", .error, at: place,
            message: LocalizedText(zh: "列“\(title)”出现了两次", en: "column \(title) appears twice"),
            hint: LocalizedText(zh: "删去其中一列", en: "delete one of them")))
        continue
      }
      columns[column.rawValue] = position
      known.insert(position)
    }
    return (columns, known)
  }

  /// Merged cells: the value of the first cell stands for all of them (for the rows that hold
  /// data; a merge over empty rows says nothing), by row number and column.
  private func mergedCells(_ sheet: SheetData) throws(SheetFailure) -> [Int: [Int: Cell]] {
    var merged: [Int: [Int: Cell]] = [:]
    var positions: [Int: Int] = [:]
    for (position, row) in sheet.rows.enumerated() where positions[row.number] == nil { positions[row.number] = position }
    let numbers = positions.keys.sorted()
    var filled = 0
    for range in sheet.merges where range.lastRow > 0 && range.firstColumn < SheetData.columnLimit {
      guard let at = positions[range.firstRow], let source = sheet.rows[at][range.firstColumn] else { continue }
      let lastColumn = min(range.lastColumn, SheetData.columnLimit - 1)
      var next = SheetTable.lowerBound(numbers, max(range.firstRow, 1))
      while next < numbers.count && numbers[next] <= range.lastRow {
        let row = numbers[next]
        for column in range.firstColumn...lastColumn where !(row == range.firstRow && column == range.firstColumn) {
          merged[row, default: [:]][column] = source
          filled += 1
        }
        if filled > SheetTable.mergedCellLimit {
          throw .tooManyMergedCells(sheet: sheet.name, limit: SheetTable.mergedCellLimit)
        }
        next += 1
      }
    }
    return merged
  }

  private func outside(_ place: CellPlace) -> Finding {
    locator.finding(
      "sheet.outside-columns", .error, at: place,
      message: LocalizedText(zh: "单元格有内容但不在任何目录列下", en: "the cell has a value but stands under no catalog column"),
      hint: LocalizedText(zh: "把内容移到相应的列，或删去", en: "move it into its column, or delete it"))
  }

  /// The text a cell gives its column, with what had to be done to it said.
  private mutating func value(_ cell: Cell, column: Column, at place: CellPlace, date1904: Bool, csv: Bool) -> String {
    guard var result = storedText(cell, column: column, at: place, date1904: date1904, csv: csv) else { return "" }
    if cell.isFormula {
      findings.append(
        locator.finding(
          "sheet.formula", .warning, at: place,
          message: LocalizedText(
            zh: "单元格是公式，使用其计算结果“\(result.oneLine)”", en: "the cell holds a formula; its cached value \"\(result.oneLine)\" is used"),
          hint: LocalizedText(zh: "用值替换公式（复制后选择性粘贴为值）", en: "replace the formula by its value (copy, paste values)")))
    }
    if let first = result.unicodeScalars.first, let last = result.unicodeScalars.last,
      SheetTable.isSpace(first) || SheetTable.isSpace(last)
    {
      let trimmed = result.trimmingWhitespace()
      findings.append(
        locator.finding(
          "sheet.trimmed", .warning, at: place,
          message: LocalizedText(
            zh: "已删去首尾的空格（含全角空格）", en: "spaces at either end (full-width ones too) were removed"),
          hint: LocalizedText(zh: "单元格首尾不要留空格", en: "leave no spaces at either end of a cell")))
      result = trimmed
    }
    if csv && column.holdsCodes && SheetNumbers.isScientific(result) {
      findings.append(codeAsNumber(place, column: column, shown: result))
      return ""
    }
    return inColumnTerms(result, column: column, csv: csv)
  }

  /// The text a cell stores, as its column reads it (a date serial as a date, a number as its
  /// digits, a CSV field unescaped); nil when the cell gives its column nothing: an error
  /// value, or a code stored as a number.
  private mutating func storedText(_ cell: Cell, column: Column, at place: CellPlace, date1904: Bool, csv: Bool) -> String? {
    switch cell.value {
    case .error(let code):
      findings.append(
        locator.finding(
          "sheet.formula-error", .error, at: place,
          message: LocalizedText(zh: "单元格是错误值 \(code)", en: "the cell holds the error value \(code)"),
          hint: LocalizedText(zh: "填入值本身", en: "enter the value itself")))
      return nil
    case .boolean(let value):
      return column == .toPublic ? (value ? "是" : "否") : (value ? "TRUE" : "FALSE")
    case .number(let digits):
      if column.holdsCodes {
        // Refused; the cell says nothing more, so that the resource's other rows raise no conflict.
        findings.append(codeAsNumber(place, column: column, shown: digits))
        return nil
      }
      if column.holdsDate, let serial = Double(digits), let date = SheetDates.date(serial: serial, date1904: date1904) {
        return date
      }
      return SheetNumbers.text(digits)
    case .text(let text):
      return csv ? CSV.unescaped(text) : text
    }
  }

  /// A text in the form its column's field wants: a date as YYYY-MM-DD (a CSV date serial too),
  /// a data type by its letter code, 是/否 for TRUE/FALSE.
  private func inColumnTerms(_ text: String, column: Column, csv: Bool) -> String {
    var result = text
    if column.holdsDate, !result.isEmpty {
      if csv, let serial = Double(result), result.allSatisfy(\.isASCIIDigit),
        let date = SheetDates.date(serial: serial, date1904: false)
      {
        result = date
      } else if let date = SheetDates.normalized(result) {
        result = date
      }
    }
    if column == .itemType, let code = ItemTypeNames.code(result) { result = code }
    if column == .toPublic {
      switch result.uppercased() {
      case "TRUE": result = "是"
      case "FALSE": result = "否"
      default: break
      }
    }
    return result
  }

  private func codeAsNumber(_ place: CellPlace, column: Column, shown: String) -> Finding {
    locator.finding(
      "sheet.code-number", .error, at: place,
      message: LocalizedText(
        zh: "\(column.title)存成了数字（\(shown)），会丢失前导零或末几位",
        en: "\(column.title) is stored as a number (\(shown)), which loses leading zeros or digits"),
      hint: LocalizedText(
        zh: "把该列设为文本格式后重新输入代码", en: "format the column as text and enter the code again"))
  }
}
