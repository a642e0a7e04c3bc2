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

  /// Both texts followed by their own details.
  public func with(zh zhDetail: String, en enDetail: String) -> LocalizedText {
    LocalizedText(zh: "\(zh)：\(zhDetail)", en: "\(en): \(enDetail)")
  }
}
