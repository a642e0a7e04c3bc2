import Foundation
import ZIPFoundation

/// Writes a workbook as minimal SpreadsheetML (ECMA-376): a data sheet whose cells are all
/// text (shared strings, in columns formatted as text so that what an editor types stays
/// text too), a frozen header row, drop-down lists for the enumerated columns, column widths
/// that fit the text, and a second sheet that explains the columns. The ZIP container is
/// written by ZIPFoundation; the bytes are the same for the same rows.
enum XLSXWriter {
  /// A sheet to write: its name, rows of text (the first is the header), column widths in
  /// characters, and the lists its columns offer.
  struct Sheet {
    var name: String
    var rows: [[String]]
    var widths: [Int]
    var choices: [Int: [String]] = [:]
    /// A prompt shown when a cell of the column is selected: (title, text).
    var prompts: [Int: (String, String)] = [:]
    /// Columns whose text wraps.
    var wrapped: Set<Int> = []
  }

  /// The date every entry of the archive carries, so that equal workbooks are equal bytes.
  static let entryDate = Date(timeIntervalSince1970: 315_532_800 + 86_400)

  static func write(_ sheets: [Sheet], to path: String) throws(SheetFailure) {
    var strings = SharedStrings()
    var parts: [(String, [UInt8])] = []
    for (index, sheet) in sheets.enumerated() {
      parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, selected: index == 0, strings: &strings)))
    }
    parts.insert(contentsOf: [
      ("[Content_Types].xml", Array(contentTypes(sheets.count).utf8)),
      ("_rels/.rels", Array(rootRelationships.utf8)),
      ("xl/workbook.xml", Array(workbook(sheets).utf8)),
      ("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheets.count).utf8)),
      ("xl/styles.xml", Array(styles.utf8)),
    ], at: 0)
    parts.append(("xl/sharedStrings.xml", strings.xml()))
    parts.append(("docProps/app.xml", Array(application.utf8)))

    let temporary = path + ".mulu-\(getpid())-tmp"
    unlink(temporary)
    do {
      let archive = try Archive(url: URL(fileURLWithPath: temporary), accessMode: .create)
      for (name, bytes) in parts {
        try archive.addEntry(
          with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: entryDate,
          compressionMethod: .deflate
        ) { position, size in
          let start = Int(position)
          return bytes.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[start..<min(start + size, $0.count)])) }
        }
      }
    } catch {
      unlink(temporary)
      throw .cannotWrite(path, reason: "\(error)")
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .cannotWrite(path, reason: reason)
    }
  }

  // MARK: Cell styles (indexes into cellXfs of `styles`)

  static let textStyle = 1
  static let headerStyle = 2
  static let wrappedStyle = 3

  // MARK: Parts

  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

  private static func contentTypes(_ sheetCount: Int) -> String {
    var out = declaration
    out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    for index in 1...sheetCount {
      out += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    out += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
    out += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    out += "</Types>"
    return out
  }

  private static let rootRelationships =
    declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relationshipsNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"\(relationshipsNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  private static let application =
    declaration
    + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
    + "<Application>mulu</Application></Properties>"

  private static func workbook(_ sheets: [Sheet]) -> String {
    var out = declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNamespace)\">"
    out += "<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
    for (index, sheet) in sheets.enumerated() {
      out += "<sheet name=\"\(escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }
    out += "</sheets></workbook>"
    return out
  }

  private static func workbookRelationships(_ sheetCount: Int) -> String {
    var out = declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
    for index in 1...sheetCount {
      out += "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipsNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
    }
    out += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipsNamespace)/styles\" Target=\"styles.xml\"/>"
    out += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipsNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    out += "</Relationships>"
    return out
  }

  /// Fonts: normal, bold. Fills: the two every workbook has, and the header's. Cell formats:
  /// 0 default, 1 text (number format 49, "@"), 2 header (bold, filled, text, wrapped),
  /// 3 text that wraps.
  private static let styles =
    declaration + "<styleSheet xmlns=\"\(main)\">"
    + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>"
    + "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>"
    + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
    + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
    + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    + "<cellXfs count=\"4\">"
    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"1\"/></xf>"
    + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
    + "</cellXfs>"
    + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    + "</styleSheet>"

  private static func worksheet(_ sheet: Sheet, selected: Bool, strings: inout SharedStrings) -> [UInt8] {
    let columnCount = max(sheet.widths.count, sheet.rows.map(\.count).max() ?? 0, 1)
    let lastColumn = Column.letter(columnCount - 1)
    var out: [UInt8] = []
    out.reserveCapacity(sheet.rows.count * columnCount * 24 + 4096)
    func put(_ text: String) { out.append(contentsOf: text.utf8) }
    put(declaration)
    put("<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNamespace)\">")
    put("<dimension ref=\"A1:\(lastColumn)\(max(sheet.rows.count, 1))\"/>")
    put("<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>")
    put("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
    put("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
    put("<sheetFormatPr defaultRowHeight=\"15\"/>")
    put("<cols>")
    for column in 0..<columnCount {
      let width = column < sheet.widths.count ? sheet.widths[column] : 10
      let style = sheet.wrapped.contains(column) ? wrappedStyle : textStyle
      put("<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\" style=\"\(style)\" customWidth=\"1\"/>")
    }
    put("</cols><sheetData>")
    var letters: [[UInt8]] = (0..<columnCount).map { Array(Column.letter($0).utf8) }
    for (rowIndex, row) in sheet.rows.enumerated() {
      let number = Array(String(rowIndex + 1).utf8)
      put("<row r=\"")
      out.append(contentsOf: number)
      put("\">")
      let style = rowIndex == 0 ? Array(String(headerStyle).utf8) : []
      for (column, value) in row.enumerated() where !value.isEmpty {
        if column >= letters.count { letters.append(Array(Column.letter(column).utf8)) }
        put("<c r=\"")
        out.append(contentsOf: letters[column])
        out.append(contentsOf: number)
        put("\" s=\"")
        if rowIndex == 0 {
          out.append(contentsOf: style)
        } else {
          put(String(sheet.wrapped.contains(column) ? wrappedStyle : textStyle))
        }
        put("\" t=\"s\"><v>")
        put(String(strings.index(value)))
        put("</v></c>")
      }
      put("</row>")
    }
    put("</sheetData>")
    let lists = sheet.choices.keys.sorted()
    let prompted = sheet.prompts.keys.filter { sheet.choices[$0] == nil }.sorted()
    if !lists.isEmpty || !prompted.isEmpty {
      put("<dataValidations count=\"\(lists.count + prompted.count)\">")
      for column in lists {
        let range = "\(Column.letter(column))2:\(Column.letter(column))1048576"
        var attributes = "type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\""
        if let (title, text) = sheet.prompts[column] {
          attributes += " showInputMessage=\"1\" promptTitle=\"\(escaped(title))\" prompt=\"\(escaped(text))\""
        }
        put("<dataValidation \(attributes) sqref=\"\(range)\">")
        put("<formula1>\"" + escaped(sheet.choices[column]!.joined(separator: ",")) + "\"</formula1></dataValidation>")
      }
      for column in prompted {
        let range = "\(Column.letter(column))2:\(Column.letter(column))1048576"
        let (title, text) = sheet.prompts[column]!
        put("<dataValidation allowBlank=\"1\" showInputMessage=\"1\" promptTitle=\"\(escaped(title))\" prompt=\"\(escaped(text))\" sqref=\"\(range)\"/>")
      }
      put("</dataValidations>")
    }
    put("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
    put("</worksheet>")
    return out
  }

  /// The text of the cells, each distinct value once.
  struct SharedStrings {
    var indexes: [String: Int] = [:]
    var values: [String] = []
    var count = 0

    mutating func index(_ value: String) -> Int {
      count += 1
      if let index = indexes[value] { return index }
      let index = values.count
      indexes[value] = index
      values.append(value)
      return index
    }

    func xml() -> [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(values.reduce(0) { $0 + $1.utf8.count + 40 } + 256)
      out.append(contentsOf: XLSXWriter.declaration.utf8)
      out.append(contentsOf: "<sst xmlns=\"\(XLSXWriter.main)\" count=\"\(count)\" uniqueCount=\"\(values.count)\">".utf8)
      for value in values {
        let encoded = OOXMLText.encoded(value)
        let preserve = encoded.first.map(\.isWhitespace) == true || encoded.last.map(\.isWhitespace) == true
        out.append(contentsOf: (preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>").utf8)
        XLSXWriter.appendEscaped(encoded, to: &out)
        out.append(contentsOf: "</t></si>".utf8)
      }
      out.append(contentsOf: "</sst>".utf8)
      return out
    }
  }

  /// Text escaped for XML content and attribute values.
  static func escaped(_ text: String) -> String {
    var out: [UInt8] = []
    appendEscaped(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  static func appendEscaped(_ text: String, to out: inout [UInt8]) {
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
      case 0x0D: out.append(contentsOf: "&#13;".utf8)
      default: out.append(byte)
      }
    }
  }
}
