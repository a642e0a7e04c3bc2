#if canImport(Glibc)
  import Glibc
#endif

/// Comma-separated values as Excel and LibreOffice write and read them (RFC 4180): fields
/// with a comma, a quote or a line break in double quotes, quotes doubled, lines ended by CRLF.
enum CSV {
  /// The byte order mark that makes Excel on Chinese Windows read UTF-8 rather than GBK.
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The first characters that make a spreadsheet take a cell for a formula.
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// A value as written to a CSV cell: one a spreadsheet would evaluate gets a leading `'`,
  /// and so does one that already starts with `'`s before such a character, so that
  /// `unescaped` gives back every value exactly.
  static func escaped(_ value: String) -> String {
    let rest = value.drop { $0 == "'" }
    guard let first = rest.first, formulaStarts.contains(first) else { return value }
    return "'" + value
  }

  /// The value a cell written by `escaped` stands for.
  static func unescaped(_ cell: String) -> String {
    guard cell.hasPrefix("'") else { return cell }
    let rest = cell.drop { $0 == "'" }
    guard let first = rest.first, formulaStarts.contains(first) else { return cell }
    return String(cell.dropFirst())
  }

  /// Appends one record to `out`.
  static func append(_ fields: [String], to out: inout [UInt8]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { out.append(0x2C) }
      let value = escaped(field)
      if value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
        out.append(0x22)
        for byte in value.utf8 {
          if byte == 0x22 { out.append(0x22) }
          out.append(byte)
        }
        out.append(0x22)
      } else {
        out.append(contentsOf: value.utf8)
      }
    }
    out.append(contentsOf: [0x0D, 0x0A])
  }

  /// The encodings a CSV file is read in.
  enum Encoding: String, Sendable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"
  }

  /// The text of a CSV file: UTF-8 (with or without a byte order mark), else GB18030 (which
  /// includes GBK and GB2312, as Excel on Chinese Windows saves); nil when it is neither.
  static func decode(_ bytes: [UInt8]) -> (String, Encoding)? {
    var body = bytes[...]
    if body.starts(with: byteOrderMark) { body = body.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
    return fromGB18030(Array(body)).map { ($0, .gb18030) }
  }

  /// GB18030 through the C library's iconv.
  private static func fromGB18030(_ bytes: [UInt8]) -> String? {
    let converter = iconv_open("UTF-8", "GB18030")
    guard converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
    let ok = input.withUnsafeMutableBufferPointer { inBuffer -> Int? in
      output.withUnsafeMutableBufferPointer { outBuffer -> Int? in
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
          .assumingMemoryBound(to: CChar.self)
        var inLeft = inBuffer.count
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
          .assumingMemoryBound(to: CChar.self)
        var outLeft = outBuffer.count
        guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 || inLeft == 0 else { return nil }
        guard inLeft == 0 else { return nil }
        return outBuffer.count - outLeft
      }
    }
    guard let written = ok else { return nil }
    return String(validating: output[..<written], as: UTF8.self)
  }

  /// The records of a CSV text, as a spreadsheet shows them: record n is row n, whatever
  /// line breaks the quoted fields before it hold. A quote left open is refused with its row.
  static func records(_ text: String) throws(SheetFailure) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var atFieldStart = true
    var pending: Unicode.Scalar? = nil
    var scalars = text.unicodeScalars.makeIterator()
    func next() -> Unicode.Scalar? {
      if let waiting = pending {
        pending = nil
        return waiting
      }
      return scalars.next()
    }
    while let scalar = next() {
      if quoted {
        if scalar == "\"" {
          if let following = next() {
            if following == "\"" {
              field.unicodeScalars.append("\"")
              continue
            }
            pending = following
          }
          quoted = false
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case ",":
        record.append(field)
        field = ""
        atFieldStart = true
      case "\r", "\n":
        if scalar == "\r", let following = next(), following != "\n" { pending = following }
        record.append(field)
        records.append(record)
        record = []
        field = ""
        atFieldStart = true
      case "\"" where atFieldStart:
        quoted = true
        atFieldStart = false
      default:
        field.unicodeScalars.append(scalar)
        atFieldStart = false
      }
    }
    if quoted { throw .unclosedQuote(row: records.count + 1) }
    if !atFieldStart || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}
