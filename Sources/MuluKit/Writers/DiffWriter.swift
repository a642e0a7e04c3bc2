import MuluCatalog

/// Writes a semantic diff as text (for terminals), JSON (docs/commands.md) or Markdown (release
/// notes). Every output is sorted: two runs print the same bytes. Codes, names and values come
/// from files a pusher or a fork wrote: the text and Markdown print each on one line, without
/// control characters (`String.oneLine`); JSON escapes them.
public enum DiffWriter {
  // MARK: Text

  /// Grouped by department, breaking changes first in each; colour only when asked.
  public static func text(_ d: SemanticDiff, language: Language, color: Bool) -> String {
    let paint = Paint(enabled: color)
    var out = paint.bold(headline(d, language: language)) + "\n"
    for group in departments(d.changes) {
      out += "\n" + paint.bold(department(group.first!, language: language)) + "\n"
      for change in group {
        out += "  " + paint.kind(change.kind, kindName(change.kind, language: language))
        out += " \(change.code.oneLine)" + (change.name.isEmpty ? "" : " \(change.name.oneLine)")
        out += change.isRetiredProviderRename ? retiredRenameMark[language] : ""
        out += change.breaking ? paint.breaking(breakingMark[language]) : ""
        out += "\n"
        for field in change.fields {
          out += "    " + fieldLine(field, language: language)
          out += field.impact == .breaking ? paint.breaking(breakingMark[language]) : ""
          out += "\n"
        }
      }
    }
    return out
  }

  /// The first line of the text: both sides and the counts.
  static func headline(_ d: SemanticDiff, language: Language) -> String {
    let summary = d.summary
    let sides = LocalizedText("\(d.from.oneLine) → \(d.to.oneLine)")
    if summary.total == 0, let left = d.compatibleLeftOut {
      return (sides
        + LocalizedText(
          zh: "：没有不兼容的变更（另有 \(left) 个资源有兼容的变更）", en: ": no breaking changes (\(left) resource(s) changed compatibly)"))[language]
    }
    if summary.total == 0 { return (sides + LocalizedText(zh: "：没有变更", en: ": no changes"))[language] }
    return (sides + colon + counts(summary, of: ChangeKind.allCases))[language]
  }

  // MARK: JSON

  /// Exactly the shape of docs/commands.md.
  public static func json(_ d: SemanticDiff) -> JSON {
    let summary = d.summary
    return .object([
      ("from", .string(d.from)),
      ("to", .string(d.to)),
      (
        "summary",
        .object(
          ChangeKind.allCases.map { ($0.rawValue, JSON.int(summary[$0])) } + [("breaking", .int(summary.breaking))])
      ),
      ("changes", .array(d.changes.map(record))),
    ])
  }

  /// One change as docs/commands.md writes it.
  static func record(_ change: ResourceChange) -> JSON {
    .object([
      ("code", .string(change.code)),
      ("path", .string(change.path)),
      ("provider", .string(change.provider)),
      ("kind", .string(change.kind.rawValue)),
      ("breaking", .bool(change.breaking)),
      ("fields", .array(change.fields.map(record))),
    ])
  }

  static func record(_ field: FieldChange) -> JSON {
    .object([
      ("field", .string(field.field)),
      ("old", .string(field.old)),
      ("new", .string(field.new)),
      ("impact", .string(field.impact.rawValue)),
    ])
  }

  // MARK: Markdown

  /// Release notes: the counts per department and per sharing type, then the breaking
  /// changes, then the rest, each grouped by department.
  public static func markdown(_ d: SemanticDiff, language: Language) -> String {
    func t(_ zh: String, _ en: String) -> String { LocalizedText(zh: zh, en: en)[language] }
    var out = t("# 目录变更：", "# Catalog changes: ") + escaped("\(d.from) → \(d.to)") + "\n\n"
    if d.changes.isEmpty, let left = d.compatibleLeftOut {
      return out + t("没有不兼容的变更（另有 \(left) 个资源有兼容的变更）。\n", "No breaking changes (\(left) resource(s) changed compatibly).\n")
    }
    guard !d.changes.isEmpty else { return out + t("没有变更。\n", "No changes.\n") }

    let columns = ChangeKind.allCases.map { kindName($0, language: language) } + [t("不兼容", "breaking")]
    func counts(_ summary: DiffSummary) -> [String] {
      ChangeKind.allCases.map { String(summary[$0]) } + [String(summary.breaking)]
    }
    out += table(header: columns, alignRight: columns.count, rows: [counts(d.summary)])

    out += "\n## " + t("按部门", "By department") + "\n\n"
    out += table(
      header: [t("部门", "Department"), t("代码", "Code")] + columns, alignRight: columns.count,
      rows: departments(d.changes).map { group in
        [escaped(group.first!.providerName), group.first!.provider.oneLine] + counts(DiffSummary(group))
      })

    out += "\n## " + t("按共享类型", "By sharing type") + "\n\n"
    var bySharing: [String: [ResourceChange]] = [:]
    for change in d.changes { bySharing[change.sharingType, default: []].append(change) }
    let sharingTypes = bySharing.keys.sorted { a, b in
      let left = Vocabulary.sharingTypes.firstIndex(of: a) ?? Int.max
      let right = Vocabulary.sharingTypes.firstIndex(of: b) ?? Int.max
      return left != right ? left < right : a.utf8.lexicographicallyPrecedes(b.utf8)
    }
    out += table(
      header: [t("共享类型", "Sharing type")] + columns, alignRight: columns.count,
      rows: sharingTypes.map { type in
        [type.isEmpty ? t("（未填）", "(not given)") : escaped(type)] + counts(DiffSummary(bySharing[type]!))
      })

    let breaking = d.changes.filter(\.breaking)
    let others = d.changes.filter { !$0.breaking }
    let sections = [(t("不兼容变更", "Breaking changes"), breaking), (t("其他变更", "Other changes"), others)]
    for (title, changes) in sections where !changes.isEmpty {
      out += "\n## \(title)\n"
      for group in departments(changes) {
        out += "\n### " + escaped(department(group.first!, language: language)) + "\n\n"
        for change in group {
          out += "- **\(kindName(change.kind, language: language))** `\(change.code.oneLine)`"
          out += change.name.isEmpty ? "" : " " + escaped(change.name)
          out += change.isRetiredProviderRename ? retiredRenameMark[language] : ""
          out += "\n"
          for field in change.fields {
            out += "  - `\(field.field.oneLine)`" + t("：", ": ")
            out += escaped(value(field.old, language: language)) + " → " + escaped(value(field.new, language: language))
            if field.impact == .breaking { out += t("（不兼容）", " (breaking)") }
            out += "\n"
          }
        }
      }
    }
    return out
  }

