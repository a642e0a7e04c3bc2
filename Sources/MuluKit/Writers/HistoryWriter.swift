import MuluCatalog
import MuluGit

/// Writes the history of a resource as text or JSON.
public enum HistoryWriter {
  /// One block per commit: id, date, author and subject, then what changed.
  public static func text(_ entries: [HistoryEntry], language: Language, color: Bool) -> String {
    let paint = Paint(enabled: color)
    var out = ""
    for entry in entries {
      // Names and subjects are whoever committed's: one line each, whatever they hold.
      out += paint.commit(entry.shortID) + " \(date(entry.author)) \(entry.author.name.oneLine)"
      out += DiffWriter.colon[language] + entry.subject.oneLine + "\n"
      if let merge = entry.merge { out += "  " + mergeLine(merge)[language] + "\n" }
      if let change = entry.change {
        out += "  " + paint.kind(change.kind, DiffWriter.kindName(change.kind, language: language))
        out += change.breaking ? paint.breaking(DiffWriter.breakingMark[language]) : ""
        out += "\n"
        for field in change.fields {
          out += "    " + DiffWriter.fieldLine(field, language: language)
          out += field.impact == .breaking ? paint.breaking(DiffWriter.breakingMark[language]) : ""
          out += "\n"
        }
      }
      for finding in entry.unreadable {
        out += "  " + finding.message[language].oneLine + "\n"
      }
    }
    return out
  }

  /// `{"code","commits":[{"commit","author","email","date","subject","kind","breaking","fields","unreadable","merge"}]}`;
  /// `kind` is null when a side could not be read; `merge` is null but for a merge, which gives
  /// `{"source","url","merged","committer","email","date"}` (`source` and `url` null but for a sync).
  public static func json(_ entries: [HistoryEntry], code: String, language: Language) -> JSON {
    .object([
      ("code", .string(code)),
      (
        "commits",
        .array(
          entries.map { entry in
            .object([
              ("commit", .string(entry.commit.hex)),
              ("author", .string(entry.author.name)),
              ("email", .string(entry.author.email)),
              ("date", .string(isoDate(entry.author))),
              ("subject", .string(entry.subject)),
              ("kind", .string(entry.change?.kind.rawValue)),
              ("breaking", .bool(entry.change?.breaking ?? false)),
              ("fields", .array((entry.change?.fields ?? []).map(DiffWriter.record))),
              (
                "unreadable",
                .array(
                  entry.unreadable.map { finding in
                    .object([
                      ("rule", .string(finding.rule)), ("path", .string(finding.path)), ("line", .int(finding.line)),
                      ("column", .int(finding.column)), ("message", .string(finding.message[language])),
                    ])
                  })
              ),
              (
                "merge",
                entry.merge.map { merge in
                  .object([
                    ("source", .string(merge.source)), ("url", .string(merge.sourceURL)),
                    ("merged", .string(merge.merged)), ("committer", .string(merge.committer.name)),
                    ("email", .string(merge.committer.email)), ("date", .string(isoDate(merge.committer))),
                  ])
                } ?? .null
              ),
            ])
          })
      ),
    ])
  }

  /// `sync of ndrc (../ndrc) at 1a2b3c4, merged by 李四 <lisi@example.cn>, 2026-05-01 08:09 +0800`.
  static func mergeLine(_ merge: HistoryEntry.Merge) -> LocalizedText {
    let who = "\(merge.committer.name.oneLine) <\(merge.committer.email.oneLine)>"
    let when = date(merge.committer)
    let url = merge.sourceURL.map { " (\($0.oneLine))" } ?? ""
    let what =
      merge.source.map { LocalizedText(zh: "同步 \($0.oneLine)\(url) 的 \(merge.merged)", en: "sync of \($0.oneLine)\(url) at \(merge.merged)") }
      ?? LocalizedText(zh: "合并 \(merge.merged)", en: "merge of \(merge.merged)")
    return what + LocalizedText(zh: "，由 \(who) 于 \(when) 合并", en: ", merged by \(who), \(when)")
  }

  /// `2026-01-01 08:01 +0800`, in the author's own time zone.
  static func date(_ signature: Signature) -> String {
    let (year, month, day, hour, minute, _) = civil(signature)
    return "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(hour)):\(pad(minute)) \(offset(signature, colon: false))"
  }

  /// `2026-01-01T08:01:00+08:00`.
  static func isoDate(_ signature: Signature) -> String {
    let (year, month, day, hour, minute, second) = civil(signature)
    return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))"
      + offset(signature, colon: true)
  }

  private static func offset(_ signature: Signature, colon: Bool) -> String {
    let minutes = abs(signature.offsetMinutes)
    return (signature.offsetMinutes < 0 ? "-" : "+") + pad(minutes / 60) + (colon ? ":" : "") + pad(minutes % 60)
  }

  /// The local calendar date and time of a signature (proleptic Gregorian calendar).
  private static func civil(_ signature: Signature) -> (Int, Int, Int, Int, Int, Int) {
    let seconds = signature.time + Int64(signature.offsetMinutes) * 60
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let time = Int(seconds - days * 86_400)
    let (year, month, day) = Identity.civilFromDays(days)
    return (year, month, day, time / 3600, time % 3600 / 60, time % 60)
  }

  private static func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

extension Paint {
  func commit(_ text: String) -> String { enabled ? "\u{1B}[33m\(text)\u{1B}[0m" : text }
}
