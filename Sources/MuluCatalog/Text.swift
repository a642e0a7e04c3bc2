/// The languages mulu speaks to its users.
public enum Language: String, Sendable, CaseIterable, Codable {
  case zh
  case en

  /// The language a `LANG`-style locale asks for: `zh*` is Chinese, anything else English.
  public init(locale: String?) {
    self = (locale ?? "").lowercased().hasPrefix("zh") ? .zh : .en
  }
}

/// A text for users, in Chinese and in English.
public struct LocalizedText: Sendable, Hashable, Codable {
  public var zh: String
  public var en: String

  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  public subscript(language: Language) -> String {
    switch language {
    case .zh: return zh
    case .en: return en
    }
  }

  /// Both texts followed by the same detail, e.g. a field name or a code.
  public func with(_ detail: String) -> LocalizedText {
    LocalizedText(zh: "\(zh)：\(detail)", en: "\(en): \(detail)")
  }

  /// Each text followed by the other's text in its language.
  public func joined(_ other: LocalizedText) -> LocalizedText {
    LocalizedText(zh: zh + other.zh, en: en + other.en)
  }

  /// Both texts followed by their own details.
  public func with(zh zhDetail: String, en enDetail: String) -> LocalizedText {
    LocalizedText(zh: "\(zh)：\(zhDetail)", en: "\(en): \(enDetail)")
  }
}

extension String {
  /// This text on one line, safe to print: line breaks and other control characters (which a
  /// pusher or a fork can put in a path, a name, a code or a commit summary) are written as
  /// escapes, so that the text cannot span two lines, forge another line of output, or send
  /// escape sequences to a terminal. Text without them comes back unchanged.
  public var oneLine: String {
    func isControl(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
    guard unicodeScalars.contains(where: isControl) else { return self }
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
