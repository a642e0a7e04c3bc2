import MuluCatalog
import MuluKit
import Testing

/// One edit of the baseline department resource (有条件共享, 每月, not open, three items,
/// 共享平台方式/接口, 数据库) and the one field change it makes, with its impact both ways.
struct FieldCase: Sendable, CustomTestStringConvertible {
  var title: String
  var edits: [(String, String)]
  var field: String
  var old: String?
  var new: String?
  /// The impact of the edit, and of undoing it.
  var forward: Impact
  var backward: Impact

  var testDescription: String { title }

  static let all: [FieldCase] = [
    FieldCase(
      title: "有条件共享 tightened to 不予共享", edits: [("type: 有条件共享", "type: 不予共享")], field: "sharing.type",
      old: "有条件共享", new: "不予共享", forward: .breaking, backward: .compatible),
    FieldCase(
      title: "有条件共享 opened to 无条件共享", edits: [("type: 有条件共享", "type: 无条件共享")], field: "sharing.type",
      old: "有条件共享", new: "无条件共享", forward: .compatible, backward: .breaking),
    FieldCase(
      title: "opened to the public", edits: [("to_public: false", "to_public: true")], field: "open.to_public",
      old: "false", new: "true", forward: .compatible, backward: .breaking),
    FieldCase(
      title: "update cycle slower", edits: [("update_cycle: 每月", "update_cycle: 每年")], field: "update_cycle",
      old: "每月", new: "每年", forward: .breaking, backward: .compatible),
    FieldCase(
      title: "update cycle faster", edits: [("update_cycle: 每月", "update_cycle: 实时")], field: "update_cycle",
      old: "每月", new: "实时", forward: .compatible, backward: .breaking),
    FieldCase(
      title: "update cycle no longer fixed", edits: [("update_cycle: 每月", "update_cycle: 不定期")],
      field: "update_cycle", old: "每月", new: "不定期", forward: .breaking, backward: .compatible),
    FieldCase(
      title: "item length reduced", edits: [("{ name: 项目名称, type: C, length: 200 }", "{ name: 项目名称, type: C, length: 100 }")],
      field: "items[项目名称].length", old: "200", new: "100", forward: .breaking, backward: .compatible),
    FieldCase(
      title: "item type changed", edits: [("{ name: 核准日期, type: D }", "{ name: 核准日期, type: T }")],
      field: "items[核准日期].type", old: "D", new: "T", forward: .breaking, backward: .breaking),
    FieldCase(
      title: "item removed", edits: [("  - { name: 核准日期, type: D }\n", "")], field: "items[核准日期]",
      old: "D", new: nil, forward: .breaking, backward: .compatible),
    FieldCase(
      title: "item with a length removed", edits: [("  - { name: 项目名称, type: C, length: 200 }\n", "")],
      field: "items[项目名称]", old: "C(200)", new: nil, forward: .breaking, backward: .compatible),
    FieldCase(
      title: "share method type changed", edits: [("type: 接口", "type: 文件")], field: "sharing.method.type",
      old: "接口", new: "文件", forward: .breaking, backward: .breaking),
    FieldCase(
      title: "share method class changed", edits: [("class: 共享平台方式", "class: 邮件或介质")],
      field: "sharing.method.class", old: "共享平台方式", new: "邮件或介质", forward: .breaking, backward: .breaking),
    FieldCase(
      title: "format class changed", edits: [("class: 数据库", "class: 电子表格")], field: "format.class",
      old: "数据库", new: "电子表格", forward: .breaking, backward: .breaking),
    FieldCase(
      title: "format type changed", edits: [("type: KingbaseES", "type: 达梦")], field: "format.type",
      old: "KingbaseES", new: "达梦", forward: .compatible, backward: .compatible),
    FieldCase(
      title: "name changed", edits: [("name: 企业投资项目核准信息", "name: 企业投资项目核准结果")], field: "name",
      old: "企业投资项目核准信息", new: "企业投资项目核准结果", forward: .compatible, backward: .compatible),
    FieldCase(
      title: "summary changed", edits: [("批复信息。", "批复和变更信息。")], field: "summary",
      old: "企业投资项目核准的申请、受理、批复信息。", new: "企业投资项目核准的申请、受理、批复和变更信息。",
      forward: .compatible, backward: .compatible),
    FieldCase(
      title: "sharing condition changed", edits: [("仅向投资审批、统计部门提供", "仅向投资审批部门提供")],
      field: "sharing.condition", old: "仅向投资审批、统计部门提供", new: "仅向投资审批部门提供",
      forward: .compatible, backward: .compatible),
    FieldCase(
      title: "related resource added", edits: [("related: [101001001/000001]", "related: [101001001/000001, 102001/000001]")],
      field: "related", old: "101001001/000001", new: "101001001/000001, 102001/000001",
      forward: .compatible, backward: .compatible),
    FieldCase(
      title: "internal unit changed", edits: [("unit: 固定资产投资司", "unit: 投资司")], field: "provider.unit",
      old: "固定资产投资司", new: "投资司", forward: .compatible, backward: .compatible),
    FieldCase(
      title: "publication date changed", edits: [("published: 2026-03-01", "published: 2026-04-01")], field: "published",
      old: "2026-03-01", new: "2026-04-01", forward: .compatible, backward: .compatible),
  ]
}

