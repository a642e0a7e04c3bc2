import MuluCatalog

/// Writes a report in the text form of SPEC §3 or the JSON shape of §4.
enum FindingWriter {
  static func text(_ report: Report, language: Language, color: Bool) -> String {
    var out = ""
    for finding in report.findings {
      var place = oneLine(finding.path)
      if let line = finding.line {
        place += ":\(line)"
        if let column = finding.column { place += ":\(column)" }
      }
      let severity = finding.severity.rawValue
      let painted = color ? (finding.severity == .error ? "\u{1B}[31m\(severity)\u{1B}[0m" : "\u{1B}[33m\(severity)\u{1B}[0m") : severity
      // The frame of the line is fixed by SPEC §3 in every language; only message and hint are translated.
      out += "\(place): \(painted)[\(finding.rule)]: \(oneLine(finding.message[language])) (hint: \(oneLine(finding.hint[language])))\n"
    }
    return out
  }

  /// One line per finding: line breaks and other control characters that a path or a value
  /// brings (a pusher chooses both) are written as escapes, so that no finding spans two lines,
  /// forges another, or sends escape sequences to a terminal.
  static func oneLine(_ text: String) -> String {
    func isControl(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func summary(_ report: Report, language: Language) -> String {
    switch language {
    case .zh: return "\(report.errorCount) 个错误，\(report.warningCount) 个警告"
    case .en:
      let errors = report.errorCount == 1 ? "1 error" : "\(report.errorCount) errors"
      let warnings = report.warningCount == 1 ? "1 warning" : "\(report.warningCount) warnings"
      return "\(errors), \(warnings)"
    }
  }

  static func json(_ report: Report, language: Language) -> JSON {
    .object([
      ("errors", .int(report.errorCount)),
      ("warnings", .int(report.warningCount)),
      ("findings", .array(report.findings.map { record($0, language: language) })),
    ])
  }

  static func record(_ finding: Finding, language: Language) -> JSON {
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
