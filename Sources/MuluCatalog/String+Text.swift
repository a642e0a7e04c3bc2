extension String {
  /// This text with the first occurrence of `old` replaced by `new`; unchanged when `old` is
  /// empty or absent.
  public func replacingFirst(_ old: String, with new: String) -> String {
    guard !old.isEmpty, let range = firstRange(of: old) else { return self }
    var copy = self
    copy.replaceSubrange(range, with: new)
    return copy
  }

  /// This text on one line, safe to print: line breaks and other control characters (which a
  /// pusher or a fork can put in a path, a name, a code or a commit summary) are written as
  /// escapes, so that the text cannot span two lines, forge another line of output, or send
  /// escape sequences to a terminal. Text without them comes back unchanged.
  public var oneLine: String {
    func isControl(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
    // By bytes first: every such character starts with a byte below 0x20, 0x7F, 0xC2 (U+0080–
    // U+009F) or 0xE2 (U+2028, U+2029); most text has none of them.
    guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
      unicodeScalars.contains(where: isControl)
    else { return self }
    var out = ""
    for scalar in unicodeScalars {
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
