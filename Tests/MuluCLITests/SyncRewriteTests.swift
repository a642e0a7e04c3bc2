import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

/// A fork that force-pushes history already synced (docs/sync.md): `sync status` names the last
/// sync as the merge that took it in, and says the history was rewritten; `sync pull` refuses
/// and says why, until the fork takes the national branch again.
@Suite("Sync of a fork that rewrote synced history", .timeLimit(.minutes(2)))
struct SyncRewriteTests {
  @Test("status and pull name the synced commit the fork no longer contains, and the merge that took it in")
  func rewrittenFork() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每周")
    let synced = try lab.commitAll("ndrc", "发改委：每周更新")
    #expect(try lab.mulu("sync", "pull", "ndrc").status == 0)
    let merge = try lab.rev("national.git", "main")

    // The fork rewrites that commit away and goes on.
    try lab.git("ndrc", "reset", "-q", "--hard", "HEAD~1")
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    try lab.commitAll("ndrc", "发改委：每日更新")

    var outcome = try lab.mulu("sync", "status")
    #expect(outcome.status == 0, "\(outcome)")
    let ndrc = try #require(outcome.stdout.range(of: "ndrc  ../ndrc (main)\n")).upperBound
    let block = outcome.stdout[ndrc...]
    #expect(block.contains("  last synced: \(synced.prefix(12)) 2026-05-01 发改委：每周更新 (merged by \(merge.prefix(12)) 2026-05-01)\n"), "\(outcome)")
    #expect(
      block.contains(
        "  would be refused: the fork no longer contains \(synced.prefix(12)) \"发改委：每周更新\" (merged into main by \(merge.prefix(12)), "),
      "\(outcome)")
    #expect(block.contains("): its history was rewritten\n"), "\(outcome)")
    outcome = try lab.mulu("sync", "status", "--no-fetch", language: "zh_CN.UTF-8")
    #expect(outcome.stdout.contains("  将被拒绝：分支库已不包含 \(synced.prefix(12)) “发改委：每周更新”（已由 \(merge.prefix(12))"), "\(outcome)")
    #expect(outcome.stdout.contains("合并到 main）：其历史被改写\n"), "\(outcome)")
    outcome = try lab.mulu("sync", "status", "--no-fetch", "--format", "json")
    #expect(outcome.stdout.contains(#""last_synced":"\#(synced)","synced_by":"\#(merge)","unrelated_history":false,"rewritten":true"#), "\(outcome)")

    outcome = try lab.mulu("sync", "pull", "ndrc")
    #expect(outcome.status == 1, "\(outcome)")
    #expect(outcome.stderr.contains("the fork no longer contains \(synced.prefix(12)) \"发改委：每周更新\" (merged into main by \(merge.prefix(12))"), "\(outcome)")
    #expect(outcome.stderr.contains("its history was rewritten: nothing written; let the fork take main again"), "\(outcome)")
    #expect(try lab.rev("national.git", "main") == merge)

    // Once the fork takes main again (keeping its own value), the pull goes through.
    try lab.git("ndrc", "pull", "-q", "--no-rebase", "-X", "ours", "origin", "main")
    outcome = try lab.mulu("sync", "pull", "ndrc")
    #expect(outcome.status == 0, "\(outcome)")
    #expect(try lab.git("national.git", "show", "main:" + Baseline.departmentResourcePath).contains("update_cycle: 每日"))
  }
}
