import Foundation
import MuluCatalog
import MuluGit
import MuluKit
import MuluTestSupport
import Testing

@Suite struct SyncStatusTests {
  @Test func eachSourceShowsAheadBehindWhatWaitsAndTheLastSync() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    let seed = try lab.rev("national.git", "main")
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    try lab.commitAll("ndrc", "发改委：更新周期")
    let added = RegistryLab.ndrcResource(sequence: "000002", name: "政府投资项目审批信息")
    try lab.write("ndrc", added.path, added.text)
    let forkTip = try lab.commitAll("ndrc", "发改委：新增审批信息")
    try lab.write("mps", "notes.txt", "草稿\n")
    try lab.commitAll("mps", "公安部：越界的草稿")
    try lab.commitNational("国家：README") { try lab.write("work", "README.md", "国家目录\n") }

    let before = try Sync.status(in: lab.workspace()).sources
    #expect(before.map(\.source.name) == ["ndrc", "mps", "zhejiang"])
    let ndrc = before[0]
    #expect(ndrc.fetchError == nil)
    #expect(ndrc.forkTip?.hex == forkTip)
    #expect(ndrc.ahead == 2 && ndrc.behind == 1)
    #expect(ndrc.lastSynced?.id.hex == seed && ndrc.syncedBy == nil)
    #expect(ndrc.foreignPaths.isEmpty)
    let waiting = try #require(ndrc.waiting)
    #expect(waiting.changes.map(\.code) == ["303001001/000001", "303001001/000002"])
    #expect(waiting.changes.map(\.kind) == [.modified, .added])
    #expect(waiting.changes[0].fields.map(\.field) == ["update_cycle"])
    let mps = before[1]
    #expect(mps.ahead == 1 && mps.foreignPaths == ["notes.txt"])
    let zhejiang = before[2]
    #expect(zhejiang.ahead == 0 && zhejiang.behind == 1 && zhejiang.waiting == nil)

    let merged = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).merged)
    let after = try Sync.status(in: lab.workspace(), fetch: false).sources[0]
    #expect(after.ahead == 0 && after.behind == 2)
    #expect(after.lastSynced?.id.hex == forkTip)
    #expect(after.syncedBy?.id == merged.prepared.commit)
    #expect(after.waiting == nil)
  }

  @Test func withoutFetchingANeverFetchedSourceHasNoTip() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    let statuses = try Sync.status(in: lab.workspace(), fetch: false).sources
    #expect(statuses.map(\.source.name) == ["ndrc", "mps", "zhejiang"])
    #expect(statuses.allSatisfy { $0.forkTip == nil && $0.fetchError == nil })
    #expect(try lab.git("national.git", "for-each-ref", "refs/mulu/") == "")
  }

  @Test func aForkWithUnrelatedHistoryIsShownAsRefused() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.restartWithoutHistory("mps")
    let mps = try Sync.status(in: lab.workspace()).sources[1]
    #expect(mps.forkTip != nil && mps.fetchError == nil)
    #expect(mps.unrelatedHistory && mps.lastSynced == nil && mps.waiting == nil)
    #expect(try Sync.pull(in: lab.workspace(), lab.request("mps")).refusal == .unrelatedHistories)
    #expect(try !Sync.status(in: lab.workspace(), fetch: false).sources[0].unrelatedHistory)
  }

  @Test func anUnreachableForkIsReportedAndTheOthersStillShown() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try FileManager.default.removeItem(atPath: lab.path("mps"))
    let statuses = try Sync.status(in: lab.workspace()).sources
    #expect(statuses[1].fetchError != nil && statuses[1].forkTip == nil)
    #expect(statuses[0].fetchError == nil && statuses[0].forkTip != nil)
  }
}
