#if canImport(Glibc)
  import Glibc
#endif
import MuluCatalog
import MuluGit

/// Who writes a commit or a tag, found as git finds it: `GIT_AUTHOR_*` / `GIT_COMMITTER_*`
/// (name, email, date), then `user.name` / `user.email` from git config, the current time.
public enum Identity {
  /// No name or email could be found.
  public struct Missing: UserFacingError, Sendable, Equatable {
    public var detail: String

    public var message: LocalizedText {
      LocalizedText(
        zh: "不知道以谁的名义写入（\(detail)）：用 git config user.name / user.email 设置，或用 --author \"姓名 <邮箱>\"",
        en: "no identity to write with (\(detail)): set git config user.name and user.email, or pass --author \"Name <email>\"")
    }
  }

  /// The author and committer of a new commit. `author` ("Name <email>") replaces the author's
  /// name and email, as `git commit --author` does; without a configured committer, the author
  /// commits too.
  public static func commit(
    in repository: Repository, author: String?, environment: [String: String]
  ) throws(Missing) -> (author: Signature, committer: Signature) {
    let override = try author.map { text throws(Missing) in
      guard let parsed = parse(text) else { throw Missing(detail: "--author \"\(text)\"") }
      return parsed
    }
    let authorPerson =
      override ?? person(environment["GIT_AUTHOR_NAME"], environment["GIT_AUTHOR_EMAIL"], repository)
    let committerPerson =
      person(environment["GIT_COMMITTER_NAME"], environment["GIT_COMMITTER_EMAIL"], repository) ?? override
    guard let authorPerson, let committerPerson else {
      throw Missing(detail: "user.name / user.email")
    }
    return (
      try signature(authorPerson, date: environment["GIT_AUTHOR_DATE"], variable: "GIT_AUTHOR_DATE"),
      try signature(committerPerson, date: environment["GIT_COMMITTER_DATE"], variable: "GIT_COMMITTER_DATE")
    )
  }

  /// The tagger of a new tag: the committer identity, as git uses it.
  public static func tagger(in repository: Repository, environment: [String: String]) throws(Missing) -> Signature {
    guard let person = person(environment["GIT_COMMITTER_NAME"], environment["GIT_COMMITTER_EMAIL"], repository) else {
      throw Missing(detail: "user.name / user.email")
    }
    return try signature(person, date: environment["GIT_COMMITTER_DATE"], variable: "GIT_COMMITTER_DATE")
  }

  /// "Name <email>", as `--author` takes it.
  public static func parse(_ text: String) -> (name: String, email: String)? {
    guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return nil }
    let name = String(text[..<open]).trimmingSpaces()
    let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces()
    guard !name.isEmpty, !email.isEmpty, !email.contains("<"), !email.contains(">") else { return nil }
    return (name, email)
  }

  /// A date as git takes it in `GIT_*_DATE`: `@1767225600 +0800`, `1767225600 +0800`,
  /// `2026-01-01T08:00:00+08:00`, `2026-01-01 08:00:00 +0800` (UTC when no zone is given).
  public static func parseDate(_ text: String) -> (time: Int64, offsetMinutes: Int)? {
    let trimmed = text.trimmingSpaces()
    let parts = trimmed.split(separator: " ").map(String.init)
    let raw = parts.first.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
    if let raw, let seconds = Int64(raw), parts.count <= 2 {
      guard parts.count == 2 else { return (seconds, 0) }
      guard let offset = parseOffset(parts[1]) else { return nil }
      return (seconds, offset)
    }
    // YYYY-MM-DD[T ]HH:MM[:SS][ ](Z|±HH:MM|±HHMM)
    var bytes = Array(trimmed.utf8)[...]
    func number(_ width: Int) -> Int? {
      guard bytes.count >= width else { return nil }
      var value = 0
      for byte in bytes.prefix(width) {
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      bytes = bytes.dropFirst(width)
      return value
    }
    func skip(_ characters: String) -> Bool {
      guard let first = bytes.first, characters.utf8.contains(first) else { return false }
      bytes = bytes.dropFirst()
      return true
    }
    guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
      (1...12).contains(month), (1...31).contains(day), skip("T "), let hour = number(2), skip(":"),
      let minute = number(2), hour < 24, minute < 60
    else { return nil }
    var second = 0
    if skip(":") {
      guard let value = number(2), value < 61 else { return nil }
      second = value
    }
    _ = skip(" ")
    var offset = 0
    if !bytes.isEmpty {
      guard let parsed = parseOffset(String(decoding: bytes, as: UTF8.self)) else { return nil }
      offset = parsed
    }
    // A day the month does not have (2026-02-30) would roll over into the next month.
    let days = daysFromCivil(year, month, day)
    guard civilFromDays(days) == (year, month, day) else { return nil }
    let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    return (local - Int64(offset * 60), offset)
  }

  /// The current time, with this machine's offset from UTC.
  public static func now() -> (time: Int64, offsetMinutes: Int) {
    var seconds = time(nil)
    var local = tm()
    localtime_r(&seconds, &local)
    return (Int64(seconds), local.tm_gmtoff / 60)
  }

  /// The calendar date of a signature's time, in its own time zone.
  public static func civilDate(_ signature: Signature) -> (year: Int, month: Int, day: Int) {
    let local = signature.time + Int64(signature.offsetMinutes * 60)
    let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    return civilFromDays(days)
  }

  /// "YYYY-MM-DD" of a signature, in its own time zone.
  public static func dayString(_ signature: Signature) -> String {
    let (year, month, day) = civilDate(signature)
    return "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
  }

  // MARK: Helpers

  private static func person(_ name: String?, _ email: String?, _ repository: Repository) -> (name: String, email: String)? {
    guard let name = nonEmpty(name) ?? nonEmpty(try? repository.config("user.name")),
      let email = nonEmpty(email) ?? nonEmpty(try? repository.config("user.email"))
    else { return nil }
    return (name, email)
  }

  private static func nonEmpty(_ value: String??) -> String? {
    guard let value = value ?? nil, !value.trimmingSpaces().isEmpty else { return nil }
    return value
  }

  private static func signature(_ person: (name: String, email: String), date: String?, variable: String) throws(Missing)
    -> Signature
  {
    var when = now()
    if let date, !date.isEmpty {
      guard let parsed = parseDate(date) else { throw Missing(detail: "\(variable)=\(date)") }
      when = parsed
    }
    return Signature(name: person.name, email: person.email, time: when.time, offsetMinutes: when.offsetMinutes)
  }

  private static func parseOffset(_ text: String) -> Int? {
    if text == "Z" || text == "z" { return 0 }
    let bytes = Array(text.utf8)
    guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
    let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
    guard digits.count == 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    let value = digits.map { Int($0 - 0x30) }
    let minutes = (value[0] * 10 + value[1]) * 60 + value[2] * 10 + value[3]
    return sign == UInt8(ascii: "-") ? -minutes : minutes
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = Int64(month)
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The calendar date of a count of days since 1970-01-01.
  static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) { CivilDate.fromDays(days) }
}

extension String {
  func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
