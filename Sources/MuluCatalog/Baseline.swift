/// A small valid registry that every rule example starts from: 公安部 keeps the population
/// base catalog, 国家发展和改革委员会 a department resource that draws on it.
public enum Baseline {
  public static let mps = "11100000000001234L"
  public static let ndrc = "11100000000000001M"
  public static let baseResourcePath = "catalogs/11100000000001234L/101001001-000001.yaml"
  public static let departmentResourcePath = "catalogs/11100000000000001M/303001001-000001.yaml"

  public static let files: [String: String] = [
    "registry.yaml": """
      format: 1
      name: 示例政务信息资源目录
      level: national

      """,
    "dictionaries/classification.yaml": """
      classes:
        - code: "1"
          name: 基础信息资源
          items:
            - { code: "01", name: 人口基础信息资源, lead: 11100000000001234L }
            - { code: "02", name: 法人单位基础信息资源, lead: 11100000000000001M }
        - code: "2"
          name: 主题信息资源
          items:
            - { code: "01", name: 公共服务, lead: 11100000000000001M }
        - code: "3"
          name: 部门信息资源
          items:
            - { code: "03", name: 国务院 }

      """,
    "dictionaries/departments.yaml": """
      departments:
        - code: 11100000000000001M
          name: 国家发展和改革委员会
          prefix: "303001"
          parent: null
          status: active
        - code: 11100000000001234L
          name: 公安部
          prefix: "303002"
          parent: null
          status: active

      """,
    baseResourcePath: """
      # yaml-language-server: $schema=https://mulu.example/schema/resource-1.json
      code: 101001001/000001
      name: 人口基本信息
      provider:
        code: 11100000000001234L
        name: 公安部
        unit: 治安管理局
      summary: 全国人口的公民身份号码、姓名、性别、民族、出生日期、出生地等基本信息。
      format:
        class: 数据库
        type: KingbaseES
      items:
        - { name: 公民身份号码, type: C, length: 18 }
        - { name: 姓名, type: C, length: 50 }
        - { name: 性别, type: C, length: 1 }
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

      """,
    departmentResourcePath: """
      # yaml-language-server: $schema=https://mulu.example/schema/resource-1.json
      code: 303001001/000001
      name: 企业投资项目核准信息
      provider:
        code: 11100000000000001M
        name: 国家发展和改革委员会
        unit: 固定资产投资司
      summary: 企业投资项目核准的申请、受理、批复信息。
      format:
        class: 数据库
        type: KingbaseES
      items:
        - { name: 统一社会信用代码, type: C, length: 18 }
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
      related: [101001001/000001]

      """,
  ]
}
