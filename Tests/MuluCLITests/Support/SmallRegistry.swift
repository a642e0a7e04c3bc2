import MuluCatalog
import MuluTestSupport

/// A small registry that validates clean and is in canonical form: 公安部 keeps the population
/// base catalog (类 1, 项 01); 国家发展和改革委员会 keeps two resources of its own (303001…).
/// It is the baseline registry with department codes of its own, the base catalog under
/// 分类码 101001, no 项 1 02, 公安部 at prefix 303003, and a filing resource besides.
enum SmallRegistry {
  /// 国家发展和改革委员会
  static let ndrc = "11100000000090114B"
  /// 公安部, lead department of 1 01 人口基础信息资源
  static let mps = "11100000000090379C"
  /// 教育部: a code with a valid check character that the dictionary does not list.
  static let moe = "11100000000090251U"

  static let base = "catalogs/11100000000090379C/101001-000001.yaml"
  static let approval = "catalogs/11100000000090114B/303001001-000001.yaml"
  static let filing = "catalogs/11100000000090114B/303001001-000002.yaml"

  static let files: [String: String] = [
    "registry.yaml": Baseline.files["registry.yaml"]!,
    "dictionaries/classification.yaml": Baseline.files["dictionaries/classification.yaml"]!
      .edited(replacing: "      - { code: \"02\", name: 法人单位基础信息资源, lead: \(Baseline.ndrc) }\n", with: "")
      .edited(replacing: Baseline.ndrc, with: ndrc)
      .edited(replacing: Baseline.mps, with: mps),
    "dictionaries/departments.yaml": Baseline.files["dictionaries/departments.yaml"]!
      .edited(replacing: Baseline.ndrc, with: ndrc)
      .edited(replacing: Baseline.mps, with: mps)
      .edited(replacing: "prefix: \"303002\"", with: "prefix: \"303003\""),
    base: Baseline.files[Baseline.baseResourcePath]!
      .edited(replacing: "code: 101001001/000001", with: "code: 101001/000001")
      .edited(replacing: Baseline.mps, with: mps),
    approval: Baseline.files[Baseline.departmentResourcePath]!
      .edited(replacing: "related: [101001001/000001]", with: "related: [101001/000001]")
      .edited(replacing: Baseline.ndrc, with: ndrc)
      .edited(replacing: "{ name: 统一社会信用代码, type: C, length: 18 }", with: "{ name: 项目代码, type: C, length: 24 }"),
    filing: filingText,
  ]

  /// 企业投资项目备案信息: a spreadsheet shared with all through files and open to the public.
  private static let filingText =
    JSONSchema.modeline + "\n"
    + RegistryLab.provincialResource(
      code: "303001001/000002", name: "企业投资项目备案信息", provider: ndrc, providerName: "国家发展和改革委员会")
    .edited(replacing: "summary: 企业投资项目备案信息，按月更新。", with: "summary: 企业投资项目备案信息。")
    .edited(
      replacing: "  - { name: 项目编号, type: C, length: 32 }\n  - { name: 登记日期, type: D }\n",
      with: "  - { name: 项目代码, type: C, length: 24 }\n  - { name: 备案日期, type: D }\n")
    .edited(replacing: "  to_public: false\n", with: "  to_public: true\n  condition: 公开项目代码和备案日期\n")
    .edited(replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    .edited(replacing: "published: 2026-04-01", with: "published: 2021-01-29")

  /// Writes the registry into `folder` of the sandbox; returns its absolute path.
  @discardableResult
  static func write(into sandbox: Sandbox, at folder: String = "registry") throws -> String {
    try RegistryBuilder(files: files, in: sandbox, at: folder, repository: false).path
  }

  /// Five errors, one of each kind the text form shows: 不予共享 with no basis yet open to
  /// the public, a C item without a length, 30 February, and a stray file at the top.
  static func breakIt(in sandbox: Sandbox, at folder: String = "registry") throws {
    try sandbox.edit(
      folder + "/" + approval, replacing: "  type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n", with: "  type: 不予共享\n")
    try sandbox.edit(folder + "/" + approval, replacing: "  to_public: false", with: "  to_public: true")
    try sandbox.edit(
      folder + "/" + filing, replacing: "{ name: 项目代码, type: C, length: 24 }", with: "{ name: 项目代码, type: C }")
    try sandbox.edit(folder + "/" + filing, replacing: "published: 2021-01-29", with: "published: 2026-02-30")
    try sandbox.write(folder + "/notes.txt", "草稿\n")
  }

  /// Retires the filing resource and points the approval resource at it: one warning, no error.
  static func warnOnly(in sandbox: Sandbox, at folder: String = "registry") throws {
    try sandbox.edit(
      folder + "/" + filing, replacing: "published: 2021-01-29\n",
      with: "published: 2021-01-29\nretired:\n  date: 2026-06-30\n  reason: 职能划转\n")
    try sandbox.edit(
      folder + "/" + approval, replacing: "related: [101001/000001]", with: "related: [101001/000001, 303001001/000002]")
  }
}
