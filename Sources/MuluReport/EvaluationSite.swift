import MuluCatalog
import MuluPublish

/// The evaluation on a published site (`mulu publish`): `evaluation.html`, the page of
/// `mulu report --format html`, and on each department's page its own indicators, its score
/// and the parts of it.
public struct EvaluationSite: SiteExtension {
  public static let path = "evaluation.html"

  public let evaluation: Evaluation
  private let byCode: [String: DepartmentEvaluation]

  public init(_ evaluation: Evaluation) {
    self.evaluation = evaluation
    var byCode: [String: DepartmentEvaluation] = [:]
    for department in evaluation.departments { byCode[department.code] = department }
    self.byCode = byCode
  }

  public func documents(language: Language) -> [SiteDocument] {
    [
      SiteDocument(
        path: Self.path, title: EvaluationRows.t("共享评价", "Evaluation")[language],
        content: EvaluationHTML.page(evaluation, language: language))
    ]
  }

  public func departmentSections(_ department: SiteDepartment, language: Language) -> [SiteSection] {
    guard let evaluated = byCode[department.code] else { return [] }
    typealias R = EvaluationRows
    let rows = R.indicators(evaluated.indicators, sync: evaluated.sync) + R.components(evaluated, policy: evaluation.policy)
    var cells = rows.map { [SiteCell($0.label[language]), SiteCell($0.value[language])] }
    cells.append([
      SiteCell(R.t("全部部门的评价", "All departments' evaluation")[language]),
      SiteCell(R.t("评价报告", "evaluation report")[language], href: Self.path + "#d-" + department.code),
    ])
    return [
      SiteSection(
        id: "evaluation", title: R.t("共享评价", "Evaluation")[language],
        paragraphs: [R.scoreLine(evaluated)[language], R.heading(evaluation)[language]],
        table: SiteTable(header: [R.t("指标", "Indicator")[language], R.t("数值", "Value")[language]], rows: cells))
    ]
  }
}
