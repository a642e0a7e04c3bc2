/// A JSON value whose objects keep their keys in the order given, so output is stable.
public indirect enum JSON: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  /// A fraction or a mean, written with at most `JSON.decimals` decimals.
  case number(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }
  public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

  /// `nil` becomes `null`.
  public static func string(_ value: String?) -> JSON { value.map { .string($0) } ?? .null }
  public static func int(_ value: Int?) -> JSON { value.map { .int($0) } ?? .null }
  public static func number(_ value: Double?) -> JSON { value.map { .number($0) } ?? .null }

  /// Decimals kept of a number.
  public static let decimals = 4

  /// Compact (one line) or indented by two spaces.
  public func serialized(pretty: Bool = false) -> String {
    String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
  }

  /// `serialized` as UTF-8 bytes, written as bytes: a publish writes hundreds of thousands of
  /// these, and appending to a `String` piece by piece cost several times more.
  public func serializedBytes(pretty: Bool = false) -> [UInt8] {
    var out: [UInt8] = []
    write(into: &out, pretty: pretty, indent: 0)
    return out
  }

  private func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
    func newline(_ indent: Int) {
      out.append(UInt8(ascii: "\n"))
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
    case .int(let value): out.append(contentsOf: String(value).utf8)
    case .number(let value): out.append(contentsOf: JSON.format(value).utf8)
    case .string(let value): JSON.quote(value, into: &out)
    case .array(let values):
      if values.isEmpty { out.append(contentsOf: "[]".utf8); return }
      out.append(UInt8(ascii: "["))
      for (index, value) in values.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { newline(indent + 2) }
        value.write(into: &out, pretty: pretty, indent: indent + 2)
      }
      if pretty { newline(indent) }
      out.append(UInt8(ascii: "]"))
    case .object(let pairs):
      if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
      out.append(UInt8(ascii: "{"))
      for (index, (key, value)) in pairs.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { newline(indent + 2) }
        JSON.quote(key, into: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
        value.write(into: &out, pretty: pretty, indent: indent + 2)
      }
      if pretty { newline(indent) }
      out.append(UInt8(ascii: "}"))
    }
  }

  /// A finite number rounded to `decimals` decimals, in the shortest form that reads back as
  /// that value (`0.6667`, `1`, `12.5`); not a number and infinities are `null`.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return "\(rounded)"
  }

  /// A string value as `serialized` writes it, appended to `out`.
  public static func quote(_ text: String, into out: inout String) {
    guard needsEscapes(text) else {
      out += "\""
      out += text
      out += "\""
      return
    }
    var bytes: [UInt8] = []
    quote(text, into: &bytes)
    out += String(decoding: bytes, as: UTF8.self)
  }

  /// A string value as `serialized` writes it, appended to `out` as UTF-8: quotes, backslashes,
  /// control characters, DEL and the line and paragraph separators (U+2028, U+2029, which
  /// end a line in JavaScript) escaped.
  public static func quote(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    guard needsEscapes(text) else {
      out.append(contentsOf: text.utf8)
      out.append(UInt8(ascii: "\""))
      return
    }
    let hexDigits = Array("0123456789abcdef".utf8)
    func unicodeEscape(_ value: UInt32) {
      out.append(contentsOf: "\\u".utf8)
      for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int(value >> UInt32(shift) & 0xF)]) }
    }
    var bytes = Array(text.utf8)[...]
    while let byte = bytes.popFirst() {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
      case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
      case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
      case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
      case 0..<0x20, 0x7F: unicodeEscape(UInt32(byte))
      case 0xE2 where bytes.count >= 2 && bytes[bytes.startIndex] == 0x80
        && (bytes[bytes.startIndex + 1] == 0xA8 || bytes[bytes.startIndex + 1] == 0xA9):
        unicodeEscape(bytes[bytes.startIndex + 1] == 0xA8 ? 0x2028 : 0x2029)
        bytes = bytes.dropFirst(2)
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// Whether a text holds a byte that `quote` escapes: a quote, a backslash, a control character,
  /// or the lead byte of U+2028/U+2029 (0xE2, also that of other characters: then it looks closer).
  private static func needsEscapes(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 {
        return true
      }
      return false
    }
  }
}
