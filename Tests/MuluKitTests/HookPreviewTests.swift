import Foundation
import MuluCatalog
import MuluGit
import MuluTestSupport
import Testing

@testable import MuluKit

@Suite("The hook's preview")
struct HookPreviewTests {
  @Test("a department's branch that merged main previews only its own change")
  func branchMergingMain() throws {
    let server = try ExampleServer(setup: [])
    let repository = server.repository
    try repository.updateReference(name: "refs/heads/ndrc/weekly", to: server.main, expected: nil, message: "test")
    var branchFiles = server.files
    branchFiles[Baseline.departmentResourcePath] = branchFiles[Baseline.departmentResourcePath]!
      .replacingOccurrences(of: "update_cycle: 每月", with: "update_cycle: 每周")
    let branchTip = try HookPolicyTests.commit(repository, branchFiles, parents: [server.main])
    // Meanwhile main changes 公安部's base resource.
    var mainFiles = server.files
    mainFiles[Baseline.baseResourcePath] = mainFiles[Baseline.baseResourcePath]!
      .replacingOccurrences(of: "update_cycle: 实时", with: "update_cycle: 每日")
    let mainTip = try HookPolicyTests.commit(repository, mainFiles, parents: [server.main])
    try repository.updateReference(name: "refs/heads/main", to: mainTip, expected: server.main, message: "test")
    // The department merges main into its branch and pushes both commits.
    var merged = mainFiles
    merged[Baseline.departmentResourcePath] = branchFiles[Baseline.departmentResourcePath]
    let merge = try HookPolicyTests.commit(repository, merged, parents: [branchTip, mainTip])

    let verdict = try PreReceive.judge(
      repository, updates: [RefUpdate(old: server.main, new: merge, name: "refs/heads/ndrc/weekly")], pusher: "ndrc-editor")
    #expect(verdict.accepted)
    #expect(verdict.refs.first?.changedPaths == [Baseline.departmentResourcePath])
    let preview = try #require(verdict.refs.first?.preview)
    #expect(preview.changes.map(\.code) == ["303001001/000001"])
    #expect(preview.summary.modified == 1)
  }
}