@Suite struct DiffTestsComparison {
  @Test(arguments: FieldCase.all)
  func oneFieldBothWays(_ example: FieldCase) throws {
    let before = try DiffSample.resource(DiffSample.department)
    let after = try DiffSample.resource(DiffSample.edited(example.edits))

    let forward = try #require(ResourceComparison.compare(old: before, new: after))
    #expect(forward.kind == .modified)
    #expect(forward.fields == [FieldChange(field: example.field, old: example.old, new: example.new, impact: example.forward)])
    #expect(forward.breaking == (example.forward == .breaking))

    let backward = try #require(ResourceComparison.compare(old: after, new: before))
    #expect(backward.kind == .modified)
    #expect(
      backward.fields == [FieldChange(field: example.field, old: example.new, new: example.old, impact: example.backward)])
  }

  @Test func anItemAddedIsCompatible() throws {
    let before = try DiffSample.resource(DiffSample.department)
    let after = try DiffSample.resource(
      DiffSample.edited([("  - { name: 核准日期, type: D }\n", "  - { name: 核准日期, type: D }\n  - { name: 核准机关, type: C, length: 100 }\n")]))
    let delta = try #require(ResourceComparison.compare(old: before, new: after))
    #expect(delta.fields == [FieldChange(field: "items[核准机关]", old: nil, new: "C(100)", impact: .compatible)])
    #expect(!delta.breaking)
  }

  @Test func reorderedItemsAreNoChange() throws {
    let reordered = try DiffSample.edited([
      ("  - { name: 统一社会信用代码, type: C, length: 18 }\n  - { name: 项目名称, type: C, length: 200 }\n  - { name: 核准日期, type: D }\n",
       "  - { name: 核准日期, type: D }\n  - { name: 项目名称, type: C, length: 200 }\n  - { name: 统一社会信用代码, type: C, length: 18 }\n")
    ])
    #expect(try ResourceComparison.compare(old: DiffSample.resource(DiffSample.department), new: DiffSample.resource(reordered)) == nil)
  }

  @Test func reformattingIsNoChange() throws {
    // The scrambled resource (another key order, quotes, block style, a folded summary), with a
    // comment, flow style, a padded length and a quoted one.
    let reformatted = Baseline.scrambledDepartmentResource
      .edited(replacing: "provider:\n", with: "# 提供方\nprovider:\n")
      .edited(replacing: "    length: 18\n", with: "    length: \"18\"\n")
      .edited(replacing: "    length: 200\n", with: "    length: 0200\n")
      .edited(replacing: "open:\n  to_public: false\n", with: "open: { to_public: false }\n")
    #expect(try ResourceComparison.compare(old: DiffSample.resource(DiffSample.department), new: DiffSample.resource(reformatted)) == nil)
  }

  @Test func retiringBreaksAndUnretiringDoesNot() throws {
    let active = try DiffSample.resource(DiffSample.department)
    let retired = try DiffSample.resource(
      DiffSample.department + "retired:\n  date: 2026-10-01\n  reason: 职能划转\n  replaced_by: 303001001/000002\n")

    let retiring = try #require(ResourceComparison.compare(old: active, new: retired))
    #expect(retiring.kind == .retired)
    #expect(retiring.breaking)
    #expect(
      retiring.fields == [
        FieldChange(field: "retired.date", old: nil, new: "2026-10-01", impact: .breaking),
        FieldChange(field: "retired.reason", old: nil, new: "职能划转", impact: .compatible),
        FieldChange(field: "retired.replaced_by", old: nil, new: "303001001/000002", impact: .compatible),
      ])

    let restoring = try #require(ResourceComparison.compare(old: retired, new: active))
    #expect(restoring.kind == .unretired)
    #expect(!restoring.breaking)
    #expect(restoring.fields.allSatisfy { $0.impact == .compatible && $0.new == nil })
  }

  @Test func addingIsCompatibleAndDeletingBreaks() throws {
    let resource = try DiffSample.resource(DiffSample.department)
    let added = try #require(ResourceComparison.compare(old: nil, new: resource))
    #expect(added == ResourceDelta(kind: .added, fields: []))
    #expect(!added.breaking)
    let deleted = try #require(ResourceComparison.compare(old: resource, new: nil))
    #expect(deleted == ResourceDelta(kind: .deleted, fields: []))
    #expect(deleted.breaking)
  }

  @Test func severalChangesComeInTheFileOrder() throws {
    let before = try DiffSample.resource(DiffSample.department)
    let after = try DiffSample.resource(
      DiffSample.edited([
        ("update_cycle: 每月", "update_cycle: 每日"),
        ("type: 有条件共享", "type: 无条件共享"),
        ("  - { name: 统一社会信用代码, type: C, length: 18 }\n", ""),
        ("name: 企业投资项目核准信息", "name: 企业投资项目核准结果"),
      ]))
    let delta = try #require(ResourceComparison.compare(old: before, new: after))
    #expect(delta.fields.map(\.field) == ["name", "items[统一社会信用代码]", "sharing.type", "update_cycle"])
    #expect(delta.fields.map(\.impact) == [.compatible, .breaking, .compatible, .compatible])
    #expect(delta.breaking)
  }

  @Test func aFileThatIsNotYAMLIsUnreadable() {
    guard case .unreadable(let finding) = ResourceComparison.read(Array("code: [303001001/000001\n".utf8), path: "a.yaml", code: "303001001/000001") else {
      Issue.record("read a broken file")
      return
    }
    #expect(finding.rule == "yaml.syntax")
    #expect(finding.path == "a.yaml")
    guard case .unreadable(let list) = ResourceComparison.read(Array("- a\n- b\n".utf8), path: "b.yaml", code: nil) else {
      Issue.record("read a sequence as a resource")
      return
    }
    #expect(list.rule == "schema.type")
  }
}
