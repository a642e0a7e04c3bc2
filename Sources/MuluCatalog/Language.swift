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
