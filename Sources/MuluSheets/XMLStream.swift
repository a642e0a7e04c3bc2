import CXML2

/// A part of a workbook read as a stream of XML nodes, through libxml2's reader: a part of
/// hundreds of megabytes is read from its file in small pieces, never held as a tree.
///
/// Workbook parts come from whoever sent the file, so the reader is set up to trust none of
/// it: no network, no external DTD or entity loaded (the loader refuses every request), no
/// entity substituted, libxml2's own limits on text and depth left on, and a part with a
/// document type declaration at all (which SpreadsheetML never has; it is where entity
/// expansion bombs and external entities live) refused at that node.
final class XMLStream {
  enum Node {
    case start(Name, isEmpty: Bool)
    case end(Name)
    case text
    case other
  }

  /// The local names mulu looks for (namespace prefixes do not matter).
  enum Name: UInt8 {
    case sheetData, row, c, v, f, `is`, t, r, rPh, mergeCell, sheet, sheets, workbookPr, relationship, si, other
  }

  private let reader: xmlTextReaderPtr
  private let part: String

  private static let setUp: Void = {
    xmlInitParser()
    // No external entity, DTD or schema is ever fetched, whatever a part asks.
    xmlSetExternalEntityLoader { _, _, _ in nil }
  }()

  /// Opens a part extracted to `file`; `part` names it in messages.
  init(file: String, part: String) throws(SheetFailure) {
    XMLStream.setUp
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    guard let reader = xmlReaderForFile(file, nil, options) else {
      throw .malformed(part: part, line: 0, reason: "cannot open")
    }
    self.reader = reader
    self.part = part
  }

  deinit {
    xmlFreeTextReader(reader)
  }

  /// The next node; nil at the end of the part.
  func next() throws(SheetFailure) -> Node? {
    let status = xmlTextReaderRead(reader)
    if status == 0 { return nil }
    guard status == 1 else { throw failure() }
    switch xmlTextReaderNodeType(reader) {
    case 1: return .start(name(), isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
    case 15: return .end(name())
    case 3, 4, 13, 14: return .text
    case 10, 6, 17: throw .documentType(part: part)
    default: return .other
    }
  }

  /// The text of the current text node.
  var text: String {
    guard let value = xmlTextReaderConstValue(reader) else { return "" }
    return String(cString: value)
  }

  /// The attributes of the current element, by local name.
  func attributes() -> [String: String] {
    var found: [String: String] = [:]
    guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return found }
    repeat {
      if let name = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader) {
        found[String(cString: name)] = String(cString: value)
      }
    } while xmlTextReaderMoveToNextAttribute(reader) == 1
    xmlTextReaderMoveToElement(reader)
    return found
  }

  /// One attribute of the current element, by local name.
  func attribute(_ wanted: StaticString) -> String? {
    guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return nil }
    defer { xmlTextReaderMoveToElement(reader) }
    repeat {
      if let name = xmlTextReaderConstLocalName(reader), equal(name, wanted) {
        return xmlTextReaderConstValue(reader).map { String(cString: $0) }
      }
    } while xmlTextReaderMoveToNextAttribute(reader) == 1
    return nil
  }

  /// The line the reader is at, for messages.
  var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

  private func failure() -> SheetFailure {
    if let error = xmlGetLastError(), let message = error.pointee.message {
      let reason = String(cString: message).trimmingWhitespaceAndNewlines()
      if reason.localizedLowercase.contains("entity") { return .documentType(part: part) }
      return .malformed(part: part, line: Int(error.pointee.line), reason: reason)
    }
    return .malformed(part: part, line: line, reason: "not well-formed XML")
  }

  private func name() -> Name {
    guard let local = xmlTextReaderConstLocalName(reader) else { return .other }
    switch local[0] {
    case UInt8(ascii: "c"): if local[1] == 0 { return .c }
    case UInt8(ascii: "v"): if local[1] == 0 { return .v }
    case UInt8(ascii: "f"): if local[1] == 0 { return .f }
    case UInt8(ascii: "t"): if local[1] == 0 { return .t }
    case UInt8(ascii: "r"):
      if local[1] == 0 { return .r }
      if equal(local, "row") { return .row }
      if equal(local, "rPh") { return .rPh }
    case UInt8(ascii: "i"): if equal(local, "is") { return .is }
    case UInt8(ascii: "s"):
      if equal(local, "si") { return .si }
      if equal(local, "sheet") { return .sheet }
      if equal(local, "sheets") { return .sheets }
      if equal(local, "sheetData") { return .sheetData }
    case UInt8(ascii: "m"): if equal(local, "mergeCell") { return .mergeCell }
    case UInt8(ascii: "w"): if equal(local, "workbookPr") { return .workbookPr }
    case UInt8(ascii: "R"): if equal(local, "Relationship") { return .relationship }
    default: break
    }
    return .other
  }

  private func equal(_ pointer: UnsafePointer<xmlChar>, _ wanted: StaticString) -> Bool {
    let count = wanted.utf8CodeUnitCount
    let bytes = wanted.utf8Start
    for index in 0..<count where pointer[index] != bytes[index] { return false }
    return pointer[count] == 0
  }
}

extension String {
  func trimmingWhitespaceAndNewlines() -> String {
    var text = Substring(self)
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
  }

  var localizedLowercase: String { lowercased() }
}
