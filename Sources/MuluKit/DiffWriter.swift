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
        out += change.isRetiredProviderRename ? retiredRenameMark(language) : ""
        out += change.breaking ? paint.breaking(breakingMark(language)) : ""
        out += "\n"
        for field in change.fields {
          out += "    " + fieldLine(field, language: language)
          out += field.impact == .breaking ? paint.breaking(breakingMark(language)) : ""
          out += "\n"
        }
      }
    }
    return out
  }

  /// The first line of the text: both sides and the counts.
  static func headline(_ d: SemanticDiff, language: Language) -> String {
    let summary = d.summary
    let sides = "\(d.from.oneLine) → \(d.to.oneLine)"
    if summary.total == 0 {
      return language == .zh ? "\(sides)：没有变更" : "\(sides): no changes"
    }
    let counts = ChangeKind.allCases.map { kind in
      language == .zh ? "\(kindName(kind, language: .zh)) \(summary[kind])" : "\(summary[kind]) \(kind.rawValue)"
    }
    switch language {
    case .zh: return "\(sides)：\(counts.joined(separator: "，"))；不兼容 \(summary.breaking)"
    case .en: return "\(sides): \(counts.joined(separator: ", ")); \(summary.breaking) breaking"
    }
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
    let zh = language == .zh
    var out = (zh ? "# 目录变更：" : "# Catalog changes: ") + escaped("\(d.from) → \(d.to)") + "\n\n"
    guard !d.changes.isEmpty else { return out + (zh ? "没有变更。\n" : "No changes.\n") }

    let columns = ChangeKind.allCases.map { kindName($0, language: language) } + [zh ? "不兼容" : "breaking"]
    func counts(_ summary: DiffSummary) -> [String] {
      ChangeKind.allCases.map { String(summary[$0]) } + [String(summary.breaking)]
    }
    out += table(header: columns, alignRight: columns.count, rows: [counts(d.summary)])

    out += "\n## " + (zh ? "按部门" : "By department") + "\n\n"
    out += table(
      header: [zh ? "部门" : "Department", zh ? "代码" : "Code"] + columns, alignRight: columns.count,
      rows: departments(d.changes).map { group in
        [escaped(group.first!.providerName), group.first!.provider.oneLine] + counts(DiffSummary(group))
      })

    out += "\n## " + (zh ? "按共享类型" : "By sharing type") + "\n\n"
    var bySharing: [String: [ResourceChange]] = [:]
    for change in d.changes { bySharing[change.sharingType, default: []].append(change) }
    let sharingTypes = bySharing.keys.sorted { a, b in
      let left = Vocabulary.sharingTypes.firstIndex(of: a) ?? Int.max
      let right = Vocabulary.sharingTypes.firstIndex(of: b) ?? Int.max
      return left != right ? left < right : a.utf8.lexicographicallyPrecedes(b.utf8)
    }
    out += table(
      header: [zh ? "共享类型" : "Sharing type"] + columns, alignRight: columns.count,
      rows: sharingTypes.map { type in
        [type.isEmpty ? (zh ? "（未填）" : "(not given)") : escaped(type)] + counts(DiffSummary(bySharing[type]!))
      })

    let breaking = d.changes.filter(\.breaking)
    let others = d.changes.filter { !$0.breaking }
    let sections = [(zh ? "不兼容变更" : "Breaking changes", breaking), (zh ? "其他变更" : "Other changes", others)]
    for (title, changes) in sections where !changes.isEmpty {
      out += "\n## \(title)\n"
      for group in departments(changes) {
        out += "\n### " + escaped(department(group.first!, language: language)) + "\n\n"
        for change in group {
          out += "- **\(kindName(change.kind, language: language))** `\(change.code.oneLine)`"
          out += change.name.isEmpty ? "" : " " + escaped(change.name)
          out += change.isRetiredProviderRename ? retiredRenameMark(language) : ""
          out += "\n"
          for field in change.fields {
            out += "  - `\(field.field.oneLine)`" + (zh ? "：" : ": ")
            out += escaped(value(field.old, language: language)) + " → " + escaped(value(field.new, language: language))
            if field.impact == .breaking { out += zh ? "（不兼容）" : " (breaking)" }
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

  /// The word for a kind of change: `added` or 新增.
  public static func kindName(_ kind: ChangeKind, language: Language) -> String {
    switch language {
    case .en: return kind.rawValue
    case .zh:
      switch kind {
      case .added: return "新增"
      case .modified: return "修改"
      case .retired: return "注销"
      case .unretired: return "恢复"
      case .deleted: return "删除"
      }
    }
  }

  /// The mark of a retired resource that follows its department's new name.
  static func retiredRenameMark(_ language: Language) -> String {
    language == .zh ? "（已注销；部门在 departments.yaml 中更名）" : " (retired; the department was renamed in departments.yaml)"
  }

  static func breakingMark(_ language: Language) -> String {
    language == .zh ? "【不兼容】" : " [breaking]"
  }

  /// `field: old → new`, on one line.
  static func fieldLine(_ field: FieldChange, language: Language) -> String {
    let old = value(field.old, language: language)
    let new = value(field.new, language: language)
    return field.field.oneLine + (language == .zh ? "：" : ": ") + "\(old) → \(new)"
  }

  /// A value on one line, its line breaks shown as ⏎ and other control characters escaped; an
  /// absent one said so.
  static func value(_ text: String?, language: Language) -> String {
    guard let text else { return language == .zh ? "（无）" : "(none)" }
    return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "⏎").oneLine
  }

  /// A department as a heading: its name as the files write it, and its code.
  static func department(_ change: ResourceChange, language: Language) -> String {
    let code = change.provider.oneLine
    if change.providerName.isEmpty { return code }
    let name = change.providerName.oneLine
    return language == .zh ? "\(name)（\(code)）" : "\(name) (\(code))"
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

/// ANSI colours for the text writer, or none.
struct Paint {
  var enabled: Bool

  func bold(_ text: String) -> String { wrap(text, "1") }

  func breaking(_ text: String) -> String { wrap(text, "1;31") }

  func kind(_ kind: ChangeKind, _ text: String) -> String {
    switch kind {
    case .added: wrap(text, "32")
    case .modified: wrap(text, "33")
    case .retired, .deleted: wrap(text, "31")
    case .unretired: wrap(text, "36")
    }
  }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
