extension Array where Element == LocalizedText {
  /// The texts one after another, with each language's separator between them.
  public func joined(zh: String, en: String) -> LocalizedText {
    LocalizedText(zh: map(\.zh).joined(separator: zh), en: map(\.en).joined(separator: en))
  }
}
