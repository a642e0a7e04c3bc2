/// `items.overlaps-base`: ≥ 60% of a department resource's item names repeat a base resource
/// of another department (duplicate collection, 一数一源).
public enum ItemsOverlapsBase: RegistryRule {
  public static let id = "items.overlaps-base"
  public static let severity = Severity.warning
  public static let meaning = LocalizedText(
    zh: "部门资源的信息项大多与其他部门的基础信息资源重复（重复采集）",
    en: "most data items of a department resource repeat another department's base resource (duplicate collection)")
  public static let hint = LocalizedText(
    zh: "从基础信息资源获取这些数据并在 related 中关联，不再重复采集",
    en: "draw these items from the base resource and link it in related instead of collecting them again")

  public static let threshold = 0.6

  /// It compares a resource with every base resource of the registry.
  public static var judgedOnChanges: Bool { false }

  public static func check(_ catalog: Catalog) -> [Finding] {
    // Item name → the active base resources that carry it.
    var carriers: [String: [Int]] = [:]
    var bases: [ResourceFile] = []
    for file in catalog.resources {
      guard let resource = file.resource, !resource.isRetired, resource.code.hasPrefix("1") else { continue }
      for name in Set(resource.items.map(\.name)) where !name.isEmpty {
        carriers[name, default: []].append(bases.count)
      }
      bases.append(file)
    }
    guard !bases.isEmpty else { return [] }
    var findings: [Finding] = []
    for file in catalog.resources {
      guard let resource = file.resource, !resource.isRetired, resource.code.hasPrefix("3") else { continue }
      let names = Set(resource.items.map(\.name).filter { !$0.isEmpty })
      guard !names.isEmpty else { continue }
      var hits: [Int: Int] = [:]
      for name in names {
        for base in carriers[name] ?? [] { hits[base, default: 0] += 1 }
      }
      let worst = hits.filter { bases[$0.key].resource!.provider.code != resource.provider.code }
        .max { ($0.value, bases[$1.key].path) < ($1.value, bases[$0.key].path) }
      guard let (base, count) = worst, Double(count) / Double(names.count) >= threshold else { continue }
      let baseCode = bases[base].code ?? bases[base].path
      let percent = count * 100 / names.count
      findings.append(
        finding(
          file.path, at: file.mark("items"), code: file.code,
          message: meaning.with(
            zh: "\(count)/\(names.count)（\(percent)%）与 \(baseCode) 相同", en: "\(count)/\(names.count) (\(percent)%) repeat \(baseCode)")))
    }
    return findings
  }

  public static let triggering = [
    RuleExample.resource(
      "发展改革委 collecting population data again",
      replacing: "  - { name: 统一社会信用代码, type: C, length: 18 }\n  - { name: 项目名称, type: C, length: 200 }\n  - { name: 核准日期, type: D }",
      with: "  - { name: 公民身份号码, type: C, length: 18 }\n  - { name: 姓名, type: C, length: 50 }\n  - { name: 核准日期, type: D }")
  ]
  public static let nonTriggering = [
    RuleExample.resource(
      "one shared item of three",
      replacing: "  - { name: 统一社会信用代码, type: C, length: 18 }",
      with: "  - { name: 姓名, type: C, length: 50 }")
  ]
}
