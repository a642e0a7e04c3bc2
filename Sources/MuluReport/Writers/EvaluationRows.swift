import MuluCatalog

/// The lines every format shows, built once as localized text: the indicators of a department
/// or of the registry, and the parts of a score.
enum EvaluationRows {
  struct Row {
    var label: LocalizedText
    var value: LocalizedText
  }

  static func t(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }
  static func same(_ text: String) -> LocalizedText { LocalizedText(zh: text, en: text) }

  /// The sharing types' names.
  static let sharingTypes = [t("无条件共享", "unconditional"), t("有条件共享", "conditional"), t("不予共享", "not shared")]

  /// A fraction as a percentage with one decimal; "—" with its reason when the denominator is zero.
  static func percent(_ value: Double?) -> LocalizedText {
    guard let value else { return t("—（分母为 0）", "— (denominator 0)") }
    return same(percentText(value))
  }

  static func percentText(_ value: Double) -> String {
    let tenths = Int((value * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }

  /// A score with one decimal.
  static func score(_ value: Double?) -> String {
    guard let value else { return "—" }
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  static func decimal(_ value: Double?) -> LocalizedText {
    guard let value else { return t("—（无在用资源）", "— (no active resource)") }
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return same("\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)")
  }

  static func indicators(_ indicators: Indicators, sync: [SourceSync]) -> [Row] {
    var rows: [Row] = [
      Row(label: t("在用资源", "active resources"), value: same("\(indicators.resources)")),
      Row(label: t("已注销资源", "retired resources"), value: same("\(indicators.retired)")),
    ]
    if indicators.unreadable > 0 {
      rows.append(Row(label: t("无法读取的资源文件", "unreadable resource files"), value: same("\(indicators.unreadable)")))
    }
    for (index, name) in sharingTypes.enumerated() {
      rows.append(Row(label: name, value: same("\(indicators.bySharingType[index])")))
    }
    rows += [
      Row(label: t("无条件共享占比", "unconditional share"), value: percent(indicators.unconditionalShare)),
      Row(label: t("向社会开放占比", "open to the public"), value: percent(indicators.openToPublicShare)),
      Row(label: t("不予共享有法规依据占比", "not shared, with a cited basis"), value: percent(indicators.notSharedWithBasisShare)),
      Row(label: t("基础和主题目录覆盖", "base and theme coverage"), value: coverage(indicators.baseAndThemeCoverage)),
      Row(label: t("平均信息项数", "items per resource"), value: decimal(indicators.itemsPerResource)),
      Row(label: t("缺少长度的资源", "resources without lengths"), value: same("\(indicators.resourcesWithoutLengths)")),
      Row(label: t("重复采集资源", "duplicate collection"), value: same("\(indicators.duplicateCollection)")),
      Row(
        label: t("校验问题", "findings"),
        value: t(
          "错误 \(indicators.errors)，警告 \(indicators.warnings)（涉及 \(indicators.filesWithFindings) 个文件）",
          "\(indicators.errors) errors, \(indicators.warnings) warnings (in \(indicators.filesWithFindings) files)")),
      Row(label: t("期间变更", "in the period"), value: period(indicators.period)),
      Row(label: t("最近变更", "last change"), value: lastChange(indicators)),
    ]
    for source in sync {
      rows.append(Row(label: t("同步来源 \(source.name)", "sync source \(source.name)"), value: syncText(source)))
    }
    return rows
  }

  static func coverage(_ items: [Coverage]) -> LocalizedText {
    guard !items.isEmpty else { return t("—（不牵头基础或主题目录）", "— (leads no base or theme 项)") }
    let covered = items.count { $0.covered }
    let list = items.map { "\($0.item) \($0.covered ? "✓" : "✗")" }
    return LocalizedText(
      zh: "\(covered)/\(items.count)：" + list.joined(separator: "，"),
      en: "\(covered)/\(items.count): " + list.joined(separator: ", "))
  }

  static func period(_ period: PeriodActivity) -> LocalizedText {
    t(
      "新增 \(period.added)，修改 \(period.modified)，注销 \(period.retired)，不兼容 \(period.breaking)",
      "\(period.added) added, \(period.modified) modified, \(period.retired) retired, \(period.breaking) breaking")
  }

  static func lastChange(_ indicators: Indicators) -> LocalizedText {
    guard let date = indicators.lastChange, let days = indicators.daysSinceLastChange else { return t("—", "—") }
    return t("\(date)（\(days) 天前）", "\(date) (\(days) days before)")
  }

  static func syncText(_ source: SourceSync) -> LocalizedText {
    let last = source.lastSync.map {
      t("最近同步 \($0.date)（\($0.commit.prefix(12))）", "last synced \($0.date) (\($0.commit.prefix(12)))")
    } ?? t("从未同步", "never synced")
    let behind: LocalizedText
    if source.behind == nil && source.unknownBecause == nil {
      return last
    } else if let count = source.behind {
      behind = t("待合并 \(count) 个提交", "\(count) commits not yet merged")
    } else {
      let reason = (source.unknownBecause ?? "").oneLine
      behind = t("待合并提交数未知（\(reason)）", "commits not yet merged unknown (\(reason))")
    }
    return LocalizedText(zh: last.zh + "，" + behind.zh, en: last.en + ", " + behind.en)
  }

  static func componentName(_ component: EvaluationPolicy.Component) -> LocalizedText {
    switch component {
    case .unconditionalShare: t("无条件共享占比", "unconditional share")
    case .openToPublicShare: t("向社会开放占比", "open to the public")
    case .notSharedWithBasisShare: t("不予共享有依据", "not shared with a basis")
    case .baseAndThemeCoverage: t("基础和主题目录覆盖", "base and theme coverage")
    case .lengthsComplete: t("信息项长度完整", "lengths complete")
    case .noDuplicateCollection: t("无重复采集", "no duplicate collection")
    case .withoutFindings: t("无校验问题", "without findings")
    case .freshness: t("更新及时", "freshness")
    }
  }

  /// Each component with its weight and value.
  static func components(_ department: DepartmentEvaluation, policy: EvaluationPolicy) -> [Row] {
    EvaluationPolicy.Component.allCases.map { component in
      let weight = policy.weights[component] ?? 0
      let value = department.components[component] ?? nil
      let name = componentName(component)
      return Row(
        label: LocalizedText(zh: "得分项 · \(name.zh)（权重 \(weight)）", en: "score · \(name.en) (weight \(weight))"),
        value: value.map { same(percentText($0)) } ?? t("—（不计入）", "— (left out)"))
    }
  }

  /// The revision and period, in one line.
  static func heading(_ evaluation: Evaluation) -> LocalizedText {
    let commit = String(evaluation.commit.prefix(12))
    let since = sinceText(evaluation.since)
    return t(
      "版本 \(evaluation.revision.oneLine)（\(commit)，\(evaluation.date)），统计期间 \(since.zh) → \(evaluation.revision.oneLine)",
      "revision \(evaluation.revision.oneLine) (\(commit), \(evaluation.date)), period \(since.en) → \(evaluation.revision.oneLine)")
  }

  static func sinceText(_ since: PeriodStart) -> LocalizedText {
    switch since.kind {
    case .beginning: return t("（空目录）", "(empty registry)")
    case .date: return t("\(since.label ?? "") 之前的最后一次提交", "the last commit before \(since.label ?? "")")
    case .release, .revision: return same((since.label ?? "").oneLine)
    }
  }

  static func title(_ evaluation: Evaluation) -> LocalizedText {
    let name = evaluation.registry.name.oneLine
    return t("\(name) · 共享评价报告", "\(name) · sharing evaluation")
  }

  static func departmentTitle(_ department: DepartmentEvaluation) -> LocalizedText {
    let name = department.name.isEmpty ? department.code : department.name.oneLine
    return t("\(name)（\(department.code)）", "\(name) (\(department.code))")
  }

  static func scoreLine(_ department: DepartmentEvaluation) -> LocalizedText {
    switch department.status {
    case "active":
      let rank = department.rank.map(String.init) ?? "—"
      return t("得分 \(score(department.score))，名次 \(rank)", "score \(score(department.score)), rank \(rank)")
    case "dissolved":
      return t("已撤销，不参与排名", "dissolved, not ranked")
    default:
      return t("未在 departments.yaml 登记，不参与排名", "not listed in departments.yaml, not ranked")
    }
  }
}
