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
