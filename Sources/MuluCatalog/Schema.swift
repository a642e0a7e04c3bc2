/// The shape of a YAML file: one definition that the checker, the JSON Schema,
/// the canonical writer and the docs all read.
public indirect enum FieldShape: Sendable {
  /// Any scalar text; `pattern` is documentation and JSON Schema only (rules check codes).
  case string(pattern: String? = nil)
  /// A calendar date written `YYYY-MM-DD` (checked by `date.invalid`).
  case date
  /// `true` or `false`, nothing else.
  case boolean
  /// A whole number written in digits.
  case integer
  /// One of the listed texts.
  case enumeration([String])
  /// A mapping with exactly these keys (or, with `values`, any key mapped to that type).
  case object([SchemaField], values: FieldShape? = nil)
  /// A sequence; `flow` asks the canonical writer for `[a, b]` or `- { … }` items.
  case array(FieldShape, flow: Bool = false)
  /// The type, or null.
  case nullable(FieldShape)

  var fields: [SchemaField] {
    if case .object(let fields, _) = self { return fields }
    return []
  }

  func field(_ name: String) -> SchemaField? {
    fields.first { $0.name == name }
  }
}

/// One key of a mapping.
public struct SchemaField: Sendable {
  public var name: String
  public var type: FieldShape
  public var required: Bool
  public var title: String

  public init(_ name: String, _ type: FieldShape, required: Bool = false, title: String = "") {
    self.name = name
    self.type = type
    self.required = required
    self.title = title
  }
}

/// The vocabularies of docs/format.md.
public enum Vocabulary {
  public static let sharingTypes = ["无条件共享", "有条件共享", "不予共享"]
  public static let formatClasses = ["电子文件", "电子表格", "数据库", "图形图像", "流媒体", "自描述格式", "服务接口"]
  public static let itemTypes = ["C", "N", "Y", "D", "T", "L", "M", "G", "B", "I", "F"]
  public static let itemTypesNeedingLength: Set<String> = ["C", "N"]
  public static let methodClasses = ["共享平台方式", "邮件或介质"]
  public static let methodTypes = ["接口", "数据库", "文件"]
  /// From fastest to slowest.
  public static let updateCycles = ["实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "不定期"]
  public static let levels = ["national", "provincial", "municipal", "county"]
  public static let departmentStatuses = ["active", "dissolved"]
}

/// The schemas of the registry's files.
public enum Schemas {
  public static let resource: FieldShape = .object([
    SchemaField("code", .string(pattern: ResourceCode.pattern), required: true, title: "信息资源代码"),
    SchemaField("name", .string(), required: true, title: "信息资源名称"),
    SchemaField(
      "provider",
      .object([
        SchemaField("code", .string(pattern: CreditCode.pattern), required: true, title: "提供方代码"),
        SchemaField("name", .string(), required: true, title: "信息资源提供方"),
        SchemaField("unit", .string(), title: "内部部门"),
      ]), required: true, title: "信息资源提供方"),
    SchemaField("summary", .string(), required: true, title: "信息资源摘要"),
    SchemaField(
      "format",
      .object([
        SchemaField("class", .enumeration(Vocabulary.formatClasses), required: true, title: "信息资源格式分类"),
        SchemaField("type", .string(), required: true, title: "信息资源格式类型"),
        SchemaField("note", .string(), title: "格式说明"),
      ]), required: true, title: "信息资源格式"),
    SchemaField(
      "items",
      .array(
        .object([
          SchemaField("name", .string(), required: true, title: "信息项名称"),
          SchemaField("type", .enumeration(Vocabulary.itemTypes), required: true, title: "数据类型"),
          SchemaField("length", .integer, title: "数据长度"),
        ]), flow: true), title: "信息项"),
    SchemaField(
      "sharing",
      .object([
        SchemaField("type", .enumeration(Vocabulary.sharingTypes), required: true, title: "共享类型"),
        SchemaField("condition", .string(), title: "共享条件"),
        SchemaField("basis", .string(), title: "不予共享依据"),
        SchemaField(
          "method",
          .object([
            SchemaField("class", .enumeration(Vocabulary.methodClasses), required: true, title: "共享方式分类"),
            SchemaField("type", .enumeration(Vocabulary.methodTypes), title: "共享方式类型"),
          ]), title: "共享方式"),
      ]), required: true, title: "共享属性"),
    SchemaField(
      "open",
      .object([
        SchemaField("to_public", .boolean, required: true, title: "是否向社会开放"),
        SchemaField("condition", .string(), title: "开放条件"),
      ]), required: true, title: "开放属性"),
    SchemaField("update_cycle", .enumeration(Vocabulary.updateCycles), required: true, title: "更新周期"),
    SchemaField("published", .date, required: true, title: "发布日期"),
    SchemaField("related", .array(.string(pattern: ResourceCode.pattern), flow: true), title: "关联资源代码"),
    SchemaField(
      "retired",
      .object([
        SchemaField("date", .date, required: true, title: "注销日期"),
        SchemaField("reason", .string(), required: true, title: "注销原因"),
        SchemaField("replaced_by", .string(pattern: ResourceCode.pattern), title: "替代资源代码"),
      ]), title: "注销"),
  ])

  public static let registry: FieldShape = .object([
    SchemaField("format", .integer, required: true),
    SchemaField("name", .string(), required: true),
    SchemaField("level", .enumeration(Vocabulary.levels), required: true),
    SchemaField("rules", .object([], values: .enumeration(SeverityOverride.allCases.map(\.rawValue)))),
    SchemaField(
      "limits",
      .object([
        SchemaField("max_file_bytes", .integer),
        SchemaField("max_changed_files_per_push", .integer),
        SchemaField("max_refs_per_push", .integer),
      ])),
    SchemaField("evaluation", EvaluationPolicy.shape),
  ])

  public static let classification: FieldShape = .object([
    SchemaField(
      "classes",
      .array(
        .object([
          SchemaField("code", .string(), required: true),
          SchemaField("name", .string(), required: true),
          SchemaField(
            "items",
            .array(
              .object([
                SchemaField("code", .string(), required: true),
                SchemaField("name", .string(), required: true),
                SchemaField("lead", .nullable(.string(pattern: CreditCode.pattern))),
              ]), flow: true)),
        ])), required: true)
  ])

  public static let departments: FieldShape = .object([
    SchemaField(
      "departments",
      .array(
        .object([
          SchemaField("code", .string(pattern: CreditCode.pattern), required: true),
          SchemaField("name", .string(), required: true),
          SchemaField("prefix", .string(), required: true),
          SchemaField("parent", .nullable(.string(pattern: CreditCode.pattern))),
          SchemaField("status", .enumeration(Vocabulary.departmentStatuses), required: true),
        ])), required: true)
  ])

  public static let access: FieldShape = .object([
    SchemaField("maintainers", .array(.string(), flow: true), required: true),
    SchemaField(
      "identities",
      .array(
        .object([
          SchemaField("id", .string(), required: true),
          SchemaField("department", .string(pattern: CreditCode.pattern), required: true),
        ]), flow: true)),
    SchemaField("protected_branches", .array(.string(), flow: true)),
    SchemaField("release_tags", .string()),
    SchemaField("require_signed_commits", .boolean),
  ])

  public static let sources: FieldShape = .object([
    SchemaField(
      "sources",
      .array(
        .object([
          SchemaField("name", .string(), required: true),
          SchemaField("url", .string(), required: true),
          SchemaField("branch", .string()),
          SchemaField("owns", .array(.string(pattern: CreditCode.pattern), flow: true), required: true),
        ]), flow: true), required: true)
  ])
}
