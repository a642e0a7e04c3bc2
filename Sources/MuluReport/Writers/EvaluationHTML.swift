import MuluCatalog

/// `mulu report --format html`: one self-contained page (styles inline, charts as inline SVG,
/// no script, nothing from another host), and the parts `mulu publish` puts on its pages.
public enum EvaluationHTML {
  typealias R = EvaluationRows

  private static func e(_ text: String) -> String { HTMLText.escape(text) }

  public static func page(_ evaluation: Evaluation, language: Language) -> String {
    let title = R.title(evaluation)[language]
    var out = """
      <!DOCTYPE html>
      <html lang="\(language == .zh ? "zh-CN" : "en")">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(title))</title>
      <link rel="icon" href="data:,">
      <style>\(stylesheet)</style>
      </head>
      <body>

      """
    out += "<header class=\"banner\"><div class=\"wrap\"><p class=\"kicker\">"
      + e(R.t("政务信息资源目录 · 共享评价", "Government information resource catalog · sharing evaluation")[language])
      + "</p><h1>\(e(title))</h1><p class=\"sub\">\(e(R.heading(evaluation)[language]))</p></div></header>\n"
    out += "<main class=\"wrap\">\n"
    out += summaryCards(evaluation, language: language)
    out += section(
      R.t("得分排名", "Score ranking")[language], SVGCharts.ranking(evaluation.departments, language: language),
      note: R.t(
        "得分 0–100，按 registry.yaml 中 evaluation 的权重计算；各项定义见 docs/evaluation.md。",
        "Scores 0–100, weighted as registry.yaml's evaluation section says; docs/evaluation.md defines each part.")[language])
    out += section(
      R.t("各部门共享类型构成", "Sharing types per department")[language],
      SVGCharts.sharingMix(evaluation.departments, language: language),
      note: R.t("按在用资源计；右侧为在用资源数。", "Active resources; their number on the right.")[language])
    out += section(
      R.t("各发布的在用资源数", "Active resources per release")[language],
      SVGCharts.resourcesOverTime(evaluation.releases, language: language))
    out += section(
      R.t("各发布的不兼容变更", "Breaking changes per release")[language],
      SVGCharts.breakingPerRelease(evaluation.releases, language: language))
    out += section(R.t("全目录指标", "Registry indicators")[language], table(R.indicators(evaluation.registry.indicators, sync: evaluation.sources), language))
    out += section(
      R.t("评价总表", "Assessment table")[language], rankingTable(evaluation, language: language),
      note: R.t("占比按在用资源计；“—”表示分母为 0。", "Shares of active resources; “—” where the denominator is 0.")[language])
    for department in evaluation.departments {
      out += "<section class=\"card\" id=\"d-\(e(department.code))\"><h2>\(e(R.departmentTitle(department)[language]))</h2>"
      out += departmentBody(department, policy: evaluation.policy, language: language)
      out += "</section>\n"
    }
    out += "</main>\n<footer class=\"wrap\">"
      + e(
        R.t(
          "由 mulu report 生成，数据取自提交 \(evaluation.commit)（\(evaluation.date)）。同一版本的报告始终相同。",
          "Made by mulu report from commit \(evaluation.commit) (\(evaluation.date)). A report of one revision never changes.")[language])
      + "</footer>\n</body>\n</html>\n"
    return out
  }

  /// A department's score, its indicators and the parts of its score: the section of a
  /// department page.
  public static func departmentBody(_ department: DepartmentEvaluation, policy: EvaluationPolicy, language: Language)
    -> String
  {
    "<p class=\"score\">\(e(R.scoreLine(department)[language]))</p>"
      + table(R.indicators(department.indicators, sync: department.sync), language)
      + "<details><summary>\(e(R.t("得分构成", "How the score is made")[language]))</summary>"
      + table(R.components(department, policy: policy), language) + "</details>"
  }

