/// Calendar dates counted in days since 1970-01-01, in the proleptic Gregorian calendar.
public enum CivilDate {
  /// The year, month and day of a count of days since 1970-01-01 (Howard Hinnant's
  /// civil_from_days).
  public static func fromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
  }

  /// `YYYY-MM-DD` for a year, month and day (the year padded to four digits).
  public static func text(year: Int, month: Int, day: Int) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// `YYYY-MM-DD` of a count of days since 1970-01-01.
  public static func text(days: Int64) -> String {
    let (year, month, day) = fromDays(days)
    return text(year: year, month: month, day: day)
  }
}
