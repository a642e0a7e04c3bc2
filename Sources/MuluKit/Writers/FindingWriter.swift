import MuluCatalog

/// Writes a report in the text form or the JSON shape of docs/commands.md.
public enum FindingWriter {
  public static func text(_ report: Report, language: Language, color: Bool) -> String {
    var out = ""
    for finding in report.findings {
      var place = finding.path.oneLine
      if let line = finding.line {
        place += ":\(line)"
        if let column = finding.column { place += ":\(column)" }
      }
      let severity = finding.severity.rawValue
      let painted = color ? (finding.severity == .error ? "\u{1B}[31m\(severity)\u{1B}[0m" : "\u{1B}[33m\(severity)\u{1B}[0m") : severity
      // The frame of the line is fixed by docs/commands.md in every language; only message and hint are translated.
      out += "\(place): \(painted)[\(finding.rule)]: \(finding.message[language].oneLine) (hint: \(finding.hint[language].oneLine))\n"
    }
    return out
  }

  public static func summary(_ report: Report, language: Language) -> String {
    let errors = report.errorCount == 1 ? "1 error" : "\(report.errorCount) errors"
    let warnings = report.warningCount == 1 ? "1 warning" : "\(report.warningCount) warnings"
    return LocalizedText(
      zh: "\(report.errorCount) 个错误，\(report.warningCount) 个警告", en: "\(errors), \(warnings)")[language]
  }

  public static func json(_ report: Report, language: Language) -> JSON {
    .object([
      ("errors", .int(report.errorCount)),
      ("warnings", .int(report.warningCount)),
      ("findings", .array(report.findings.map { record($0, language: language) })),
    ])
  }

  public static func record(_ finding: Finding, language: Language) -> JSON {
    .object([
      ("rule", .string(finding.rule)),
      ("severity", .string(finding.severity.rawValue)),
      ("path", .string(finding.path)),
      ("line", .int(finding.line)),
      ("column", .int(finding.column)),
      ("code", .string(finding.code)),
      ("message", .string(finding.message[language])),
      ("hint", .string(finding.hint[language])),
    ])
  }
}
