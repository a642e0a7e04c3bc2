import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

/// A small hand-made registry with known answers for `mulu report`, in a real repository:
///
/// - 公安部 (A) leads the base 项 101 and the theme 项 201; keeps a base resource (无条件, an item
///   of type C without length), two 不予共享 resources (one citing 《中华人民共和国统计法》, one not)
///   and one it retires later.
/// - 国家统计局 (B) leads the base 项 102 and keeps none there; its conditional resource repeats
///   A's base items (duplicate collection).
/// - 国家档案局 (C) has no resources; 扶贫办 (D) is dissolved.
///
/// History (each step a commit on main, from 2026-05-01 +0800): the registry, then release `v1`;
/// 10 days later B slows an update cycle (breaking) and adds a resource, A retires one (breaking);
/// 30 days after that B edits a summary.
struct ReportLab {
  static let a = RegistryLab.provincial("11100000000000010")
  static let b = RegistryLab.provincial("11100000000000020")
  static let c = RegistryLab.provincial("11100000000000030")
  static let d = RegistryLab.provincial("11100000000000040")

  let lab: RegistryLab
  /// The commits of the three steps.
  let first: String
  let second: String
  let third: String

  init(registryYAML: String = ReportLab.registryYAML, departmentsYAML: String = ReportLab.departmentsYAML) throws {
    lab = try RegistryLab()
    var files = ReportLab.files
    files["registry.yaml"] = registryYAML
    files["dictionaries/departments.yaml"] = departmentsYAML
    first = try lab.registry("reg", files: files, repository: true).commit("目录")
    let cut = try lab.mulu(["release", "cut", "1"], in: "reg")
    try #require(cut.status == 0, "\(cut.stderr)\(cut.stdout)")

    lab.advanceClock(days: 10)
    try lab.edit("reg", ReportLab.bConditional, replacing: "update_cycle: 每月", with: "update_cycle: 每年")
    try lab.write("reg", ReportLab.bOpen, ReportLab.bOpenText)
    try lab.edit("reg", ReportLab.aRetiring, replacing: "published: 2026-01-01\n", with: "published: 2026-01-01\nretired:\n  date: 2026-05-11\n  reason: 职能划转\n")
    second = try lab.commitAll("reg", "统计局放慢更新周期并新增资源；公安部注销一项资源")

    lab.advanceClock(days: 30)
    try lab.edit("reg", ReportLab.bOpen, replacing: "summary: 全国统计年鉴数据。", with: "summary: 全国统计年鉴数据，按年发布。")
    third = try lab.commitAll("reg", "统计局修改摘要")
  }

  func report(_ arguments: String..., language: String = "en_US.UTF-8") throws -> Outcome {
    try lab.mulu(["report"] + arguments, in: "reg", language: language)
  }

  /// `mulu report --format json` with more arguments, parsed.
  func json(_ arguments: String...) throws -> [String: Any] {
    let outcome = try lab.mulu(["report", "--format", "json"] + arguments, in: "reg")
    try #require(outcome.status == 0, "\(outcome.stderr)")
    return try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
  }

  static func department(_ report: [String: Any], _ code: String) throws -> [String: Any] {
    let departments = try #require(report["departments"] as? [[String: Any]])
    return try #require(departments.first { $0["code"] as? String == code })
  }

  // MARK: Files

  static let registryYAML = """
    format: 1
    name: 测试目录
    level: national
    rules:
      items.length: warning
    evaluation:
      weights:
        unconditional_share: 50
        open_to_public_share: 30
        not_shared_with_basis_share: 20
        base_and_theme_coverage: 0
        lengths_complete: 0
        no_duplicate_collection: 0
        without_findings: 0
        freshness: 0
      stale_after_days: 120

    """

  static let departmentsYAML = """
    departments:
      - { code: \(a), name: 公安部, prefix: "303001", parent: null, status: active }
      - { code: \(b), name: 国家统计局, prefix: "303002", parent: null, status: active }
      - { code: \(c), name: 国家档案局, prefix: "303003", parent: null, status: active }
      - { code: \(d), name: 国务院扶贫开发领导小组办公室, prefix: "303004", parent: null, status: dissolved }

    """

  static let aBase = "catalogs/\(a)/101001001-000001.yaml"
  static let aSecretCited = "catalogs/\(a)/303001001-000001.yaml"
  static let aSecret = "catalogs/\(a)/303001001-000002.yaml"
  static let aRetiring = "catalogs/\(a)/303001001-000003.yaml"
  static let bConditional = "catalogs/\(b)/303002001-000001.yaml"
  static let bOpen = "catalogs/\(b)/303002001-000002.yaml"

  static func resource(
    _ code: String, _ name: String, provider: String, providerName: String, sharing: String, toPublic: Bool = false,
    items: [String], basis: String? = nil, summary: String? = nil
  ) -> String {
    var lines = ["type: \(sharing)"]
    switch sharing {
    case "不予共享": lines.append("basis: \(basis ?? "")")
    case "有条件共享": lines.append("condition: 仅向统计部门提供")
    default: break
    }
    if sharing != "不予共享" { lines += ["method:", "  class: 共享平台方式", "  type: 接口"] }
    return ResourceFixture(
      code: code, name: name, provider: provider, providerName: providerName, summary: summary, items: items, sharing: lines,
      toPublic: toPublic, published: "2026-01-01"
    ).yaml
  }

  static let bOpenText = resource(
    "303002001/000002", "统计年鉴数据", provider: b, providerName: "国家统计局", sharing: "无条件共享", toPublic: true,
    items: ["{ name: 指标名称, type: C, length: 100 }"], summary: "全国统计年鉴数据。")

  static let files: [String: String] = [
    "dictionaries/classification.yaml": """
      classes:
        - code: "1"
          name: 基础信息资源
          items:
            - { code: "01", name: 人口基础信息资源, lead: \(a) }
            - { code: "02", name: 法人单位基础信息资源, lead: \(b) }
        - code: "2"
          name: 主题信息资源
          items:
            - { code: "01", name: 公共服务, lead: \(a) }
        - code: "3"
          name: 部门信息资源
          items:
            - { code: "03", name: 国务院 }

      """,
    aBase: resource(
      "101001001/000001", "人口基本信息", provider: a, providerName: "公安部", sharing: "无条件共享",
      items: ["{ name: 公民身份号码, type: C }", "{ name: 姓名, type: C, length: 50 }", "{ name: 出生日期, type: D }"]),
    aSecretCited: resource(
      "303001001/000001", "统计调查对象信息", provider: a, providerName: "公安部", sharing: "不予共享",
      items: ["{ name: 调查对象名称, type: C, length: 100 }"], basis: "依据《中华人民共和国统计法》第二十五条"),
    aSecret: resource(
      "303001001/000002", "内部工作信息", provider: a, providerName: "公安部", sharing: "不予共享",
      items: ["{ name: 事项名称, type: C, length: 100 }"], basis: "涉及工作秘密"),
    aRetiring: resource(
      "303001001/000003", "旧户籍统计", provider: a, providerName: "公安部", sharing: "无条件共享",
      items: ["{ name: 统计年度, type: N, length: 4 }", "{ name: 人数, type: I }"]),
    bConditional: resource(
      "303002001/000001", "人口抽样调查信息", provider: b, providerName: "国家统计局", sharing: "有条件共享", toPublic: true,
      items: ["{ name: 公民身份号码, type: C, length: 18 }", "{ name: 姓名, type: C, length: 50 }", "{ name: 出生日期, type: D }"]),
  ]
}
