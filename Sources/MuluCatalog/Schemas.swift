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
