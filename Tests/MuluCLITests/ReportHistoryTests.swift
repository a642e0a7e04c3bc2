import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

/// `mulu report` over a national registry whose departments sync from forks: syncs, retirements
/// and breaking changes are read from the history.
@Suite struct ReportHistoryTests {
  /// What one history gives: the report (JSON, and 国家发展和改革委员会's in Chinese text) and the
  /// commits it should name.
  struct History: Sendable {
    let json: String
    let text: String
    /// The release, the sync's merge, the fork's retirement and main's tip.
    let release: String
    let merge: String
    let retired: String
    let tip: String
  }

  /// A release, then 国家发展和改革委员会 retires its resource in its fork (breaking) and main syncs
  /// it a day later; then the fork moves on without a sync, 公安部's fork cannot be reached any more,
  /// and main makes 公安部's resource daily (breaking). Made once for the tests that read it.
  static let history = Result<History, any Error> {
    let lab = try RegistryLab()
    try lab.makeNational()
    let cut = try lab.mulu("release", "cut")
    guard cut.status == 0 else { throw TestFailure("release cut: \(cut)") }
    let release = try lab.rev("national.git", "main")

    // 国家发展和改革委员会 retires its resource in its fork (breaking); main syncs it a day later.
    lab.advanceClock(days: 1)
    try lab.edit(
      "ndrc", Baseline.departmentResourcePath, replacing: "related: [101001001/000001]\n",
      with: "related: [101001001/000001]\nretired:\n  date: 2026-05-02\n  reason: 职能划转\n")
    let retired = try lab.commitAll("ndrc", "发改委：注销企业投资项目核准信息")
    let pulled = try lab.mulu("sync", "pull", "ndrc")
    guard pulled.status == 0 else { throw TestFailure("sync pull: \(pulled)") }
    let merge = try lab.rev("national.git", "main")

    // Then the fork moves on without a sync; 公安部's fork cannot be reached any more.
    lab.advanceClock(days: 5)
    let added = RegistryLab.ndrcResource(sequence: "000002", name: "政府投资项目审批信息")
    try lab.write("ndrc", added.path, added.text)
    try lab.commitAll("ndrc", "发改委：新增审批信息")
    try FileManager.default.removeItem(atPath: lab.path("mps"))

    lab.advanceClock(days: 3)
    try lab.commitNational("国家：公安部资源改为每日更新") {
      try lab.edit("work", Baseline.baseResourcePath, replacing: "update_cycle: 实时", with: "update_cycle: 每日")
    }
    let tip = try lab.rev("national.git", "main")

    let outcome = try lab.mulu("report", "--format", "json")
    guard outcome.status == 0 else { throw TestFailure("report: \(outcome)") }
    let text = try lab.mulu("report", "--department", Baseline.ndrc, language: "zh_CN.UTF-8")
    return History(json: outcome.stdout, text: text.stdout, release: release, merge: merge, retired: retired, tip: tip)
  }

  static func report() throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(history.get().json.utf8)) as? [String: Any])
  }

  static func sources() throws -> [[String: Any]] {
    try #require(report()["sources"] as? [[String: Any]])
  }

  static func department(_ code: String) throws -> [String: Any] {
    let departments = try #require(report()["departments"] as? [[String: Any]])
    return try #require(departments.first { $0["code"] as? String == code })
  }

  @Test func thePeriodStartsAtTheLastRelease() throws {
    let history = try Self.history.get()
    let report = try Self.report()
    #expect(report["commit"] as? String == history.tip)
    #expect(report["since"] as? String == "v2026.05.1")
    #expect(report["since_commit"] as? String == history.release)
  }

  @Test func aSyncedSourceShowsItsLastSyncAndHowFarItsForkHasMovedOn() throws {
    let history = try Self.history.get()
    let sources = try Self.sources()
    #expect(sources.map { $0["source"] as? String } == ["ndrc", "mps", "zhejiang"])
    let ndrc = sources[0]
    let lastSync = try #require(ndrc["last_sync"] as? [String: Any])
    #expect(lastSync["commit"] as? String == history.merge)
    #expect(lastSync["fork_commit"] as? String == history.retired)
    #expect(lastSync["date"] as? String == "2026-05-02")
    #expect(ndrc["behind"] as? Int == 1)
    #expect(ndrc["behind_unknown"] is NSNull)
    #expect(sources[2]["behind"] as? Int == 0)
  }

  @Test func aForkThatCannotBeReachedIsBehindByAnUnknownCountSayingWhy() throws {
    let mps = try Self.sources()[1]
    #expect(mps["last_sync"] is NSNull)
    #expect(mps["behind"] is NSNull)
    #expect((mps["behind_unknown"] as? String)?.contains("no repository at") == true)
  }

  @Test func aRetirementSyncedFromAForkCountsForItsDepartmentOnTheDayOfTheMerge() throws {
    let ndrcDepartment = try Self.department(Baseline.ndrc)
    #expect(ndrcDepartment["resources"] as? Int == 0)
    #expect(ndrcDepartment["retired"] as? Int == 1)
    #expect(ndrcDepartment["period"] as? [String: Int] == ["added": 0, "modified": 0, "retired": 1, "breaking": 1])
    // Changed on main by the sync's merge, nine days before the tip.
    #expect(ndrcDepartment["last_change"] as? String == "2026-05-02")
    #expect(ndrcDepartment["days_since_last_change"] as? Int == 8)
    #expect((ndrcDepartment["sync"] as? [[String: Any]])?.map { $0["source"] as? String } == ["ndrc"])
  }

  @Test func aBreakingChangeOnMainCountsForItsDepartmentAndTheRegistry() throws {
    let mpsDepartment = try Self.department(Baseline.mps)
    #expect(mpsDepartment["period"] as? [String: Int] == ["added": 0, "modified": 1, "retired": 0, "breaking": 1])
    #expect(mpsDepartment["last_change"] as? String == "2026-05-10")
    #expect(mpsDepartment["days_since_last_change"] as? Int == 0)

    let registry = try #require(try Self.report()["registry"] as? [String: Any])
    #expect(registry["period"] as? [String: Int] == ["added": 0, "modified": 1, "retired": 1, "breaking": 2])
  }

  @Test func theTextReportShowsEachSyncSourceOfADepartment() throws {
    let history = try Self.history.get()
    #expect(history.text.contains("  同步来源 ndrc           最近同步 2026-05-02（\(history.merge.prefix(12))），待合并 1 个提交\n"))
    #expect(history.text.contains("  同步来源 zhejiang       从未同步，待合并 0 个提交\n"))
  }
}
