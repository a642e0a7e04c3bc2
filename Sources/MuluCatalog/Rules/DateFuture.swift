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
    let (year, month, day) = CivilDate.fromDays(days)
    return CivilDate.text(year: year + 1, month: month, day: day)
  }

  public static let triggering = [
    RuleExample.resource("published in 2099", replacing: "published: 2026-03-01", with: "published: ↓2099-03-01")
  ]
  public static let nonTriggering = [
    RuleExample("the baseline (published 2026-03-01)"),
    RuleExample.resource("a date that is not one (date.invalid's)", replacing: "published: 2026-03-01", with: "published: 2099-02-30"),
  ]
}
