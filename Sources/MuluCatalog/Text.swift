/// The languages mulu speaks to its users.
public enum Language: String, Sendable, CaseIterable, Codable {
  case zh
  case en

  /// The language a `LANG`-style locale asks for: `zh*` is Chinese, anything else English.
  public init(locale: String?) {
    self = (locale ?? "").lowercased().hasPrefix("zh") ? .zh : .en
  }

  /// The language of a process's messages, from its locale variables in the order POSIX gives
  /// them: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty
  /// (`LANG=C LC_ALL=zh_CN.UTF-8` is Chinese, `LANG=zh_CN.UTF-8 LC_ALL=C` English).
  public init(environment: [String: String]) {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    self.init(locale: locale)
  }

  /// The language an HTTP `Accept-Language` header prefers of the two mulu speaks (`zh-CN,
  /// en;q=0.8` is Chinese): the one with the highest weight, the first listed on a tie; nil when
  /// it names neither (absent, empty, `*`, only other languages, or only with weight 0).
  public init?(acceptLanguage header: String?) {
    var best: (language: Language, weight: Double)? = nil
    for range in (header ?? "").split(separator: ",") {
      let parts = range.split(separator: ";").map { part in
        String(part.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()).lowercased()
      }
      guard let tag = parts.first else { continue }
      let language: Language
      if tag == "zh" || tag.hasPrefix("zh-") {
        language = .zh
      } else if tag == "en" || tag.hasPrefix("en-") {
        language = .en
      } else {
        continue
      }
      var weight = 1.0
      for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
        weight = Double(parameter.dropFirst(2)) ?? 0
      }
      if weight > 0, weight > best?.weight ?? 0 { best = (language, weight) }
    }
    guard let best else { return nil }
    self = best.language
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

  /// The same text in both languages: a path, a code, a number, punctuation.
  public init(_ both: String) {
    self.init(zh: both, en: both)
  }

  /// Both texts, each followed by the other's text in its language.
  public static func + (left: LocalizedText, right: LocalizedText) -> LocalizedText {
    LocalizedText(zh: left.zh + right.zh, en: left.en + right.en)
  }

  public static func += (left: inout LocalizedText, right: LocalizedText) {
    left = left + right
  }

  /// Both texts followed by the same detail, e.g. a field name or a code.
  public func with(_ detail: String) -> LocalizedText {
    LocalizedText(zh: "\(zh)：\(detail)", en: "\(en): \(detail)")
  }

  /// Both texts followed by their own details.
  public func with(zh zhDetail: String, en enDetail: String) -> LocalizedText {
    LocalizedText(zh: "\(zh)：\(zhDetail)", en: "\(en): \(enDetail)")
  }
}

extension Array where Element == LocalizedText {
  /// The texts one after another, with each language's separator between them.
  public func joined(zh: String, en: String) -> LocalizedText {
    LocalizedText(zh: map(\.zh).joined(separator: zh), en: map(\.en).joined(separator: en))
  }
}

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
