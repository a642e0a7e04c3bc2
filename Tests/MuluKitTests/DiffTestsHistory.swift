import MuluCatalog
import MuluGit
import MuluKit
import Testing

/// `mulu log`: the commits that changed one resource in meaning.
@Suite struct DiffTestsHistory {
  static let code = "303001001/000001"

  /// Added, tightened, reformatted only, left alone while another resource changed, retired.
  static func history() throws -> (DiffFixture, [ObjectID]) {
    let fixture = try DiffFixture()
    let added = try fixture.commit("发布资源目录")
    try fixture.edit(DiffFixture.department, "type: 有条件共享", "type: 不予共享\n  basis: 《政府投资条例》第九条")
    let tightened = try fixture.commit("收紧共享类型")
    try fixture.edit(
      DiffFixture.department,
      "  - { name: 统一社会信用代码, type: C, length: 18 }\n  - { name: 项目名称, type: C, length: 200 }\n",
      "  - { name: 项目名称, type: C, length: 200 }\n  - { name: \"统一社会信用代码\", type: C, length: 18 }\n")
    let reformatted = try fixture.commit("整理格式")
    try fixture.edit(DiffFixture.base, "update_cycle: 实时", "update_cycle: 每日")
    let elsewhere = try fixture.commit("调整人口基本信息更新周期")
    try fixture.write(
      DiffFixture.department,
      try fixture.read(DiffFixture.department) + "retired:\n  date: 2026-10-01\n  reason: 职能划转\n")
    let retired = try fixture.commit("注销企业投资项目核准信息")
    return (fixture, [added, tightened, reformatted, elsewhere, retired])
  }

  @Test func everySemanticChangeNewestFirst() throws {
    let (fixture, commits) = try DiffTestsHistory.history()
    let repository = try fixture.repository()
    let log = try ResourceHistory.log(repository, code: DiffTestsHistory.code, from: commits[4])

    #expect(log.map(\.commit) == [commits[4], commits[1], commits[0]])
    #expect(log.map(\.subject) == ["注销企业投资项目核准信息", "收紧共享类型", "发布资源目录"])
    #expect(log.map { $0.change?.kind } == [.retired, .modified, .added])
    #expect(log.allSatisfy { $0.author.name == "张三" && $0.unreadable.isEmpty })
    #expect(log.allSatisfy { $0.commit.hex.hasPrefix($0.shortID) && $0.shortID.count >= 7 })
    #expect(
      log[1].change?.fields == [
        FieldChange(field: "sharing.type", old: "有条件共享", new: "不予共享", impact: .breaking),
        FieldChange(field: "sharing.basis", old: nil, new: "《政府投资条例》第九条", impact: .compatible),
      ])
    #expect(log[1].change?.path == DiffFixture.department)

