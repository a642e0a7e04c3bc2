import MuluYAML

#if canImport(Glibc)
  import Glibc
#endif

/// New registries and new resource files.
public enum Scaffold {
  /// Why a new resource cannot be made: the finding that it would raise.
  public struct Refusal: UserFacingError, Sendable {
    public var rule: String
    /// The rule's meaning, with the code or provider it was refused for.
    public var reason: LocalizedText

    public init(rule: String, reason: LocalizedText) {
      self.rule = rule
      self.reason = reason
    }

    public var message: LocalizedText { LocalizedText(zh: "[\(rule)] \(reason.zh)", en: "[\(rule)] \(reason.en)") }
    public var exitStatus: Int32 { 1 }
  }

  /// The 项 of docs/format.md: 类 → [(项, name)].
  public static let classification: [(code: String, name: String, items: [(String, String)])] = [
    (
      "1", "基础信息资源",
      [
        ("01", "人口基础信息资源"), ("02", "法人单位基础信息资源"), ("03", "自然资源和空间地理基础信息资源"),
        ("04", "社会信用基础信息资源"), ("05", "电子证照基础信息资源"),
      ]
    ),
    (
      "2", "主题信息资源",
      [
        ("01", "公共服务"), ("02", "健康保障"), ("03", "社会保障"), ("04", "食品药品安全"), ("05", "安全生产"),
        ("06", "价格监管"), ("07", "能源安全"), ("08", "信用体系"), ("09", "城乡建设"), ("10", "社区治理"),
        ("11", "生态环保"), ("12", "应急维稳"),
      ]
    ),
    (
      "3", "部门信息资源",
      [
        ("01", "党中央"), ("02", "全国人大常委会"), ("03", "国务院"), ("04", "全国政协"), ("05", "最高人民法院"),
        ("06", "最高人民检察院"), ("07", "省(自治区、直辖市)及其下各级政务部门"), ("08", "计划单列市及其下各级政务部门"),
      ]
    ),
  ]

  /// The files of an empty registry: path → text.
  public static func registryFiles(name: String, level: String) -> [(String, String)] {
    var classes = "classes:\n"
    for entry in classification {
      classes += "  - code: \"\(entry.code)\"\n    name: \(entry.name)\n    items:\n"
      for (code, itemName) in entry.items {
        let lead = entry.code == "3" ? "" : ", lead: null"
        classes += "      - { code: \"\(code)\", name: \(quoted(itemName))\(lead) }\n"
      }
    }
    return [
      ("registry.yaml", "format: 1\nname: \(quoted(name))\nlevel: \(level)\n"),
      ("dictionaries/classification.yaml", classes),
      ("dictionaries/departments.yaml", "departments: []\n"),
      (
        "access.yaml",
        """
        maintainers: []
        identities: []
        protected_branches: [main]
        release_tags: "v*"
        require_signed_commits: false

        """
      ),
      (".gitattributes", "* text=auto eol=lf\n"),
      (
        "README.md",
        """
        # \(name)

        本仓库是一个政务信息资源目录库，由 mulu 管理。资源文件位于 `catalogs/<提供方代码>/`。

        - `mulu validate`：校验目录
        - `mulu new --provider <代码> --class <分类码>`：新建资源

        """
      ),
    ]
  }

  /// A new resource file of a provider under a 分类码, with the next free 顺序码.
  public static func newResource(provider: String, classification: String, in catalog: Catalog, today: String = today())
    throws(Refusal) -> (path: String, text: String)
  {
    guard let department = catalog.departments[provider] else {
      throw Refusal(rule: ProviderUnknown.id, reason: ProviderUnknown.meaning.with(provider))
    }
    guard ResourceCode.isClassification(classification) else {
      throw Refusal(rule: CodeFormat.id, reason: CodeFormat.meaning.with(classification))
    }
    guard catalog.classification.item(for: classification) != nil else {
      throw Refusal(rule: CodeClassUnknown.id, reason: CodeClassUnknown.meaning.with(classification))
    }
    guard catalog.classification.mayPublish(department, under: classification) else {
      throw Refusal(
        rule: CodePrefixNotOwned.id,
        reason: CodePrefixNotOwned.meaning.with(
          zh: "\(department.name) 不能使用分类码 \(classification)", en: "\(department.name) may not use \(classification)"))
    }
    let code = try nextCode(classification, in: catalog)
    let base = classification.hasPrefix("1")
    let text = """
      \(JSONSchema.modeline)
      code: \(code)
      name: ""
      provider:
        code: \(department.code)
        name: \(quoted(department.name))
      summary: ""
      format:
        class: 数据库
        type: ""
      items: []
      sharing:
        type: \(base ? "无条件共享" : "有条件共享")\(base ? "" : "\n  condition: \"\"")
        method:
          class: 共享平台方式
          type: 接口
      open:
        to_public: false
      update_cycle: 不定期
      published: \(today)

      """
    return ("catalogs/\(department.code)/\(code.fileName)", text)
  }

  /// One past the highest 顺序码 ever given under the 分类码 (codes are never reused).
  /// Refused when that would take more than the 10 digits a 顺序码 may have.
  public static func nextCode(_ classification: String, in catalog: Catalog) throws(Refusal) -> ResourceCode {
    var highest: UInt64 = 0
    var width = ResourceCode.newSequenceWidth
    for code in catalog.codes.codes {
      guard code.classification == classification, let value = UInt64(code.sequence) else { continue }
      highest = max(highest, value)
      width = max(width, code.sequence.count)
    }
    let digits = String(highest + 1)
    let sequence = String(repeating: "0", count: max(0, width - digits.count)) + digits
    guard let code = ResourceCode(classification: classification, sequence: sequence) else {
      throw Refusal(
        rule: CodeFormat.id,
        reason: CodeFormat.meaning.with(
          zh: "分类码 \(classification) 下已没有空闲的顺序码（顺序码至多 10 位）",
          en: "no free 顺序码 is left under \(classification) (a 顺序码 has at most 10 digits)"))
    }
    return code
  }

  /// Today's date on this machine, YYYY-MM-DD.
  public static func today() -> String {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
  }

  private static func quoted(_ text: String) -> String {
    YAMLQuoting.needsQuotes(text) ? YAMLQuoting.doubleQuoted(text) : text
  }
}
