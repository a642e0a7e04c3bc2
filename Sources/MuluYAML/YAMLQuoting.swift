/// Helpers for writing scalars.
public enum YAMLQuoting {
  /// True when `s`, written as a plain scalar (a mapping value in block
  /// context, or an item inside `{ }` or `[ ]`), might not parse or might be
  /// read back as something else by a YAML 1.1 or 1.2 reader: a null, a
  /// boolean, a number, a timestamp, or a different string.
  ///
  /// Dates and number-like codes are reported as needing quotes; whether to
  /// write them plain anyway is the caller's choice.
  public static func needsQuotes(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { needsQuotes(utf8: $0) }
  }

  /// `s` as a double-quoted scalar: `\` and `"` are escaped, and so are
  /// control characters, line and paragraph separators, U+FEFF and the
  /// non-characters U+FFFE and U+FFFF.
  public static func doubleQuoted(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    var run = s.unicodeScalars.startIndex
    let scalars = s.unicodeScalars
    var i = scalars.startIndex
    while i < scalars.endIndex {
      let c = scalars[i]
      if let escape = escape(c) {
        out.unicodeScalars.append(contentsOf: scalars[run..<i])
        out += escape
        run = scalars.index(after: i)
      }
      i = scalars.index(after: i)
    }
    out.unicodeScalars.append(contentsOf: scalars[run..<scalars.endIndex])
    out += "\""
    return out
  }

  private static func escape(_ c: Unicode.Scalar) -> String? {
    switch c.value {
    case 0x5C: return "\\\\"
    case 0x22: return "\\\""
    case 0x0A: return "\\n"
    case 0x09: return "\\t"
    case 0x0D: return "\\r"
    case 0x00..<0x20, 0x7F...0x9F:
      return "\\u00" + YAMLPrecheck.hex(c.value, digits: 2)
    case 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
      return "\\u" + YAMLPrecheck.hex(c.value, digits: 4)
    default:
      return nil
    }
  }

  private static func needsQuotes(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = b.count
    if n == 0 { return true }

    // Leading indicator characters.
    switch b[0] {
    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
      UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
      UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
      UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
      return true
    default:
      break
    }

    // Characters that break or change a plain scalar anywhere in it.
    var ascii = true
    var i = 0
    while i < n {
      let c = b[i]
      if c >= 0x80 {
        ascii = false
      } else {
        switch c {
        case 0x00..<0x20, 0x7F:
          return true
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
          UInt8(ascii: "{"), UInt8(ascii: "}"):
          return true
        case UInt8(ascii: "?"):
          // PyYAML ends a plain scalar at `?` inside flow collections.
          return true
        case UInt8(ascii: "#"):
          if i > 0 && b[i - 1] == UInt8(ascii: " ") { return true }
        case UInt8(ascii: ":"):
          if i + 1 == n || b[i + 1] == UInt8(ascii: " ") { return true }
        default:
          break
        }
      }
      i += 1
    }

    if !ascii {
      let s = String(decoding: b, as: UTF8.self)
      let scalars = s.unicodeScalars
      if let first = scalars.first, first.properties.isWhitespace { return true }
      if let last = scalars.last, last.properties.isWhitespace { return true }
      for c in scalars {
        switch c.value {
        case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
          return true
        default:
          break
        }
      }
      return false
    }

    if b[n - 1] == UInt8(ascii: " ") || b[0] == UInt8(ascii: " ") { return true }
    return isSpecialWord(b) || looksNumeric(b) || looksLikeTimestamp(b)
  }

  /// Nulls and YAML 1.1 booleans in any letter case, `=` (the 1.1 value
  /// key) and `<<` (the merge key).
  private static func isSpecialWord(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard b.count <= 5 else { return false }
    var lower: [UInt8] = []
    lower.reserveCapacity(b.count)
    for c in b {
      lower.append(c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c + 32 : c)
    }
    switch String(decoding: lower, as: UTF8.self) {
    case "~", "null", "y", "yes", "n", "no", "on", "off", "true", "false", "=", "<<":
      return true
    default:
      return false
    }
  }

