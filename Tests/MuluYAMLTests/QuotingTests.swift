import MuluYAML
import Testing

@Suite struct QuotingTests {
  static let plainSafe = [
    "a", "abc", "国家发展和改革委员会", "仅向投资审批、统计部门提供", "企业投资项目核准的申请、受理、批复信息。",
    "有条件共享", "每月", "全角，逗号：冒号", "303001001/000001", "101001/000003", "11100000000000001M",
    "C", "D", "a b c", "a#b", "a:b", "https://mulu.example/a/b", "it's", "say \"hi\"", "a-b", "a - b",
    "x=1", "50%", "e5", "E", "yess", "nope", "onion", "Truex", "null1", "0xZZ", "1a", "12 apples", "v1.2",
    "2026年3月1日", "2026-03", "20260301x", "a|b", "a>b", "a&b", "a*b", "a!b", "a@b", "a`b", "a'", "+", "_",
    "a.b", "😀", "中文 English mixed", "tab\u{00A0}nbsp inside",
  ]

  static let needQuotes = [
    "", " ", " a", "a ", "\u{3000}全角空格", "尾部空格\u{3000}",
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
    "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~", "tRuE", "=", "<<",
    "0001", "12", "-12", "+12", "1_000", "0x1F", "0o17", "0b101", "1e3", "1E-3", "1.5e+10", ".5", "1.", "1.2.3",
    ".inf", "-.inf", "+.INF", ".nan", ".NaN", "1:20", "190:20:30", "1:20.5", "0.", ".",
    "2026-01-01", "2026-1-1", "2026-01-01T10:00:00Z", "2026-01-01 10:00:00 +08:00", "2001-12-14t21:59:43.10-05:00",
    "-", "-a", "- a", "?", "?a", ":", ":a", ",", "[", "]", "{", "}", "#", "#a", "&a", "*a", "!a", "|", ">",
    "'a'", "\"a\"", "%a", "@a", "`a`", "---", "...",
    "a: b", "a #b", "a:", "名称：值:", "a,b", "a[b", "a]b", "a{b", "a}b", "a?b", "https://x.example/?q=1",
    "a\tb", "a\nb", "a\rb", "\u{7}", "a\u{7F}", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "a\u{FEFF}", "\u{9C}",
  ]

  @Test(arguments: plainSafe) func plainSafeStrings(_ s: String) {
    #expect(!YAMLQuoting.needsQuotes(s))
  }

  @Test(arguments: needQuotes) func stringsThatNeedQuotes(_ s: String) {
    #expect(YAMLQuoting.needsQuotes(s))
  }

  @Test func doubleQuotedEscapes() {
    #expect(YAMLQuoting.doubleQuoted("abc") == "\"abc\"")
    #expect(YAMLQuoting.doubleQuoted("") == "\"\"")
    #expect(YAMLQuoting.doubleQuoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
    #expect(YAMLQuoting.doubleQuoted("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"")
    #expect(YAMLQuoting.doubleQuoted("\u{0}\u{1B}\u{7F}\u{85}") == "\"\\u0000\\u001B\\u007F\\u0085\"")
    #expect(YAMLQuoting.doubleQuoted("\u{2028}\u{FEFF}") == "\"\\u2028\\uFEFF\"")
    #expect(YAMLQuoting.doubleQuoted("国家：发展、改革") == "\"国家：发展、改革\"")
    #expect(YAMLQuoting.doubleQuoted(" 'x' ") == "\" 'x' \"")
  }

  /// Writes `s` the way a formatter would and reads it back in block
  /// context, as a flow sequence item and as a flow mapping value.
  func readBack(_ written: String) -> [YAMLScalar?] {
    let doc = read("k: \(written)\nl: [\(written)]\nm: {n: \(written)}\n")
    #expect(doc.problems.isEmpty, "\(written): \(doc.problems)")
    return [
      doc.root?["k"]?.scalar,
      doc.root?["l"]?.sequence?.items.first?.scalar,
      doc.root?["m"]?["n"]?.scalar,
    ]
  }

  @Test(arguments: plainSafe + needQuotes) func roundTrip(_ s: String) {
    let needsQuotes = YAMLQuoting.needsQuotes(s)
    let written = needsQuotes ? YAMLQuoting.doubleQuoted(s) : s
    for scalar in readBack(written) {
      #expect(scalar?.value == s)
      #expect(scalar?.style == (needsQuotes ? .doubleQuoted : .plain))
      #expect(scalar?.isNull == false)
    }
    // Quoting is always safe, even when not needed.
    for scalar in readBack(YAMLQuoting.doubleQuoted(s)) {
      #expect(scalar?.value == s)
    }
  }
}
