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
    var out = ""
    write(into: &out, pretty: pretty, indent: 0)
    return out
  }

  private func write(into out: inout String, pretty: Bool, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .int(let value): out += String(value)
    case .number(let value): out += JSON.format(value)
    case .string(let value): JSON.quote(value, into: &out)
    case .array(let values):
      if values.isEmpty { out += "[]"; return }
      out += "["
      for (index, value) in values.enumerated() {
        if index > 0 { out += "," }
        if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
        value.write(into: &out, pretty: pretty, indent: indent + 2)
      }
      if pretty { out += "\n" + String(repeating: " ", count: indent) }
      out += "]"
    case .object(let pairs):
      if pairs.isEmpty { out += "{}"; return }
      out += "{"
      for (index, (key, value)) in pairs.enumerated() {
        if index > 0 { out += "," }
        if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
        JSON.quote(key, into: &out)
        out += pretty ? ": " : ":"
        value.write(into: &out, pretty: pretty, indent: indent + 2)
      }
      if pretty { out += "\n" + String(repeating: " ", count: indent) }
      out += "}"
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
    out += "\""
    if !needsEscapes(text) {
      out += text
      out += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
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
