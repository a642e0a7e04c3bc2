import MuluCatalog
import MuluGit
import MuluKit
import MuluTestSupport
import Testing

/// The engine on real repositories: commits, trees and the working tree.
@Suite struct DiffTests {
  static let second = "catalogs/11100000000000001M/303001001-000002.yaml"
  static let third = "catalogs/11100000000000001M/303001001-000003.yaml"

  /// A second department resource: 企业投资项目备案信息, 无条件共享.
  static func resource(_ sequence: String, name: String, retired: Bool = false) -> String {
    ResourceFixture(
      code: "303001001/\(sequence)", name: name, provider: "11100000000000001M", providerName: "国家发展和改革委员会",
      toPublic: true, updateCycle: "每季度", retired: retired ? ("2026-06-01", "并入其他资源") : nil
    ).yaml
  }

  /// v1: the baseline, a retired 000002 and an active 000003. v2: each kind once.
  static func everyKind() throws -> DiffFixture {
    let fixture = try DiffFixture()
    try fixture.write(second, resource("000002", name: "企业投资项目备案信息", retired: true))
    try fixture.write(third, resource("000003", name: "投资项目审批事项"))
    try fixture.commit("v1", tag: "v1")
    // modified: tightened; retired; unretired; deleted; added; and a dictionary edit that is no resource.
    try fixture.edit(DiffFixture.department, "type: 有条件共享", "type: 不予共享\n  basis: 《政府投资条例》第九条")
    try fixture.edit(DiffFixture.base, "update_cycle: 实时", "update_cycle: 每日\nretired:\n  date: 2026-10-01\n  reason: 职能划转")
    try fixture.write(second, resource("000002", name: "企业投资项目备案信息"))
    try fixture.remove(third)
    try fixture.write("catalogs/11100000000000001M/303001002-000001.yaml", resource("000001", name: "价格监测信息").edited(replacing: "303001001/", with: "303001002/"))
    try fixture.edit("dictionaries/departments.yaml", "name: 公安部", "name: 中华人民共和国公安部")
    try fixture.commit("v2", tag: "v2")
    return fixture
  }

  /// The diff of `everyKind` between its tags.
  static func everyKindDiff() throws -> SemanticDiff {
    let fixture = try DiffTests.everyKind()
    return try DiffEngine.diff(
      fixture.repository(), from: fixture.id("v1"), to: fixture.id("v2"), fromLabel: "v1", toLabel: "v2")
  }

  @Test func eachKindBetweenTwoCommits() throws {
    let diff = try Self.everyKindDiff()
    #expect(diff.from == "v1")
    #expect(diff.to == "v2")
    #expect(diff.unreadable.isEmpty)
    #expect(diff.changes.map(\.code) == ["303001001/000001", "303001001/000002", "303001001/000003", "303001002/000001", "101001001/000001"])
    #expect(diff.changes.map(\.kind) == [.modified, .unretired, .deleted, .added, .retired])
    #expect(diff.changes.map(\.breaking) == [true, false, true, false, true])
    #expect(diff.summary == summary(added: 1, modified: 1, retired: 1, unretired: 1, deleted: 1, breaking: 3))
  }

