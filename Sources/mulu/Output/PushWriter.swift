import MuluCatalog
import MuluKit

/// The pre-receive hook's messages: the findings per ref in the text form of SPEC §3, the
/// semantic preview of each branch's change, and one closing line.
enum PushWriter {
  static func text(_ verdict: PushVerdict, language: Language) -> String {
    var out = ""
    if let pusher = verdict.pusher {
      out += "mulu: " + LocalizedText(zh: "推送者 \(pusher)", en: "pusher \(pusher)")[language] + "\n"
    }
    out += FindingWriter.text(verdict.general, language: language, color: false)
    for ref in verdict.refs where !ref.report.findings.isEmpty {
      out += header(ref.update, language: language)
      out += FindingWriter.text(ref.report, language: language, color: false)
    }
    return out
  }

  static func header(_ update: RefUpdate, language: Language) -> String {
    let move: String
    if update.isCreation {
      move = LocalizedText(zh: "新建于 \(short(update.new))", en: "created at \(short(update.new))")[language]
    } else if update.isDeletion {
      move = LocalizedText(zh: "删除", en: "deleted")[language]
    } else {
      move = "\(short(update.old)) → \(short(update.new))"
    }
    return language == .zh ? "== \(update.name)（\(move)）\n" : "== \(update.name) (\(move))\n"
  }

  /// The last line: accepted or rejected, and why.
  static func closing(_ verdict: PushVerdict, language: Language, gitLab: Bool) -> String {
    let report = Report(findings: verdict.findings)
    let counts = FindingWriter.summary(report, language: language)
    if verdict.accepted {
      return "mulu: " + LocalizedText(zh: "推送已接受：", en: "push accepted: ")[language] + counts + "\n"
    }
    let rules = verdict.errorsByRule.map { language == .zh ? "\($0.rule) \($0.count) 个" : "\($0.rule): \($0.count)" }
    let why = language == .zh ? "（\(rules.joined(separator: "，"))）" : " (\(rules.joined(separator: ", ")))"
    let line = "mulu: " + LocalizedText(zh: "推送被拒绝：", en: "push rejected: ")[language] + counts + why
    return (gitLab ? "GL-HOOK-ERR: " : "") + line + "\n"
  }

  /// The hook could not judge the push: it is rejected (fail closed).
  static func failure(_ message: LocalizedText, language: Language, gitLab: Bool) -> String {
    let line =
      "mulu: " + LocalizedText(zh: "推送被拒绝：钩子无法完成检查：", en: "push rejected: the hook could not finish its checks: ")[language]
      + message[language]
    return (gitLab ? "GL-HOOK-ERR: " : "") + line + "\n"
  }

  private static func short(_ id: some CustomStringConvertible) -> String { String(id.description.prefix(10)) }
}
