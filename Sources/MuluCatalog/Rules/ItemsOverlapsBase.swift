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
    // Item name → the active base resources that carry it (positions in `bases`).
    var carriers: [ItemNames.Symbol: [Int]] = [:]
    var bases: [(file: ResourceDigest, provider: String)] = []
    for file in catalog.resources {
      guard let content = file.content, !content.isRetired, file.writtenCode.hasPrefix("1") else { continue }
      for name in content.items { carriers[name, default: []].append(bases.count) }
      bases.append((file, content.providerCode))
    }
    guard !bases.isEmpty else { return [] }
    var findings: [Finding] = []
    // Shared items per base, for the resource at hand; `touched` lists the bases to reset.
    var hits = [Int](repeating: 0, count: bases.count)
    var touched: [Int] = []
    for file in catalog.resources {
      guard let content = file.content, !content.isRetired, file.writtenCode.hasPrefix("3") else { continue }
      let names = content.items
      guard !names.isEmpty else { continue }
      for name in names {
        for base in carriers[name] ?? [] {
          if hits[base] == 0 { touched.append(base) }
          hits[base] += 1
        }
      }
      // The base sharing most items, of another provider; the first path on a tie.
      var worst: (base: Int, count: Int)? = nil
      for base in touched where bases[base].provider != content.providerCode {
        guard let best = worst else {
          worst = (base, hits[base])
          continue
        }
        if hits[base] > best.count || (hits[base] == best.count && bases[base].file.path < bases[best.base].file.path) {
          worst = (base, hits[base])
        }
      }
      for base in touched { hits[base] = 0 }
      touched.removeAll(keepingCapacity: true)
      guard let (base, count) = worst, Double(count) / Double(names.count) >= threshold else { continue }
      let baseCode = bases[base].file.code
      let percent = count * 100 / names.count
      findings.append(
        finding(
          file.path, at: content.itemsMark, code: file.code,
          message: meaning.with(
            zh: "\(count)/\(names.count)（\(percent)%）与 \(baseCode) 相同", en: "\(count)/\(names.count) (\(percent)%) repeat \(baseCode)")))
    }
    return findings
  }

  public static let triggering = [
    RuleExample.resource(
      "发展改革委 collecting population data again",
      replacing: "  - { name: 统一社会信用代码, type: C, length: 18 }\n  - { name: 项目名称, type: C, length: 200 }\n  - { name: 核准日期, type: D }",
      with: "  ↓- { name: 公民身份号码, type: C, length: 18 }\n  - { name: 姓名, type: C, length: 50 }\n  - { name: 核准日期, type: D }")
  ]
  public static let nonTriggering = [
    RuleExample.resource(
      "one shared item of three",
      replacing: "  - { name: 统一社会信用代码, type: C, length: 18 }",
      with: "  - { name: 姓名, type: C, length: 50 }")
  ]
}
