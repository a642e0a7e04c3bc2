import MuluTestSupport

/// A small registry that validates clean and is in canonical form: 公安部 keeps the population
/// base catalog (类 1, 项 01); 国家发展和改革委员会 keeps two resources of its own (303001…).
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

  static let files: [(path: String, text: String)] = [
    (
      "registry.yaml",
      """
      format: 1
      name: 测试政务信息资源目录
      level: national

      """
    ),
    (
      "dictionaries/classification.yaml",
      """
      classes:
        - code: "1"
          name: 基础信息资源
          items:
            - { code: "01", name: 人口基础信息资源, lead: 11100000000090379C }
        - code: "2"
          name: 主题信息资源
          items:
            - { code: "01", name: 公共服务, lead: 11100000000090114B }
        - code: "3"
          name: 部门信息资源
          items:
            - { code: "03", name: 国务院 }

      """
    ),
    (
      "dictionaries/departments.yaml",
      """
      departments:
        - code: 11100000000090114B
          name: 国家发展和改革委员会
          prefix: "303001"
          parent: null
          status: active
        - code: 11100000000090379C
          name: 公安部
          prefix: "303003"
          parent: null
          status: active

      """
    ),
    (
      base,
      """
      # yaml-language-server: $schema=https://mulu.example/schema/resource-1.json
      code: 101001/000001
      name: 人口基本信息
      provider:
        code: 11100000000090379C
        name: 公安部
      summary: 全国人口的公民身份号码、姓名、性别、民族、出生日期、出生地。
      format:
        class: 数据库
        type: 达梦
      items:
        - { name: 公民身份号码, type: C, length: 18 }
        - { name: 姓名, type: C, length: 50 }
        - { name: 出生日期, type: D }
      sharing:
        type: 无条件共享
        method:
          class: 共享平台方式
          type: 接口
      open:
        to_public: false
      update_cycle: 实时
      published: 2025-06-30

      """
    ),
    (
      approval,
      """
      # yaml-language-server: $schema=https://mulu.example/schema/resource-1.json
      code: 303001001/000001
      name: 企业投资项目核准信息
      provider:
        code: 11100000000090114B
        name: 国家发展和改革委员会
        unit: 固定资产投资司
      summary: 企业投资项目核准的申请、受理、批复信息。
      format:
        class: 数据库
        type: KingbaseES
      items:
        - { name: 项目代码, type: C, length: 24 }
        - { name: 项目名称, type: C, length: 200 }
        - { name: 核准日期, type: D }
      sharing:
        type: 有条件共享
        condition: 仅向投资审批、统计部门提供
        method:
          class: 共享平台方式
          type: 接口
      open:
        to_public: false
      update_cycle: 每月
      published: 2026-03-01
      related: [101001/000001]

      """
    ),
    (
      filing,
      """
      # yaml-language-server: $schema=https://mulu.example/schema/resource-1.json
      code: 303001001/000002
      name: 企业投资项目备案信息
      provider:
        code: 11100000000090114B
        name: 国家发展和改革委员会
      summary: 企业投资项目备案信息。
      format:
        class: 电子表格
        type: xlsx
      items:
        - { name: 项目代码, type: C, length: 24 }
        - { name: 备案日期, type: D }
      sharing:
        type: 无条件共享
        method:
          class: 共享平台方式
          type: 文件
      open:
        to_public: true
        condition: 公开项目代码和备案日期
      update_cycle: 每日
      published: 2021-01-29

      """
    ),
  ]

  /// Writes the registry into `folder` of the sandbox; returns its absolute path.
  @discardableResult
  static func write(into sandbox: Sandbox, at folder: String = "registry") throws -> String {
    try sandbox.writeRegistry(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) }), at: folder)
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