  @Test func aTightenedResourceNamesItsProviderAndEachFieldThatChanged() throws {
    let diff = try Self.everyKindDiff()
    let tightened = diff.changes[0]
    #expect(tightened.path == DiffFixture.department)
    #expect(tightened.provider == DiffFixture.ndrc)
    #expect(tightened.providerName == "国家发展和改革委员会")
    #expect(tightened.name == "企业投资项目核准信息")
    #expect(tightened.sharingType == "不予共享")
    #expect(
      tightened.fields == [
        FieldChange(field: "sharing.type", old: "有条件共享", new: "不予共享", impact: .breaking),
        FieldChange(field: "sharing.basis", old: nil, new: "《政府投资条例》第九条", impact: .compatible),
      ])
  }

  @Test func aRetirementIsBreakingAndListsItsFields() throws {
    let diff = try Self.everyKindDiff()
    let retired = diff.changes[4]
    #expect(retired.provider == DiffFixture.mps)
    #expect(retired.providerName == "公安部")
    #expect(
      retired.fields == [
        FieldChange(field: "update_cycle", old: "实时", new: "每日", impact: .breaking),
        FieldChange(field: "retired.date", old: nil, new: "2026-10-01", impact: .breaking),
        FieldChange(field: "retired.reason", old: nil, new: "职能划转", impact: .compatible),
      ])
  }

  @Test func aDeletedResourceKeepsItsNameAndHasNoFields() throws {
    let diff = try Self.everyKindDiff()
    let deleted = diff.changes[2]
    #expect(deleted.path == DiffTests.third)
    #expect(deleted.name == "投资项目审批事项")
    #expect(deleted.sharingType == "无条件共享")
    #expect(deleted.fields.isEmpty)
  }

  @Test func treesGiveWhatCommitsGive() throws {
    let fixture = try DiffTests.everyKind()
    let repository = try fixture.repository()
    let byCommit = try DiffEngine.diff(
      repository, from: fixture.id("v1"), to: fixture.id("v2"), fromLabel: "v1", toLabel: "v2")
    let byTree = try DiffEngine.diff(
      repository, fromTree: fixture.id("v1^{tree}"), toTree: fixture.id("v2^{tree}"), fromLabel: "v1", toLabel: "v2")
    #expect(byTree.changes == byCommit.changes)
  }

  @Test func fromNothingEverythingIsAdded() throws {
    let fixture = try DiffFixture()
    let v1 = try fixture.commit("v1")
    let diff = try DiffEngine.diff(try fixture.repository(), from: nil, to: v1, fromLabel: "", toLabel: "v1")
    #expect(diff.changes.map(\.kind) == [.added, .added])
    #expect(diff.changes.map(\.provider) == [DiffFixture.ndrc, DiffFixture.mps])
    #expect(diff.summary.breaking == 0)
    let gone = try DiffEngine.diff(try fixture.repository(), from: v1, to: nil, fromLabel: "v1", toLabel: "")
    #expect(gone.changes.map(\.kind) == [.deleted, .deleted])
    #expect(gone.summary.breaking == 2)
  }

  @Test func reorderingAndReformattingAreNoChange() throws {
    let fixture = try DiffFixture()
    let v1 = try fixture.commit("v1")
    try fixture.edit(
      DiffFixture.department,
      "  - { name: 统一社会信用代码, type: C, length: 18 }\n  - { name: 项目名称, type: C, length: 200 }\n",
      "  - { name: 项目名称, type: C, length: 200 }\n  -   name: 统一社会信用代码   # 主键\n      type: \"C\"\n      length: 18\n")
    try fixture.edit(DiffFixture.department, "related: [101001001/000001]", "related:\n  - \"101001001/000001\"")
    try fixture.edit(DiffFixture.base, "sharing:\n  type: 无条件共享\n", "sharing:\n  type: '无条件共享'\n")
    let v2 = try fixture.commit("reformat")
    let diff = try DiffEngine.diff(try fixture.repository(), from: v1, to: v2, fromLabel: "v1", toLabel: "v2")
    #expect(diff.isEmpty)
    #expect(diff.summary == DiffSummary())
  }

  @Test func aFileMovedToAnotherProviderIsTheSameResource() throws {
    let fixture = try DiffFixture()
    let v1 = try fixture.commit("v1")
    let moved = try fixture.transferDepartmentResource()
    let v2 = try fixture.commit("transfer")
    let diff = try DiffEngine.diff(try fixture.repository(), from: v1, to: v2, fromLabel: "v1", toLabel: "v2")
    #expect(diff.changes.count == 1)
    let change = try #require(diff.changes.first)
    #expect(change.kind == .modified)
    #expect(change.path == moved)
    #expect(change.provider == DiffFixture.mps)
    #expect(change.fields.map(\.field) == ["provider.code", "provider.name"])
    // Its users must now ask another department for the data: breaking.
    #expect(change.fields.map(\.impact) == [.breaking, .compatible])
    #expect(change.breaking && diff.summary.breaking == 1)
  }

  @Test func anUnreadableFileIsReportedAndTheDiffGoesOn() throws {
    let fixture = try DiffFixture()
    let v1 = try fixture.commit("v1")
    try fixture.write(DiffFixture.department, "code: 303001001/000001\nname: [未闭合\n")
    try fixture.edit(DiffFixture.base, "type: 无条件共享", "type: 有条件共享\n  condition: 仅向公安机关提供")
    let v2 = try fixture.commit("v2")
    let diff = try DiffEngine.diff(try fixture.repository(), from: v1, to: v2, fromLabel: "v1", toLabel: "v2")
    #expect(diff.changes.map(\.code) == ["101001001/000001"])
    #expect(diff.unreadable.count == 1)
    let finding = try #require(diff.unreadable.first)
    #expect(finding.rule == "yaml.syntax")
    #expect(finding.severity == .warning)
    #expect(finding.path == DiffFixture.department)
    #expect(finding.code == "303001001/000001")
    #expect(finding.message.en.hasPrefix("unreadable in v2, left out of the diff: "))
    #expect(finding.message.zh.hasPrefix("在 v2 中无法读取，未计入差异："))
    #expect(!diff.isEmpty)

    // The other way round, the old side is the unreadable one.
    let back = try DiffEngine.diff(try fixture.repository(), from: v2, to: v1, fromLabel: "v2", toLabel: "v1")
    #expect(back.unreadable.count == 1)
    #expect(back.unreadable.map(\.message.en).allSatisfy { $0.hasPrefix("unreadable in v2,") })
  }

  @Test func theWorkingTreeAgainstACommit() throws {
    let fixture = try DiffFixture()
    try fixture.write(DiffTests.second, DiffTests.resource("000002", name: "企业投资项目备案信息"))
    let v1 = try fixture.commit("v1")
    // Unstaged edit, staged edit, untracked new file, deleted file, a file touched but unchanged.
    try fixture.edit(DiffFixture.department, "to_public: false", "to_public: true")
    try fixture.edit(DiffFixture.base, "  - { name: 出生日期, type: D }\n", "")
    try fixture.git("add", DiffFixture.base)
    try fixture.write(DiffTests.third, DiffTests.resource("000003", name: "投资项目审批事项"))
    try fixture.remove(DiffTests.second)
    try fixture.write("README.md", "# 目录\n")
    let diff = try DiffEngine.diff(try fixture.repository(), from: v1, toWorkingTree: fixture.path, fromLabel: "HEAD")
    #expect(diff.to == SemanticDiff.workingTree)
    #expect(diff.changes.map(\.code) == ["303001001/000001", "303001001/000002", "303001001/000003", "101001001/000001"])
    #expect(diff.changes.map(\.kind) == [.modified, .deleted, .added, .modified])
    #expect(diff.changes[0].fields == [FieldChange(field: "open.to_public", old: "false", new: "true", impact: .compatible)])
    #expect(diff.changes[3].fields == [FieldChange(field: "items[出生日期]", old: "D", new: nil, impact: .breaking)])
  }

  @Test func theWorkingTreeUnchangedIsNoChange() throws {
    let fixture = try DiffFixture()
    let v1 = try fixture.commit("v1")
    // Rewritten with the same bytes: the stat data changes, the contents do not.
    try fixture.write(DiffFixture.department, try fixture.read(DiffFixture.department))
    let diff = try DiffEngine.diff(try fixture.repository(), from: v1, toWorkingTree: fixture.path, fromLabel: "HEAD")
    #expect(diff.isEmpty)
  }

  @Test func breakingOnlyKeepsTheBreakingResourcesWhole() throws {
    let fixture = try DiffTests.everyKind()
    let diff = try DiffEngine.diff(
      try fixture.repository(), from: fixture.id("v1"), to: fixture.id("v2"), fromLabel: "v1", toLabel: "v2")
    let breaking = diff.breakingOnly()
    #expect(breaking.changes.map(\.kind) == [.modified, .deleted, .retired])
    #expect(breaking.changes[0].fields.count == 2)
    #expect(breaking.summary == summary(added: 0, modified: 1, retired: 1, unretired: 0, deleted: 1, breaking: 3))
    #expect(breaking.from == "v1" && breaking.to == "v2")
  }

  // MARK: The workflow of `mulu diff`

  @Test func revisionsDefaultToHEADAndTheWorkingTree() throws {
    let fixture = try DiffTests.everyKind()
    try fixture.edit(DiffFixture.department, "update_cycle: 每月", "update_cycle: 每周")
    let workspace = try fixture.workspace()

    let againstHead = try DiffEngine.run(in: workspace, from: nil, to: nil)
    #expect(againstHead.from == "HEAD")
    #expect(againstHead.to == SemanticDiff.workingTree)
    #expect(againstHead.changes.map(\.fields) == [[FieldChange(field: "update_cycle", old: "每月", new: "每周", impact: .compatible)]])

    let againstV1 = try DiffEngine.run(in: workspace, from: "v1", to: nil)
    #expect(againstV1.summary.total == 5)

    let tags = try DiffEngine.run(in: workspace, from: "v1", to: "v2")
    #expect(tags.summary == summary(added: 1, modified: 1, retired: 1, unretired: 1, deleted: 1, breaking: 3))
    let relative = try DiffEngine.run(in: workspace, from: "HEAD~1", to: "main")
    #expect(relative.changes == tags.changes)
  }

  @Test func anUnknownRevisionOrOneThatIsNoRegistryFails() throws {
    let fixture = try DiffFixture()
    try fixture.commit("v1")
    let workspace = try fixture.workspace()
    let error = #expect(throws: Workspace.Failure.self) {
      try DiffEngine.run(in: workspace, from: "no-such-tag", to: nil)
    }
    guard case .unknownRevision("no-such-tag")? = error else {
      Issue.record("expected an unknown revision, got \(String(describing: error))")
      return
    }

    try fixture.git("checkout", "-q", "--orphan", "notes")
    try fixture.git("rm", "-rqf", ".")
    try fixture.write("notes.txt", "备忘\n")
    try fixture.commit("notes")
    #expect(throws: Workspace.Failure.notARegistry("notes")) {
      try DiffEngine.run(in: workspace, from: "main", to: "notes")
    }
  }

  private func summary(added: Int, modified: Int, retired: Int, unretired: Int, deleted: Int, breaking: Int) -> DiffSummary {
    var summary = DiffSummary()
    (summary.added, summary.modified, summary.retired) = (added, modified, retired)
    (summary.unretired, summary.deleted, summary.breaking) = (unretired, deleted, breaking)
    return summary
  }
}
