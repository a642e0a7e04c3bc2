import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

/// `mulu report` over a national registry whose departments sync from forks.
@Suite struct ReportHistoryTests {
  @Test func syncsRetirementsAndBreakingChangesAreReadFromTheHistory() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    #expect(try lab.mulu("release", "cut").status == 0)
    let release = try lab.rev("national.git", "main")

    // 国家发展和改革委员会 retires its resource in its fork (breaking); main syncs it a day later.
    lab.advanceClock(days: 1)
    try lab.edit(
      "ndrc", Baseline.departmentResourcePath, replacing: "related: [101001001/000001]\n",
      with: "related: [101001001/000001]\nretired:\n  date: 2026-05-02\n  reason: 职能划转\n")
    let retired = try lab.commitAll("ndrc", "发改委：注销企业投资项目核准信息")
    let pulled = try lab.mulu("sync", "pull", "ndrc")
    #expect(pulled.status == 0, "\(pulled.stderr)")
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
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let report = try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(report["commit"] as? String == tip)
    #expect(report["since"] as? String == "v2026.05.1")
    #expect(report["since_commit"] as? String == release)

    let sources = try #require(report["sources"] as? [[String: Any]])
    #expect(sources.map { $0["source"] as? String } == ["ndrc", "mps", "zhejiang"])
    let ndrc = sources[0]
    let lastSync = try #require(ndrc["last_sync"] as? [String: Any])
    #expect(lastSync["commit"] as? String == merge)
    #expect(lastSync["fork_commit"] as? String == retired)
    #expect(lastSync["date"] as? String == "2026-05-02")
    #expect(ndrc["behind"] as? Int == 1)
    #expect(ndrc["behind_unknown"] is NSNull)
    let mps = sources[1]
    #expect(mps["last_sync"] is NSNull)
    #expect(mps["behind"] is NSNull)
    #expect((mps["behind_unknown"] as? String)?.contains("no repository at") == true)
    #expect(sources[2]["behind"] as? Int == 0)

    let departments = try #require(report["departments"] as? [[String: Any]])
    let ndrcDepartment = try #require(departments.first { $0["code"] as? String == Baseline.ndrc })
    #expect(ndrcDepartment["resources"] as? Int == 0)
    #expect(ndrcDepartment["retired"] as? Int == 1)
    #expect(ndrcDepartment["period"] as? [String: Int] == ["added": 0, "modified": 0, "retired": 1, "breaking": 1])
    // Changed on main by the sync's merge, nine days before the tip.
    #expect(ndrcDepartment["last_change"] as? String == "2026-05-02")
    #expect(ndrcDepartment["days_since_last_change"] as? Int == 8)
    #expect((ndrcDepartment["sync"] as? [[String: Any]])?.map { $0["source"] as? String } == ["ndrc"])
    let mpsDepartment = try #require(departments.first { $0["code"] as? String == Baseline.mps })
    #expect(mpsDepartment["period"] as? [String: Int] == ["added": 0, "modified": 1, "retired": 0, "breaking": 1])
    #expect(mpsDepartment["last_change"] as? String == "2026-05-10")
    #expect(mpsDepartment["days_since_last_change"] as? Int == 0)

    let registry = try #require(report["registry"] as? [String: Any])
    #expect(registry["period"] as? [String: Int] == ["added": 0, "modified": 1, "retired": 1, "breaking": 2])

    let text = try lab.mulu("report", "--department", Baseline.ndrc, language: "zh_CN.UTF-8")
    #expect(text.stdout.contains("  同步来源 ndrc           最近同步 2026-05-02（\(merge.prefix(12))），待合并 1 个提交\n"))
    #expect(text.stdout.contains("  同步来源 zhejiang       从未同步，待合并 0 个提交\n"))
  }
}
