import MuluCatalog

/// Spreadsheet serial numbers and the date texts people write.
enum SheetDates {
  /// The date of a serial number: days since 1899-12-30 (Excel's 1900 system, whose day 60 is
  /// the 29 February 1900 that never was), or since 1904-01-01.
  static func date(serial: Double, date1904: Bool) -> String? {
    guard serial >= 1, serial < 2_958_466 else { return nil }
    let day = Int(serial.rounded(.down))
    if !date1904 && day == 60 { return "1900-02-29" }
    // Days from 1970-01-01.
    let epochDays = date1904 ? day - 24_107 : (day < 60 ? day - 25_568 : day - 25_569)
    return civil(epochDays)
  }

  /// `2026/3/1`, `2026.3.1`, `2026-3-1`, `2026年3月1日` as `2026-03-01`; nil for other text.
  static func normalized(_ text: String) -> String? {
    let bytes = text.utf8
    if bytes.count == 10, bytes.allSatisfy({ $0 == 0x2D || (0x30...0x39).contains($0) }) { return nil }
    var parts: [Int] = []
    var current = ""
    for character in text {
      if character.isASCIIDigit {
        current.append(character)
      } else if "/.-年月日".contains(character) {
        guard let number = Int(current), current.count <= 4 else { return nil }
        parts.append(number)
        current = ""
      } else {
        return nil
      }
    }
    if !current.isEmpty {
      guard let number = Int(current) else { return nil }
      parts.append(number)
    }
    guard parts.count == 3, (1000...9999).contains(parts[0]) else { return nil }
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(parts[0])-\(two(parts[1]))-\(two(parts[2]))"
  }

  /// Days since 1970-01-01 as YYYY-MM-DD (the proleptic Gregorian calendar).
  static func civil(_ days: Int) -> String { CivilDate.text(days: Int64(days)) }
}
