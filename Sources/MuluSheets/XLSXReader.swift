import Foundation
import ZIPFoundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the visible sheets of an xlsx workbook (Office Open XML SpreadsheetML, as Excel,
/// WPS and LibreOffice save it) with the limits a file from anyone needs: the ZIP container
/// through ZIPFoundation, every part's unpacked size and compression ratio bounded (as
/// stated, then as actually unpacked), the XML through `XMLStream`.
public enum XLSXReader {
  struct Limits: Sendable {
    var entries = 10_000
    /// The unpacked size of one part, and of all parts read.
    var partBytes: UInt64 = 512 << 20
    var totalBytes: UInt64 = 1 << 30
    /// Unpacked ÷ packed, for parts over `ratioFloor` bytes.
    var ratio: UInt64 = 100
    var ratioFloor: UInt64 = 1 << 20
    /// Rows or cells with formatting and no value.
    var emptyRows = 100_000
    var emptyCells = 1_000_000
  }

  /// The most rows a sheet may have (Excel's and LibreOffice's limit).
  public static let rowLimit = 1_048_576

  /// Reads the workbook at `path` (`name` in messages), unpacking its parts below a new folder
  /// in `temporaryBase`, removed afterwards.
  static func read(_ path: String, name: String, temporaryBase: String, limits: Limits = Limits()) throws(SheetFailure)
    -> Workbook
  {
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw .notAWorkbook(name, missing: "ZIP")
    }
    var entries: [String: Entry] = [:]
    var count = 0
    for entry in archive {
      count += 1
      if count > limits.entries { throw .tooManyEntries(count: count, limit: limits.entries) }
      entries[entry.path] = entry
    }
    let folder = try temporaryFolder(in: temporaryBase)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var parts = Parts(archive: archive, entries: entries, folder: folder, limits: limits, name: name)

    let workbookPath = try workbookPart(&parts)
    guard let workbookFile = try parts.extract(workbookPath, required: true) else {
      throw .notAWorkbook(name, missing: workbookPath)
    }
    let (relsPath, targets, sharedStringsPath) = try workbookRelationships(workbookPath, &parts)
    let visible = try visibleSheets(workbookFile, part: workbookPath, targets: targets, relsPath: relsPath, name: name)
    var workbook = visible.workbook
    var shared: [String] = []
    if let path = sharedStringsPath ?? (entries["xl/sharedStrings.xml"] != nil ? "xl/sharedStrings.xml" : nil),
      let file = try parts.extract(path, required: false)
    {
      shared = try sharedStrings(file, part: path)
    }
    for (sheetName, path) in visible.sheets {
      guard let file = try parts.extract(path, required: true) else { throw .notAWorkbook(name, missing: path) }
      workbook.sheets.append(try sheet(file, part: path, name: sheetName, shared: shared, limits: limits))
      try? FileManager.default.removeItem(atPath: file)
    }
    return workbook
  }

  /// The workbook part, from the package's relationships (xl/workbook.xml, as every writer
  /// names it, if none).
  private static func workbookPart(_ parts: inout Parts) throws(SheetFailure) -> String {
    var workbookPath = "xl/workbook.xml"
    if let rootRels = try parts.extract("_rels/.rels", required: false) {
      for relation in try relationships(rootRels, part: "_rels/.rels") where relation.type.hasSuffix("/officeDocument") {
        workbookPath = resolve(relation.target, from: "")
      }
    }
    return workbookPath
  }

  /// The workbook's relationships part, the part each relationship id leads to, and the shared
  /// strings part when it names one.
  private static func workbookRelationships(_ workbookPath: String, _ parts: inout Parts) throws(SheetFailure)
    -> (relsPath: String, targets: [String: String], sharedStrings: String?)
  {
    let base = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
    let relsPath = (base.isEmpty ? "" : base + "/") + "_rels/" + workbookPath.split(separator: "/").last! + ".rels"
    var targets: [String: String] = [:]
    var sharedStringsPath: String? = nil
    if let relsFile = try parts.extract(relsPath, required: false) {
      for relation in try relationships(relsFile, part: relsPath) {
        let target = resolve(relation.target, from: base)
        targets[relation.id] = target
        if relation.type.hasSuffix("/sharedStrings") { sharedStringsPath = target }
      }
    }
    return (relsPath, targets, sharedStringsPath)
  }

  /// The workbook with its date system and hidden sheets (no sheets read yet), and the name and
  /// part of each visible sheet, in the workbook's order.
  private static func visibleSheets(
    _ workbookFile: String, part workbookPath: String, targets: [String: String], relsPath: String, name: String
  ) throws(SheetFailure) -> (workbook: Workbook, sheets: [(name: String, path: String)]) {
    var workbook = Workbook(kind: .xlsx, sheets: [])
    var sheetList: [(name: String, path: String)] = []
    let stream = try XMLStream(file: workbookFile, part: workbookPath)
    while let node = try stream.next() {
      guard case .start(let element, _) = node else { continue }
      switch element {
      case .workbookPr:
        let value = stream.attribute("date1904")
        workbook.date1904 = value == "1" || value == "true"
      case .sheet:
        let attributes = stream.attributes()
        let sheetName = attributes["name"] ?? "?"
        if let state = attributes["state"], state != "visible" {
          workbook.hiddenSheets.append(sheetName)
          continue
        }
        guard let id = attributes["id"], let target = targets[id] else {
          throw .notAWorkbook(name, missing: "\(relsPath) (\(sheetName))")
        }
        sheetList.append((sheetName, target))
      default:
        break
      }
    }
    return (workbook, sheetList)
  }

  /// The parts unpacked so far, with the limits on their sizes.
  private struct Parts {
    let archive: Archive
    let entries: [String: Entry]
    let folder: String
    let limits: Limits
    let name: String
    var unpacked: UInt64 = 0
    var count = 0

    /// Unpacks a part to a file of its own; nil when absent and not required.
    mutating func extract(_ path: String, required: Bool) throws(SheetFailure) -> String? {
      guard let entry = entries[path] ?? entries["/" + path] else {
        if required { throw .notAWorkbook(name, missing: path) }
        return nil
      }
      let stated = entry.uncompressedSize
      let packed = max(entry.compressedSize, 1)
      if stated > limits.partBytes { throw .partTooLarge(part: path, size: stated, limit: limits.partBytes) }
      if stated > limits.ratioFloor && stated / packed > limits.ratio {
        throw .compressionRatio(part: path, ratio: stated / packed, limit: limits.ratio)
      }
      count += 1
      let file = folder + "/part\(count).xml"
      guard FileManager.default.createFile(atPath: file, contents: nil), let handle = FileHandle(forWritingAtPath: file)
      else { throw .unreadable(name, reason: "cannot write \(file)") }
      defer { try? handle.close() }
      // The sizes an archive states may lie: the bytes are counted as they come.
      var written: UInt64 = 0
      let partLimit = min(limits.partBytes, stated)
      let totalLimit = limits.totalBytes
      let before = unpacked
      var failure: SheetFailure? = nil
      do {
        _ = try archive.extract(entry, skipCRC32: false) { data in
          written += UInt64(data.count)
          if written > partLimit {
            failure = .partTooLarge(part: path, size: written, limit: partLimit)
            throw CocoaError(.fileReadTooLarge)
          }
          if before + written > totalLimit {
            failure = .partTooLarge(part: path, size: before + written, limit: totalLimit)
            throw CocoaError(.fileReadTooLarge)
          }
          try handle.write(contentsOf: data)
        }
      } catch {
        if let failure { throw failure }
        throw .malformed(part: path, line: 0, reason: "cannot unpack: \(error)")
      }
      unpacked += written
      return file
    }
  }

  private static func temporaryFolder(in base: String) throws(SheetFailure) -> String {
    var template = Array((base + "/mulu-sheet-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw .unreadable(base, reason: String(cString: strerror(errno))) }
    return String(cString: made)
  }

  // MARK: Parts

  private struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  private static func relationships(_ file: String, part: String) throws(SheetFailure) -> [Relationship] {
    let stream = try XMLStream(file: file, part: part)
    var found: [Relationship] = []
    while let node = try stream.next() {
      guard case .start(.relationship, _) = node else { continue }
      let attributes = stream.attributes()
      if attributes["TargetMode"] == "External" { continue }
      found.append(
        Relationship(id: attributes["Id"] ?? "", type: attributes["Type"] ?? "", target: attributes["Target"] ?? ""))
    }
    return found
  }

  /// A relationship's target as a path in the package.
  private static func resolve(_ target: String, from base: String) -> String {
    var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
    for part in target.split(separator: "/") {
      if part == "." { continue }
      if part == ".." { _ = parts.popLast(); continue }
      parts.append(part)
    }
    return parts.joined(separator: "/")
  }

  private static func sharedStrings(_ file: String, part: String) throws(SheetFailure) -> [String] {
    let stream = try XMLStream(file: file, part: part)
    var strings: [String] = []
    var current = ""
    var inItem = false
    var inText = false
    var phonetic = 0
    while let node = try stream.next() {
      switch node {
      case .start(.si, let isEmpty):
        current = ""
        inItem = true
        if isEmpty {
          strings.append("")
          inItem = false
        }
      case .end(.si):
        strings.append(OOXMLText.decoded(current))
        inItem = false
      case .start(.rPh, let isEmpty):
        if !isEmpty { phonetic += 1 }
      case .end(.rPh):
        phonetic -= 1
      case .start(.t, let isEmpty):
        inText = !isEmpty
      case .end(.t):
        inText = false
      case .text where inItem && inText && phonetic == 0:
        current += stream.text
      default:
        break
      }
    }
    return strings
  }

  private static func sheet(_ file: String, part: String, name: String, shared: [String], limits: Limits)
    throws(SheetFailure) -> SheetData
  {
    let stream = try XMLStream(file: file, part: part)
    var sheet = SheetReading(data: SheetData(name: name), limits: limits, shared: shared, part: part)
    while let node = try stream.next() {
      switch node {
      case .start(.sheetData, let isEmpty):
        sheet.inSheetData = !isEmpty
      case .end(.sheetData):
        sheet.inSheetData = false
      case .start(.row, let isEmpty) where sheet.inSheetData:
        try sheet.startRow(stream.attribute("r"), isEmpty: isEmpty)
      case .end(.row) where sheet.inSheetData:
        try sheet.endRow()
      case .start(.c, let isEmpty) where sheet.inSheetData:
        try sheet.startCell(reference: stream.attribute("r"), type: stream.attribute("t"), isEmpty: isEmpty)
      case .end(.c) where sheet.inSheetData:
        try sheet.endCell(stream)
      case .start(.v, let isEmpty) where sheet.inSheetData:
        sheet.reading = isEmpty ? nil : .v
        if isEmpty { sheet.value = "" } else if sheet.value == nil { sheet.value = "" }
      case .start(.f, _) where sheet.inSheetData:
        sheet.isFormula = true
        sheet.reading = nil
      case .start(.is, _) where sheet.inSheetData:
        sheet.inlineText = ""
      case .start(.rPh, let isEmpty) where sheet.inSheetData:
        if !isEmpty { sheet.phonetic += 1 }
      case .end(.rPh) where sheet.inSheetData:
        sheet.phonetic -= 1
      case .start(.t, let isEmpty) where sheet.inSheetData && sheet.inlineText != nil:
        sheet.reading = isEmpty ? nil : .t
      case .end(.v), .end(.t):
        sheet.reading = nil
      case .text where sheet.inSheetData:
        if sheet.reading == .v {
          sheet.value = (sheet.value ?? "") + stream.text
        } else if sheet.reading == .t && sheet.phonetic == 0 {
          sheet.inlineText = (sheet.inlineText ?? "") + stream.text
        }
      case .start(.mergeCell, _):
        if let reference = stream.attribute("ref"), let range = CellRange(reference) { sheet.data.merges.append(range) }
      default:
        break
      }
    }
    var data = sheet.data
    // Rows stand in order in every writer's sheets; one that does not is put in order.
    if !data.rows.indices.dropFirst().allSatisfy({ data.rows[$0 - 1].number < data.rows[$0].number }) {
      data.rows.sort { $0.number < $1.number }
    }
    return data
  }

  /// Where the reading of one sheet's XML stands: the rows read, the row and the cell being
  /// read, and the rows and cells with formatting and nothing else, counted against their limits.
  private struct SheetReading {
    var data: SheetData
    let limits: Limits
    let shared: [String]
    let part: String
    var inSheetData = false
    var rowNumber = -1
    var cells: [Cell?] = []
    var rowHasValue = false
    var emptyRows = 0
    var emptyCells = 0
    // The cell being read.
    var column = -1
    var type = ""
    var value: String? = nil
    var inlineText: String? = nil
    var isFormula = false
    var reading: XMLStream.Name? = nil
    var phonetic = 0

    /// A row begins: its number from its `r` attribute, else the one after the last.
    mutating func startRow(_ reference: String?, isEmpty: Bool) throws(SheetFailure) {
      if let reference, let number = Int(reference), number > 0 {
        rowNumber = number - 1
      } else {
        rowNumber += 1
      }
      if rowNumber >= XLSXReader.rowLimit { throw .tooManyRows(sheet: data.name, limit: XLSXReader.rowLimit) }
      cells = []
      column = -1
      rowHasValue = false
      if isEmpty { try countEmptyRow() }
    }

    /// A row ends: kept when a cell of it holds a value.
    mutating func endRow() throws(SheetFailure) {
      if rowHasValue {
        data.rows.append(Row(number: rowNumber, cells: cells))
      } else {
        try countEmptyRow()
      }
    }

    /// A cell begins: its column from its `r` attribute, else the one after the last.
    mutating func startCell(reference: String?, type: String?, isEmpty: Bool) throws(SheetFailure) {
      if let reference, let position = CellRange.position(reference) {
        column = position.column
      } else {
        column += 1
      }
      self.type = type ?? "n"
      value = nil
      inlineText = nil
      isFormula = false
      if isEmpty { try countEmptyCell() }
    }

    /// A cell ends: its value goes into the row, or, beyond the last column read, is noted as
    /// the first cell out there.
    mutating func endCell(_ stream: XMLStream) throws(SheetFailure) {
      guard let cell = try cellValue(type: type, value: value, inlineText: inlineText, shared: shared, in: stream, part: part)
      else { return try countEmptyCell() }
      if column >= SheetData.columnLimit {
        if data.farCell == nil { data.farCell = (rowNumber, column) }
      } else {
        if cells.count <= column { cells.append(contentsOf: repeatElement(nil, count: column + 1 - cells.count)) }
        cells[column] = Cell(value: cell, isFormula: isFormula)
        rowHasValue = true
      }
    }

    mutating func countEmptyRow() throws(SheetFailure) {
      emptyRows += 1
      if emptyRows > limits.emptyRows { throw .emptyRows(sheet: data.name, count: emptyRows, limit: limits.emptyRows) }
    }

    mutating func countEmptyCell() throws(SheetFailure) {
      emptyCells += 1
      if emptyCells > limits.emptyCells { throw .emptyRows(sheet: data.name, count: emptyCells, limit: limits.emptyCells) }
    }
  }

  /// What a cell of `type` (its `t` attribute) holds, from its value or inline text (nil: nothing).
  private static func cellValue(
    type: String, value: String?, inlineText: String?, shared: [String], in stream: XMLStream, part: String
  ) throws(SheetFailure) -> CellValue? {
    switch type {
    case "s":
      guard let value, let index = Int(value) ?? Int(value.trimmingWhitespaceAndNewlines()) else { return nil }
      guard index >= 0 && index < shared.count else {
        throw .malformed(part: part, line: stream.line, reason: "shared string \(index) does not exist")
      }
      return .text(shared[index])
    case "inlineStr": return inlineText.map { .text(OOXMLText.decoded($0)) }
    case "str": return value.map { .text(OOXMLText.decoded($0)) }
    case "b": return value.map { .boolean($0.trimmingWhitespaceAndNewlines() == "1") }
    case "e": return value.map { .error($0) }
    case "d": return value.map { .text($0) }
    default: return value.map { .number(Double($0) != nil ? $0 : $0.trimmingWhitespaceAndNewlines()) }
    }
  }
}