  /// The stylesheet of the page, for a page that embeds `departmentBody`.
  public static let stylesheet = """
    :root{--red:#a4161a;--ink:#1d1d1f;--line:#dcdfe4;--muted:#6b7280;--blue:#1f4e8c}
    *{box-sizing:border-box}
    body{margin:0;background:#f4f5f7;color:var(--ink);font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
    .wrap{max-width:1080px;margin:0 auto;padding:0 20px}
    .banner{background:linear-gradient(#b3191e,#8e1216);color:#fff;border-bottom:4px solid #d4a017;padding:18px 0 16px}
    .banner h1{margin:2px 0 4px;font-size:26px;letter-spacing:1px}
    .kicker{margin:0;opacity:.85;font-size:13px;letter-spacing:2px}
    .sub{margin:0;opacity:.9;font-size:13px}
    main{padding:18px 20px 8px}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(128px,1fr));gap:12px;margin-bottom:16px}
    .stat{background:#fff;border:1px solid var(--line);border-top:3px solid var(--red);padding:10px 14px}
    .stat b{display:block;font-size:24px;color:var(--red)}
    .stat span{color:var(--muted);font-size:12px}
    .card{background:#fff;border:1px solid var(--line);padding:14px 18px;margin-bottom:16px;overflow-x:auto}
    .card h2{margin:0 0 10px;font-size:17px;border-left:4px solid var(--red);padding-left:8px}
    svg{max-width:100%;height:auto;font-family:inherit}
    table{border-collapse:collapse;width:100%;font-size:13px}
    th,td{border:1px solid var(--line);padding:5px 9px;text-align:left;vertical-align:top}
    th{background:#f0f2f5;font-weight:600}
    td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    table.pairs th{width:19%}table.pairs td{width:31%}
    table.grid td,table.grid th{padding:4px 7px}table.grid td:nth-child(4){white-space:nowrap}table.grid td:nth-child(3){font-size:11px;color:var(--muted);text-align:left}table.grid tbody tr:nth-child(even){background:#fafbfc}
    .note,.empty{color:var(--muted);font-size:12px;margin:6px 0 0}
    .score{font-weight:600;color:var(--red);margin:0 0 8px}
    details{margin-top:8px}summary{cursor:pointer;color:var(--blue)}
    footer{color:var(--muted);font-size:12px;padding:8px 20px 24px}
    """

  static func section(_ title: String, _ body: String, note: String? = nil) -> String {
    "<section class=\"card\"><h2>\(e(title))</h2>\(body)"
      + (note.map { "<p class=\"note\">\(e($0))</p>" } ?? "") + "</section>\n"
  }

  /// Label and value pairs, two pairs to a line.
  static func table(_ rows: [R.Row], _ language: Language) -> String {
    var out = "<table class=\"pairs\"><tbody>"
    for start in stride(from: 0, to: rows.count, by: 2) {
      out += "<tr>"
      for row in rows[start..<min(start + 2, rows.count)] {
        out += "<th scope=\"row\">\(e(row.label[language]))</th><td>\(e(row.value[language]))</td>"
      }
      if start + 1 >= rows.count { out += "<th></th><td></td>" }
      out += "</tr>"
    }
    return out + "</tbody></table>"
  }

  /// The assessment table: one row per department with its main indicators.
  static func rankingTable(_ evaluation: Evaluation, language: Language) -> String {
    let columns = EvaluationText.assessmentHeader
    var out = "<table class=\"grid\"><thead><tr>"
    for (index, header) in columns.enumerated() {
      out += "<th\(index == 3 ? "" : " class=\"n\"")>\(e(header[language]))</th>"
    }
    out += "</tr></thead><tbody>"
    for department in evaluation.departments {
      let cells = EvaluationText.assessmentRow(department, language: language)
      out += "<tr>"
      for (index, cell) in cells.enumerated() {
        if index == 3 {
          out += "<td><a href=\"#d-\(e(department.code))\">\(e(cell))</a></td>"
        } else {
          out += "<td class=\"n\">\(e(cell))</td>"
        }
      }
      out += "</tr>"
    }
    return out + "</tbody></table>"
  }

  static func summaryCards(_ evaluation: Evaluation, language: Language) -> String {
    let registry = evaluation.registry.indicators
    let cards: [(String, LocalizedText)] = [
      (SVGCharts.number(Double(registry.resources)), R.t("在用资源", "active resources")),
      (SVGCharts.number(Double(registry.retired)), R.t("已注销资源", "retired resources")),
      ("\(evaluation.departments.count)", R.t("部门", "departments")),
      (R.score(evaluation.registry.meanScore), R.t("平均得分", "mean score")),
      (registry.unconditionalShare.map(R.percentText) ?? "—", R.t("无条件共享占比", "unconditional share")),
      ("\(registry.period.added + registry.period.modified + registry.period.retired)", R.t("期间变更资源", "changed in the period")),
      ("\(registry.period.breaking)", R.t("期间不兼容变更", "breaking in the period")),
    ]
    return "<div class=\"cards\">"
      + cards.map { "<div class=\"stat\"><b>\(e($0.0))</b><span>\(e($0.1[language]))</span></div>" }.joined()
      + "</div>\n"
  }
}
