import MuluCatalog

/// The pre-receive hook's messages: the findings per ref in the text form of docs/commands.md, the
/// semantic preview of each branch's change, and one closing line.
public enum PushWriter {
  public static func text(_ verdict: PushVerdict, language: Language) -> String {
    var out = ""
    if let pusher = verdict.pusher {
      out += "mulu: " + LocalizedText(zh: "推送者 \(pusher.oneLine)", en: "pusher \(pusher.oneLine)")[language] + "\n"
    }
    out += FindingWriter.text(verdict.general, language: language, color: false)
    for ref in verdict.refs where !ref.report.findings.isEmpty || !(ref.preview?.changes.isEmpty ?? true) {
      out += header(ref.update, language: language)
      out += FindingWriter.text(ref.report, language: language, color: false)
      if let preview = ref.preview, !preview.changes.isEmpty { out += self.preview(preview, language: language) }
    }
    for note in verdict.notes { out += "mulu: " + note[language] + "\n" }
    return out
  }

  /// How many resource lines a preview shows before it only counts the rest.
  public static let previewLines = 20

  /// The resources the change adds, modifies, retires…: counts, then one line each,
  /// breaking changes first.
  public static func preview(_ diff: SemanticDiff, language: Language) -> String {
    let summary = diff.summary
    let counts = DiffWriter.counts(summary, of: ChangeKind.allCases.filter { summary[$0] > 0 })
    var out = (LocalizedText(zh: "预览：", en: "preview: ") + counts)[language] + "\n"
    let ordered = diff.changes.filter(\.breaking) + diff.changes.filter { !$0.breaking }
    for change in ordered.prefix(previewLines) {
      // Codes, names and field names come from the pushed files: printed on one line each.
      out += "  \(DiffWriter.kindName(change.kind, language: language)) \(change.code.oneLine)"
      out += change.name.isEmpty ? "" : " \(change.name.oneLine)"
      if change.breaking {
        let fields = change.fields.filter { $0.impact == .breaking }.map { LocalizedText($0.field.oneLine) }
        let mark =
          fields.isEmpty
          ? DiffWriter.breakingMark
          : LocalizedText(zh: "【不兼容：", en: " [breaking: ") + fields.joined(zh: "、", en: ", ") + LocalizedText(zh: "】", en: "]")
        out += mark[language]
      }
      out += "\n"
    }
    if ordered.count > previewLines {
      let more = ordered.count - previewLines
      out += LocalizedText(zh: "  ……另有 \(more) 项", en: "  … and \(more) more")[language] + "\n"
    }
    return out
  }


  public static func header(_ update: RefUpdate, language: Language) -> String {
    let move: String
    if update.isCreation {
      move = LocalizedText(zh: "新建于 \(update.new.abbreviated(10))", en: "created at \(update.new.abbreviated(10))")[language]
    } else if update.isDeletion {
      move = LocalizedText(zh: "删除", en: "deleted")[language]
    } else {
      move = "\(update.old.abbreviated(10)) → \(update.new.abbreviated(10))"
    }
    let name = update.name.oneLine
    return LocalizedText(zh: "== \(name)（\(move)）", en: "== \(name) (\(move))")[language] + "\n"
  }

  /// The last line: accepted or rejected, and why.
  public static func closing(_ verdict: PushVerdict, language: Language, gitLab: Bool) -> String {
    let report = Report(findings: verdict.findings)
    let counts = FindingWriter.summary(report, language: language)
    if verdict.accepted {
      return "mulu: " + LocalizedText(zh: "推送已接受：", en: "push accepted: ")[language] + counts + "\n"
    }
    let rules = verdict.errorsByRule.map { LocalizedText(zh: "\($0.rule) \($0.count) 个", en: "\($0.rule): \($0.count)") }
    let why = LocalizedText(zh: "（", en: " (") + rules.joined(zh: "，", en: ", ") + LocalizedText(zh: "）", en: ")")
    let line = "mulu: " + LocalizedText(zh: "推送被拒绝：", en: "push rejected: ")[language] + counts + why[language]
    return (gitLab ? "GL-HOOK-ERR: " : "") + line + "\n"
  }

  /// The hook could not judge the push: it is rejected (fail closed).
  public static func failure(_ message: LocalizedText, language: Language, gitLab: Bool) -> String {
    let line =
      "mulu: " + LocalizedText(zh: "推送被拒绝：钩子无法完成检查：", en: "push rejected: the hook could not finish its checks: ")[language]
      + message[language]
    return (gitLab ? "GL-HOOK-ERR: " : "") + line + "\n"
  }
}
