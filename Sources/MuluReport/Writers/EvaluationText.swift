import MuluCatalog

/// `mulu report --format text` (a terminal) and `--format markdown` (for reports): the
/// registry summary, the ranking, then a table per department.
public enum EvaluationText {
  public static func text(_ evaluation: Evaluation, language: Language) -> String {
    typealias R = EvaluationRows
    var out = R.title(evaluation)[language] + "\n" + R.heading(evaluation)[language] + "\n\n"
    out += R.t("全目录", "Registry")[language] + "\n"
    out += table(rows(R.indicators(evaluation.registry.indicators, sync: evaluation.sources), language), indent: "  ")
    out += "\n" + R.t("排名", "Ranking")[language] + "\n"
    out += table([rankingHeader.map { $0[language] }] + ranking(evaluation), indent: "  ", header: true)
    for department in evaluation.departments {
      out += "\n" + R.departmentTitle(department)[language] + "  " + R.scoreLine(department)[language] + "\n"
      let lines = R.indicators(department.indicators, sync: department.sync) + R.components(department, policy: evaluation.policy)
      out += table(rows(lines, language), indent: "  ")
    }
    return out
  }

  public static func markdown(_ evaluation: Evaluation, language: Language) -> String {
    typealias R = EvaluationRows
    let header = [R.t("指标", "Indicator")[language], R.t("数值", "Value")[language]]
    var out = "# " + cell(R.title(evaluation)[language]) + "\n\n" + cell(R.heading(evaluation)[language]) + "\n\n"
    out += "## " + R.t("全目录", "Registry")[language] + "\n\n"
    out += markdownTable([header] + rows(R.indicators(evaluation.registry.indicators, sync: evaluation.sources), language))
    out += "\n## " + R.t("排名", "Ranking")[language] + "\n\n"
    out += markdownTable(
      [assessmentHeader.map { $0[language] }] + evaluation.departments.map { assessmentRow($0, language: language) },
      rightAligned: [0, 1, 4, 5, 6, 7, 8, 9, 10, 11])
    for department in evaluation.departments {
      out += "\n## " + cell(R.departmentTitle(department)[language]) + "\n\n"
      out += cell(R.scoreLine(department)[language]) + "\n\n"
      let lines = R.indicators(department.indicators, sync: department.sync) + R.components(department, policy: evaluation.policy)
      out += markdownTable([header] + rows(lines, language))
    }
    return out
  }

  static let rankingHeader = [
    EvaluationRows.t("名次", "Rank"), EvaluationRows.t("得分", "Score"), EvaluationRows.t("部门代码", "Code"),
    EvaluationRows.t("部门", "Department"), EvaluationRows.t("在用资源", "Active"),
  ]

  /// The columns of the assessment table (HTML and Markdown).
  static let assessmentHeader = [
    EvaluationRows.t("名次", "Rank"), EvaluationRows.t("得分", "Score"), EvaluationRows.t("部门代码", "Code"),
    EvaluationRows.t("部门", "Department"), EvaluationRows.t("在用资源", "Active"),
    EvaluationRows.t("无条件共享", "Unconditional"), EvaluationRows.t("向社会开放", "Open"),
    EvaluationRows.t("不予共享有依据", "Basis cited"), EvaluationRows.t("牵头目录覆盖", "Coverage"),
    EvaluationRows.t("重复采集", "Duplicate"), EvaluationRows.t("问题", "Findings"),
    EvaluationRows.t("期间变更", "Changed"), EvaluationRows.t("最近变更", "Last change"),
  ]

  static func assessmentRow(_ department: DepartmentEvaluation, language: Language) -> [String] {
    let indicators = department.indicators
    func share(_ value: Double?) -> String { value.map(EvaluationRows.percentText) ?? "—" }
    let coverage = indicators.baseAndThemeCoverage
    let period = indicators.period
    return [
      department.rank.map(String.init) ?? "—", EvaluationRows.score(department.score), department.code,
      department.name.oneLine, "\(indicators.resources)", share(indicators.unconditionalShare),
      share(indicators.openToPublicShare), share(indicators.notSharedWithBasisShare),
      coverage.isEmpty ? "—" : "\(coverage.count { $0.covered })/\(coverage.count)", "\(indicators.duplicateCollection)",
      "\(indicators.errors + indicators.warnings)", "\(period.added + period.modified + period.retired)",
      indicators.lastChange ?? "—",
    ]
  }

  static func ranking(_ evaluation: Evaluation) -> [[String]] {
    evaluation.departments.map { department in
      [
        department.rank.map(String.init) ?? "—", EvaluationRows.score(department.score), department.code,
        department.name.oneLine, "\(department.indicators.resources)",
      ]
    }
  }

  static func rows(_ rows: [EvaluationRows.Row], _ language: Language) -> [[String]] {
    rows.map { [$0.label[language], $0.value[language]] }
  }

  // MARK: Layout

  /// Columns padded to the widest cell as a terminal shows it (Chinese characters take two columns).
  static func table(_ rows: [[String]], indent: String, header: Bool = false) -> String {
    guard let columns = rows.map(\.count).max() else { return "" }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
    }
    var out = ""
    for (number, row) in rows.enumerated() {
      var line = indent
      for (index, cell) in row.enumerated() {
        line += cell
        if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - displayWidth(cell) + 2) }
      }
      out += line + "\n"
      if header && number == 0 {
        out += indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
      }
    }
    return out
  }

  static func markdownTable(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    guard let head = rows.first else { return "" }
    var out = "| " + head.map(cell).joined(separator: " | ") + " |\n"
    out += "|" + head.indices.map { rightAligned.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
    for row in rows.dropFirst() { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
    return out
  }

  /// Text for one Markdown table cell or line: on one line, with the characters that would
  /// start markup escaped.
  static func cell(_ text: String) -> String {
    var out = ""
    for character in text.oneLine {
      if "|\\*_`[]<>#".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// The columns a terminal gives a text: two for East Asian wide and full-width characters.
  static func displayWidth(_ text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
        width += 2
      case 0x0300...0x036F, 0x200B...0x200F:
        break
      default:
        width += 1
      }
    }
    return width
  }
}