    // From an older tip, only what that tip has seen.
    let older = try ResourceHistory.log(repository, code: DiffTestsHistory.code, from: commits[2])
    #expect(older.map(\.commit) == [commits[1], commits[0]])
  }

  @Test func aSubjectWithControlCharactersIsPrintedOnOneLineWithoutThem() throws {
    let fixture = try DiffFixture()
    try fixture.commit("发布资源目录")
    try fixture.edit(DiffFixture.department, "update_cycle: 每月", "update_cycle: 每周")
    let tip = try fixture.commit("更新周期\u{1B}[2J\u{7}")
    let log = try ResourceHistory.log(try fixture.repository(), code: DiffTestsHistory.code, from: tip)
    #expect(log.first?.subject.contains("\u{1B}") == true)
    let text = HistoryWriter.text(log, language: .en, color: false)
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(text.contains("更新周期"))
  }

  @Test func text() throws {
    let (fixture, commits) = try DiffTestsHistory.history()
    let log = try ResourceHistory.log(try fixture.repository(), code: DiffTestsHistory.code, from: commits[4])
    let ids = log.map(\.shortID)
    #expect(
      HistoryWriter.text(log, language: .zh, color: false) == """
        \(ids[0]) 2026-01-01 08:05 +0800 张三：注销企业投资项目核准信息
          注销【不兼容】
            retired.date：（无） → 2026-10-01【不兼容】
            retired.reason：（无） → 职能划转
        \(ids[1]) 2026-01-01 08:02 +0800 张三：收紧共享类型
          修改【不兼容】
            sharing.type：有条件共享 → 不予共享【不兼容】
            sharing.basis：（无） → 《政府投资条例》第九条
        \(ids[2]) 2026-01-01 08:01 +0800 张三：发布资源目录
          新增

        """)
    let json = HistoryWriter.json(Array(log.suffix(1)), code: DiffTestsHistory.code, language: .en).serialized()
    #expect(
      json == #"{"code":"303001001/000001","commits":[{"commit":"\#(commits[0].hex)","author":"张三","#
        + #""email":"zhangsan@example.cn","date":"2026-01-01T08:01:00+08:00","subject":"发布资源目录","#
        + #""kind":"added","breaking":false,"fields":[],"unreadable":[],"merge":null}]}"#)
  }

  @Test func aResourceMovedToAnotherProviderIsFollowed() throws {
    let fixture = try DiffFixture()
    let added = try fixture.commit("发布")
    try fixture.edit(DiffFixture.department, "update_cycle: 每月", "update_cycle: 每周")
    let faster = try fixture.commit("更新更频繁")
    let moved = try fixture.transferDepartmentResource()
    let transferred = try fixture.commit("职能划转至公安部")
    try fixture.edit(moved, "to_public: false", "to_public: true")
    let opened = try fixture.commit("向社会开放")

    let log = try ResourceHistory.log(try fixture.repository(), code: DiffTestsHistory.code, from: opened)
    #expect(log.map(\.commit) == [opened, transferred, faster, added])
    #expect(log[1].change?.kind == .modified)
    #expect(log[1].change?.fields.map(\.field) == ["provider.code", "provider.name"])
    #expect(log[1].change?.provider == DiffFixture.mps)
    #expect(log[2].change?.provider == DiffFixture.ndrc)
  }

  @Test func aDeletedResourceStillHasItsHistory() throws {
    let fixture = try DiffFixture()
    let added = try fixture.commit("发布")
    try fixture.edit(DiffFixture.department, "name: 企业投资项目核准信息", "name: 企业投资项目核准结果")
    let renamed = try fixture.commit("改名")
    try fixture.remove(DiffFixture.department)
    let deleted = try fixture.commit("误删")
    let log = try ResourceHistory.log(try fixture.repository(), code: DiffTestsHistory.code, from: deleted)
    #expect(log.map(\.commit) == [deleted, renamed, added])
    #expect(log.map { $0.change?.kind } == [.deleted, .modified, .added])
    #expect(log[0].change?.name == "企业投资项目核准结果")
  }

  @Test func anUnreadableVersionIsShownAsSuch() throws {
    let fixture = try DiffFixture()
    let added = try fixture.commit("发布")
    let good = try fixture.read(DiffFixture.department)
    try fixture.write(DiffFixture.department, good.edited(replacing: "name: 企业投资项目核准信息", with: "name: [未闭合"))
    let broken = try fixture.commit("编辑出错")
    try fixture.write(DiffFixture.department, good)
    let fixed = try fixture.commit("修复")
    let log = try ResourceHistory.log(try fixture.repository(), code: DiffTestsHistory.code, from: fixed)
    #expect(log.map(\.commit) == [fixed, broken, added])
    #expect(log[0].change == nil && log[1].change == nil)
    #expect(log[0].unreadable.count == 1 && log[1].unreadable.count == 1)
    #expect(log[0].unreadable.map(\.message.en).allSatisfy { $0.hasPrefix("unreadable in \(log[0].shortID)^,") })
    #expect(log[1].unreadable.map(\.message.en).allSatisfy { $0.hasPrefix("unreadable in \(log[1].shortID),") })
    #expect(log[2].change?.kind == .added)
  }

  @Test func anUnknownCodeHasNoHistory() throws {
    let (fixture, commits) = try DiffTestsHistory.history()
    #expect(try ResourceHistory.log(try fixture.repository(), code: "303001001/999999", from: commits[4]).isEmpty)
    #expect(try ResourceHistory.log(try fixture.repository(), code: "not a code", from: commits[4]).isEmpty)
    #expect(throws: Workspace.Failure.noSuchPath("303001001/999999")) {
      try ResourceHistory.run(in: try fixture.workspace(), code: "303001001/999999", revision: nil)
    }
    #expect(try ResourceHistory.run(in: try fixture.workspace(), code: DiffTestsHistory.code, revision: "HEAD~3").count == 2)
  }
}