  private static func table(header: [String], alignRight: Int, rows: [[String]]) -> String {
    let alignments = header.indices.map { $0 >= header.count - alignRight ? "---:" : "---" }
    var out = "| " + header.joined(separator: " | ") + " |\n"
    out += "|" + alignments.joined(separator: "|") + "|\n"
    for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
    return out
  }

  /// Text safe in a Markdown paragraph or table cell.
  static func escaped(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": out += "\\\(character)"
      case "\n", "\r\n", "\r": out += " "
      default: out += String(character).oneLine
      }
    }
    return out
  }

  // MARK: Words

  /// The word for a kind of change: 新增 / `added`.
  public static func kindWord(_ kind: ChangeKind) -> LocalizedText {
    switch kind {
    case .added: return LocalizedText(zh: "新增", en: kind.rawValue)
    case .modified: return LocalizedText(zh: "修改", en: kind.rawValue)
    case .retired: return LocalizedText(zh: "注销", en: kind.rawValue)
    case .unretired: return LocalizedText(zh: "恢复", en: kind.rawValue)
    case .deleted: return LocalizedText(zh: "删除", en: kind.rawValue)
    }
  }

  public static func kindName(_ kind: ChangeKind, language: Language) -> String { kindWord(kind)[language] }

  /// How many changes of each of `kinds`, then (unless told not to) how many break:
  /// 新增 2，修改 1；不兼容 0.
  public static func counts(_ summary: DiffSummary, of kinds: [ChangeKind], breaking: Bool = true) -> LocalizedText {
    let counts = countWords(of: kinds) { summary[$0] }.joined(zh: "，", en: ", ")
    return breaking ? counts + breakingCount(summary.breaking) : counts
  }

  /// `新增 2` / `2 added`, for each of `kinds`.
  static func countWords(of kinds: [ChangeKind], _ count: (ChangeKind) -> Int) -> [LocalizedText] {
    kinds.map { LocalizedText(zh: "\(kindWord($0).zh) \(count($0))", en: "\(count($0)) \($0.rawValue)") }
  }

  /// `；不兼容 n` / `; n breaking`.
  public static func breakingCount(_ count: Int) -> LocalizedText {
    LocalizedText(zh: "；不兼容 \(count)", en: "; \(count) breaking")
  }

  /// The mark of a retired resource that follows its department's new name.
  static let retiredRenameMark = LocalizedText(
    zh: "（已注销；部门在 departments.yaml 中更名）", en: " (retired; the department was renamed in departments.yaml)")

  static let breakingMark = LocalizedText(zh: "【不兼容】", en: " [breaking]")

  /// `：` / `: `.
  static let colon = LocalizedText(zh: "：", en: ": ")

  /// `field: old → new`, on one line.
  static func fieldLine(_ field: FieldChange, language: Language) -> String {
    let old = value(field.old, language: language)
    let new = value(field.new, language: language)
    return field.field.oneLine + colon[language] + "\(old) → \(new)"
  }

  /// A value on one line, its line breaks shown as ⏎ and other control characters escaped; an
  /// absent one said so.
  static func value(_ text: String?, language: Language) -> String {
    guard let text else { return LocalizedText(zh: "（无）", en: "(none)")[language] }
    return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "⏎").oneLine
  }

  /// A department as a heading: its name as the files write it, and its code.
  static func department(_ change: ResourceChange, language: Language) -> String {
    let code = change.provider.oneLine
    if change.providerName.isEmpty { return code }
    let name = change.providerName.oneLine
    return LocalizedText(zh: "\(name)（\(code)）", en: "\(name) (\(code))")[language]
  }

  /// The changes grouped by provider (in order of provider code), breaking ones first in
  /// each group, then by code.
  static func departments(_ changes: [ResourceChange]) -> [[ResourceChange]] {
    var groups: [[ResourceChange]] = []
    for change in changes.sorted(by: ResourceChange.ordered) {
      if let last = groups.last?.first, last.provider == change.provider {
        groups[groups.count - 1].append(change)
      } else {
        groups.append([change])
      }
    }
    return groups.map { group in group.filter(\.breaking) + group.filter { !$0.breaking } }
  }
}
