#if canImport(Glibc)
  import Glibc
#endif

/// `date.future`: `published` more than a year after today. A catalog records resources
/// that are published; a date that far ahead is a slip of the year (2062 for 2026).
public enum DateFuture: ResourceRule {
  public static let id = "date.future"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "发布日期比今天晚一年以上", en: "the publication date is more than a year after today")
  public static let hint = LocalizedText(
    zh: "检查年份：published 写资源实际发布（或将要发布）的日期", en: "check the year: published is the day the resource is (or is about to be) published")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard DateInvalid.isValid(resource.published), resource.published > latest() else { return [] }
    return [finding(file.path, at: file.mark("published"), code: file.code, detail: resource.published)]
  }

  /// Today a year on, `YYYY-MM-DD` (China Standard Time): the latest `published` allowed.
  static func latest(now: Int64 = Int64(time(nil))) -> String {
    let days = (now + 8 * 3600) / 86_400
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ value: Int64, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year + 1, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static let triggering = [
    RuleExample.resource("published in 2099", replacing: "published: 2026-03-01", with: "published: ↓2099-03-01")
  ]
  public static let nonTriggering = [
    RuleExample("the baseline (published 2026-03-01)"),
    RuleExample.resource("a date that is not one (date.invalid's)", replacing: "published: 2026-03-01", with: "published: 2099-02-30"),
  ]
}