  private static func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }

  private static func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"))
      || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
  }

  /// A superset of the YAML 1.1 and 1.2 int and float forms: decimal with
  /// `_` separators, `0x`/`0o`/`0b` prefixes, sexagesimal (`1:20`),
  /// fractions and exponents (`.5`, `1.`, `1e3`, `1.2.3` in 1.1), and
  /// `.inf`/`.nan`, each with an optional sign.
  private static func looksNumeric(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = b.count
    if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") { i = 1 }
    guard i < n else { return false }
    let body = UnsafeBufferPointer(rebasing: b[i...])
    let m = body.count

    // .inf and .nan
    if m == 4, body[0] == UInt8(ascii: ".") {
      var word: [UInt8] = []
      for c in body[1...] { word.append(c | 0x20) }
      if word == Array("inf".utf8) || word == Array("nan".utf8) { return true }
    }

    // 0x..., 0o..., 0b...
    if m >= 2, body[0] == UInt8(ascii: "0") {
      let p = body[1] | 0x20
      if p == UInt8(ascii: "x") || p == UInt8(ascii: "o") || p == UInt8(ascii: "b") {
        if body[2...].allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: "_") }) { return true }
      }
    }

    // Sexagesimal: digits, then `:` groups, maybe a fraction.
    if isDigit(body[0]), body.contains(UInt8(ascii: ":")),
      body.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
    {
      return true
    }

    // Mantissa [0-9_]* ( . [0-9_.]* )?, then an optional exponent.
    var j = 0
    var mantissaHasDigitOrDot = false
    while j < m, isDigit(body[j]) || body[j] == UInt8(ascii: "_") {
      if isDigit(body[j]) { mantissaHasDigitOrDot = true }
      j += 1
    }
    if j < m, body[j] == UInt8(ascii: ".") {
      mantissaHasDigitOrDot = true
      j += 1
      while j < m, isDigit(body[j]) || body[j] == UInt8(ascii: "_") || body[j] == UInt8(ascii: ".") { j += 1 }
    }
    guard mantissaHasDigitOrDot else { return false }
    if j == m { return true }
    guard body[j] | 0x20 == UInt8(ascii: "e") else { return false }
    j += 1
    if j < m, body[j] == UInt8(ascii: "+") || body[j] == UInt8(ascii: "-") { j += 1 }
    guard j < m else { return false }
    while j < m, isDigit(body[j]) { j += 1 }
    return j == m
  }

  /// The YAML 1.1 timestamp forms: `2026-01-01`, `2026-1-1`, and those
  /// followed by a time (`T` or blanks, then digits, `:`, `.`, a zone).
  private static func looksLikeTimestamp(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = b.count
    guard n >= 8, isDigit(b[0]), isDigit(b[1]), isDigit(b[2]), isDigit(b[3]), b[4] == UInt8(ascii: "-") else {
      return false
    }
    var i = 5
    // One or two digits, twice, separated by `-`.
    for part in 0..<2 {
      guard i < n, isDigit(b[i]) else { return false }
      i += 1
      if i < n, isDigit(b[i]) { i += 1 }
      if part == 0 {
        guard i < n, b[i] == UInt8(ascii: "-") else { return false }
        i += 1
      }
    }
    if i == n { return true }
    let sep = b[i]
    guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " ") || sep == UInt8(ascii: "\t") else {
      return false
    }
    i += 1
    guard i < n else { return false }
    for c in b[i...] {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ":"), UInt8(ascii: "."),
        UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "Z"), UInt8(ascii: "z"),
        UInt8(ascii: " "), UInt8(ascii: "\t"):
        continue
      default:
        return false
      }
    }
    return true
  }
}
