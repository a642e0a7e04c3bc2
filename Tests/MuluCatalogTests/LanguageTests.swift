import MuluCatalog
import Testing

/// Which language mulu speaks when no `--lang` is given.
@Suite("The language of messages")
struct LanguageTests {
  @Test("LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them; empty counts as unset")
  func localeOrder() {
    let cases: [([String: String], Language)] = [
      ([:], .en),
      (["LANG": "zh_CN.UTF-8"], .zh),
      (["LANG": "C", "LC_ALL": "zh_CN.UTF-8"], .zh),
      (["LANG": "zh_CN.UTF-8", "LC_ALL": "C"], .en),
      (["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], .en),
      (["LANG": "C", "LC_MESSAGES": "zh_TW.UTF-8"], .zh),
      (["LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"], .en),
      (["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"], .zh),
      (["LC_CTYPE": "zh_CN.UTF-8"], .en),
    ]
    for (environment, expected) in cases {
      #expect(Language(environment: environment) == expected, "\(environment)")
    }
  }

  @Test("Accept-Language: the highest weight of zh and en, the first on a tie; nil for neither")
  func acceptLanguage() {
    let cases: [(String?, Language?)] = [
      (nil, nil),
      ("", nil),
      ("*", nil),
      ("fr-FR, de;q=0.5", nil),
      ("zh-CN, *;q=0.9", .zh),
      ("en-US, *;q=0.9", .en),
      ("zh", .zh),
      ("fr, en;q=0.5, zh-TW;q=0.8", .zh),
      ("zh-CN;q=0.2, en;q=0.3", .en),
      ("en;q=0.5, zh;q=0.5", .en),
      (" ZH-cn ; q=1 ", .zh),
      ("zh;q=0, en;q=0.1", .en),
      ("zh;q=0", nil),
      ("zhx, english", nil),
    ]
    for (header, expected) in cases {
      #expect(Language(acceptLanguage: header) == expected, "\(header ?? "nil")")
    }
  }
}
