/// Text as SpreadsheetML stores it: characters XML cannot hold are written `_xHHHH_`, and a
/// literal `_x` that would read as such an escape is written `_x005F_x`.
enum OOXMLText {
  static func encoded(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0) }) || text.contains("_x") else { return text }
    var out = ""
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if needsEscape(scalar) {
        out += "_x" + hex4(scalar.value) + "_"
      } else if scalar == "_", isEscape(scalars, at: index) {
        out += "_x005F_"
      } else {
        out.unicodeScalars.append(scalar)
      }
      index += 1
    }
    return out
  }

  static func decoded(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var out = ""
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      if scalars[index] == "_", isEscape(scalars, at: index),
        let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        out.unicodeScalars.append(scalar)
        index += 7
      } else {
        out.unicodeScalars.append(scalars[index])
        index += 1
      }
    }
    return out
  }

  /// C0 controls other than tab, line feed and carriage return, which XML 1.0 cannot hold.
  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE
      || scalar.value == 0xFFFF
  }

  /// `_xHHHH_` at `index`.
  private static func isEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
    return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
