/// `date.invalid`: not a real calendar date.
public enum DateInvalid: ResourceRule {
  public static let id = "date.invalid"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "不是有效的日历日期", en: "not a real calendar date")
  public static let hint = LocalizedText(zh: "日期写作 YYYY-MM-DD，如 2026-03-01", en: "write dates as YYYY-MM-DD, e.g. 2026-03-01")

  /// Whether text is a real date written YYYY-MM-DD.
  public static func isValid(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
    let digits = bytes.indices.filter { $0 != 4 && $0 != 7 }
    guard digits.allSatisfy({ ResourceCode.isDigit(bytes[$0]) }) else { return false }
    func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) } }
    let year = number(0..<4)
    let month = number(5..<7)
    let day = number(8..<10)
    guard year >= 1, (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[month - 1]
  }

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    var findings: [Finding] = []
    if !resource.published.isEmpty && !isValid(resource.published) {
      findings.append(finding(file.path, at: file.mark("published"), code: file.code, detail: resource.published))
    }
    if let date = resource.retired?.date, !date.isEmpty, !isValid(date) {
      findings.append(finding(file.path, at: file.mark("retired", "date"), code: file.code, detail: date))
    }
    return findings
  }

  public static let triggering = [
    RuleExample.resource("30 February", replacing: "published: 2026-03-01", with: "published: ↓2026-02-30"),
    RuleExample.resource("a date in words", replacing: "published: 2026-03-01", with: "published: ↓2026年3月1日"),
  ]
  public static let nonTriggering = [
    RuleExample.edit("29 February of a leap year", Baseline.baseResourcePath, replacing: "published: 2025-06-30", with: "published: 2024-02-29")
  ]
}
