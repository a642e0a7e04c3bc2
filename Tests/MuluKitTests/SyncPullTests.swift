import Foundation
import MuluCatalog
import MuluGit
import MuluKit
import MuluTestSupport
import Testing

extension Sync.Outcome {
  var merged: Sync.Merged? {
    if case .merged(let merged) = self { return merged }
    return nil
  }

  var refusal: Sync.Refusal? {
    if case .refused(let refusal) = self { return refusal }
    return nil
  }

  var isUpToDate: Bool {
    if case .upToDate = self { return true }
    return false
  }
}

/// Every reference of a repository but the fetched forks, with its value: what a refused sync
/// must leave as it was.
func references(_ lab: RegistryLab, _ folder: String = "national.git") throws -> String {
  try lab.git(folder, "for-each-ref", "--format=%(refname) %(objectname)").split(separator: "\n")
    .filter { !$0.hasPrefix("refs/mulu/") }.joined(separator: "\n")
}

@Suite struct SyncPullTests {
  /// One pull of 国家发展和改革委员会's fork (a resource changed, one added) into the national
  /// registry, then a second pull; what git and mulu say after each. Made once for the tests
  /// that read it.
  struct Pulled: Sendable {
    let merged: Sync.Merged?
    /// main before and after, and the fork's tip.
    let before, main, forkTip: String
    /// git's answers after the pull: main's parents, the commits main^2..main, main's author and
    /// message, the fetched fork's ref, the files that differ from the fork's tip, fsck.
    let parents, count, message, sourceRef, difference, fsck: String
    /// The second pull, and whether it left every reference as it was.
    let again: Sync.Outcome
    let referencesKept: Bool
  }

  static let pulled = Result<Pulled, any Error> {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    let added = RegistryLab.ndrcResource(sequence: "000002", name: "政府投资项目审批信息")
    try lab.write("ndrc", added.path, added.text)
    let forkTip = try lab.commitAll("ndrc", "发改委：更新周期改为每日，新增审批信息")
    let before = try lab.rev("national.git", "main")
    let merged = try Sync.pull(in: lab.workspace(), lab.request("ndrc")).merged
    let main = try lab.rev("national.git", "main")
    let parents = try lab.git("national.git", "rev-parse", "main^1", "main^2")
    let count = try lab.git("national.git", "rev-list", "--count", "main^2..main")
    let message = try lab.git("national.git", "log", "-1", "--format=%an <%ae>%n%B", "main")
    let sourceRef = try lab.rev("national.git", "refs/mulu/sources/ndrc")
    let difference = try lab.git("national.git", "diff", "--name-only", forkTip, "main")
    let fsck = try lab.git("national.git", "fsck", "--no-progress")
    let refs = try references(lab)
    let again = try Sync.pull(in: lab.workspace(), lab.request("ndrc"))
    return Pulled(
      merged: merged, before: before, main: main, forkTip: forkTip, parents: parents, count: count, message: message,
      sourceRef: sourceRef, difference: difference, fsck: fsck, again: again, referencesKept: try references(lab) == refs)
  }

  @Test func aForkComesInAsOneMergeCommitOfMainAndTheForksTip() throws {
    let pulled = try Self.pulled.get()
    let merged = try #require(pulled.merged)
    #expect(pulled.main == merged.prepared.commit.hex)
    #expect(pulled.parents == "\(pulled.before)\n\(pulled.forkTip)\n")
    #expect(pulled.count == "1\n")
    // Nobody changed the national registry meanwhile: the merge's files are the fork's.
    #expect(pulled.difference == "")
    #expect(pulled.fsck.isEmpty)
    #expect(merged.workingTree == .untouched)
  }

  @Test func theMergeIsWrittenByThePullerAndNamesTheChangesTheSourceAndItsCommit() throws {
    let pulled = try Self.pulled.get()
    let message = pulled.message
    #expect(message.hasPrefix("张三 <zhangsan@example.cn>\nSync ndrc"))
    #expect(message.contains("303001001/000001"))
    #expect(message.contains("303001001/000002"))
    #expect(message.contains("\nMulu-Source: ndrc\nMulu-Source-Commit: \(pulled.forkTip)\n"))
    #expect(pulled.sourceRef == pulled.forkTip)
  }

  @Test func theMergeIsReconciledWithTheForkDepartmentByDepartment() throws {
    let merged = try #require(try Self.pulled.get().merged)
    let reconciliation = try #require(merged.reconciliation.first)
    #expect(merged.reconciliation.count == 1)
    #expect(reconciliation.department == Baseline.ndrc)
    #expect(reconciliation.name == "国家发展和改革委员会")
    #expect(reconciliation.isEqual)
    #expect(reconciliation.forkResources == 2 && reconciliation.mergedResources == 2)
    #expect(reconciliation.active == 2 && reconciliation.retired == 0)
  }

  @Test func aSecondPullFindsNothingNewAndWritesNothing() throws {
    let pulled = try Self.pulled.get()
    // The fork's tip is in main now: nothing new, nothing written.
    #expect(pulled.again.isUpToDate)
    #expect(pulled.referencesKept)
  }

  @Test func pathsOutsideTheOwnedFoldersAreRefusedAndAllListed() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.edit("ndrc", Baseline.baseResourcePath, replacing: "update_cycle: 实时", with: "update_cycle: 每日")
    try lab.edit("ndrc", "sources.yaml", replacing: "../mps", with: "../elsewhere")
    try lab.write("ndrc", "notes.txt", "草稿\n")
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    try lab.commitAll("ndrc", "越界修改")
    let refs = try references(lab)

    let refusal = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).refusal)
    #expect(refusal == .foreignPaths(owns: [Baseline.ndrc], paths: [Baseline.baseResourcePath, "notes.txt", "sources.yaml"]))
    #expect(try references(lab) == refs)
  }

  @Test func aForkThatCherryPickedTheRegistrysOwnChangeIsNotRefused() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    let fix = try lab.commitNational("国家：基础资源更新周期改为每日") {
      try lab.edit("work", Baseline.baseResourcePath, replacing: "update_cycle: 实时", with: "update_cycle: 每日")
    }
    try lab.git("ndrc", "fetch", "-q", "origin")
    try lab.git("ndrc", "cherry-pick", fix)
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    let forkTip = try lab.commitAll("ndrc", "发改委：更新周期改为每日")
    #expect(try Sync.status(in: lab.workspace()).sources[0].foreignPaths == [])

    let merged = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).merged)
    #expect(try lab.git("national.git", "rev-parse", "main^1", "main^2") == "\(fix)\n\(forkTip)\n")
    #expect(try lab.git("national.git", "diff", "--name-only", "main^1", "main") == Baseline.departmentResourcePath + "\n")
    #expect(merged.prepared.forkChanges.map(\.path) == [Baseline.departmentResourcePath])

    // The same path changed differently is still foreign.
    try lab.edit("ndrc", Baseline.baseResourcePath, replacing: "update_cycle: 每日", with: "update_cycle: 每月")
    try lab.commitAll("ndrc", "越界修改")
    let refusal = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).refusal)
    #expect(refusal == .foreignPaths(owns: [Baseline.ndrc], paths: [Baseline.baseResourcePath]))
  }

  @Test func aFileChangedOnBothSidesIsAConflictAndNothingIsWritten() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.commitNational("国家：修改发改委资源的摘要") {
      try lab.edit("work", Baseline.departmentResourcePath, replacing: "summary: 企业投资项目核准的", with: "summary: 全国企业投资项目核准的")
    }
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    let added = RegistryLab.ndrcResource(sequence: "000002", name: "政府投资项目审批信息")
    try lab.write("ndrc", added.path, added.text)
    try lab.commitAll("ndrc", "发改委：更新周期")
    let refs = try references(lab)

    let refusal = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).refusal)
    #expect(refusal == .conflicts([Sync.Conflict(path: Baseline.departmentResourcePath, code: "303001001/000001")]))
    #expect(try references(lab) == refs)

    // The same change on both sides is no conflict.
    let lab2 = try RegistryLab()
    try lab2.makeNational()
    try lab2.commitNational("国家：同一修改") {
      try lab2.edit("work", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    }
    try lab2.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    try lab2.commitAll("ndrc", "发改委：同一修改")
    #expect(try Sync.pull(in: lab2.workspace(), lab2.request("ndrc")).merged != nil)
  }

  @Test func aForkThatLeavesErrorsIsRefusedWithTheFindings() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.edit(
      "ndrc", Baseline.departmentResourcePath, replacing: "  type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n",
      with: "  type: 不予共享\n")
    try lab.commitAll("ndrc", "改为不予共享，忘了依据")
    let refs = try references(lab)

    let refusal = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).refusal)
    guard case .invalid(let report) = refusal else {
      Issue.record("expected findings, got \(refusal)")
      return
    }
    #expect(report.findings.filter { $0.severity == .error }.map(\.rule).contains("sharing.basis-required"))
    #expect(report.findings.allSatisfy { $0.path == Baseline.departmentResourcePath })
    #expect(try references(lab) == refs)
  }

  @Test func aForkThatDeletesAResourceInsteadOfRetiringItIsRefused() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.git("ndrc", "rm", "-q", Baseline.departmentResourcePath)
    try lab.commitAll("ndrc", "删除一项资源")
    let refs = try references(lab)

    let refusal = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).refusal)
    guard case .invalid(let report) = refusal else {
      Issue.record("expected findings, got \(refusal)")
      return
    }
    #expect(report.findings.map(\.rule) == ["retire.delete-forbidden"])
    #expect(report.findings.map(\.path) == [Baseline.departmentResourcePath])
    #expect(try references(lab) == refs)
  }

  @Test func reviewPutsTheMergeOnSyncNameAndLeavesMainAlone() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.edit("mps", Baseline.baseResourcePath, replacing: "update_cycle: 实时", with: "update_cycle: 每日")
    let forkTip = try lab.commitAll("mps", "公安部：更新周期")
    let main = try lab.rev("national.git", "main")

    let merged = try #require(try Sync.pull(in: lab.workspace(), lab.request("mps", review: true)).merged)
    #expect(merged.prepared.reference == "refs/heads/sync/mps")
    #expect(try lab.rev("national.git", "main") == main)
    #expect(try lab.git("national.git", "rev-parse", "sync/mps^1", "sync/mps^2") == "\(main)\n\(forkTip)\n")

    // The same review again: it is there already.
    #expect(try Sync.pull(in: lab.workspace(), lab.request("mps", review: true)).isUpToDate)

    // Main moved: a new review replaces the old one, which holds nothing of anyone's.
    try lab.commitNational("国家：README") { try lab.write("work", "README.md", "国家目录\n") }
    let replaced = try #require(try Sync.pull(in: lab.workspace(), lab.request("mps", review: true)).merged)
    #expect(try lab.rev("national.git", "sync/mps") == replaced.prepared.commit.hex)

    // A maintainer's commit on the review branch is never dropped.
    try lab.git("", "clone", "-q", "national.git", "maintainer")
    try lab.git("maintainer", "checkout", "-q", "sync/mps")
    try lab.write("maintainer", "README.md", "国家目录（审核中）\n")
    try lab.commitAll("maintainer", "审核意见")
    try lab.git("maintainer", "push", "-q", "origin", "sync/mps")
    try lab.commitNational("国家：README 再改") { try lab.write("work", "README.md", "国家目录 2\n") }
    let held = try lab.rev("national.git", "sync/mps")
    let refusal = try #require(try Sync.pull(in: lab.workspace(), lab.request("mps", review: true)).refusal)
    #expect(refusal == .reviewBranchHasCommits(reference: "refs/heads/sync/mps"))
    #expect(try lab.rev("national.git", "sync/mps") == held)
  }

  @Test func aProvincialRegistryBringsTwoDepartmentsAtOnce() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.edit(
      "zhejiang", "catalogs/\(RegistryLab.zjfgw)/307001001-000001.yaml", replacing: "update_cycle: 每月",
      with: "update_cycle: 每周")
    try lab.write(
      "zhejiang", "catalogs/\(RegistryLab.zjgat)/307002001-000002.yaml",
      RegistryLab.provincialResource(
        code: "307002001/000002", name: "浙江省驾驶证信息", provider: RegistryLab.zjgat, providerName: "浙江省公安厅"))
    try lab.commitAll("zhejiang", "浙江省：两个部门的目录")
    // National changed one of the province's files meanwhile, without conflict.
    try lab.commitNational("国家：更正浙江省公安厅资源的摘要") {
      try lab.edit(
        "work", "catalogs/\(RegistryLab.zjgat)/307002001-000001.yaml", replacing: "summary: 浙江省机动车登记信息，按月更新。",
        with: "summary: 浙江省机动车登记信息。")
    }

    let merged = try #require(try Sync.pull(in: lab.workspace(), lab.request("zhejiang")).merged)
    let message = try lab.git("national.git", "log", "-1", "--format=%B", "main")
    #expect(message.contains("307001001/000001") && message.contains("307002001/000002"))
    let byCode = Dictionary(uniqueKeysWithValues: merged.reconciliation.map { ($0.department, $0) })
    #expect(byCode.count == 2)
    let fgw = try #require(byCode[RegistryLab.zjfgw])
    #expect(fgw.isEqual && fgw.forkResources == 1 && fgw.mergedResources == 1 && fgw.name == "浙江省发展和改革委员会")
    let gat = try #require(byCode[RegistryLab.zjgat])
    #expect(gat.forkResources == 2 && gat.mergedResources == 2)
    #expect(
      gat.differences == [
        Sync.Difference(
          path: "catalogs/\(RegistryLab.zjgat)/307002001-000001.yaml", code: "307002001/000001", reason: .changedHere)
      ])
  }

  @Test func anUnknownSourceOrBranchIsAFailure() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    #expect(throws: Sync.Failure.unknownSource("nosuch", known: ["ndrc", "mps", "zhejiang"])) {
      try Sync.pull(in: lab.workspace(), lab.request("nosuch"))
    }
    var request = lab.request("ndrc")
    request.branch = "release"
    #expect(throws: Sync.Failure.noBranch("release")) { try Sync.pull(in: lab.workspace(), request) }
    try FileManager.default.removeItem(atPath: lab.path("ndrc"))
    #expect {
      try Sync.pull(in: lab.workspace(), lab.request("ndrc"))
    } throws: { error in
      // The path that leads nowhere is named, not called an unsupported URL protocol.
      guard case .fetchFailed(let source, let url, let reason) = error as? Sync.Failure else { return false }
      return source == "ndrc" && url == "../ndrc" && reason.hasPrefix("no repository at /")
        && reason.hasSuffix("/ndrc")
    }
  }

  @Test func aForkWithoutItsBranchIsAFailureNotTheLastFetchedTip() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    let fetched = try lab.commitAll("ndrc", "发改委：更新周期改为每日")
    _ = try #require(try Sync.prepare(lab.workspace().repository(), lab.request("ndrc")).prepared)
    #expect(try lab.rev("national.git", "refs/mulu/sources/ndrc") == fetched)

    // The fork renames its branch: there is no main to pull any more.
    try lab.git("ndrc", "branch", "-m", "main", "trunk")
    let refs = try references(lab)
    #expect(throws: Sync.Failure.fetchFailed(source: "ndrc", url: "../ndrc", reason: "no branch main at ../ndrc")) {
      try Sync.pull(in: lab.workspace(), lab.request("ndrc"))
    }
    #expect(try references(lab) == refs)
    #expect(!lab.has("national.git", "refs/mulu/fetch/ndrc"))
    let status = try Sync.status(in: lab.workspace()).sources[0]
    #expect(status.fetchError == "no branch main at ../ndrc")

    // Back under its name, it is fetched and merged.
    try lab.git("ndrc", "branch", "-m", "trunk", "main")
    _ = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).merged)
    #expect(try lab.rev("national.git", "main^2") == fetched)
    #expect(!lab.has("national.git", "refs/mulu/fetch/ndrc"))
  }

  @Test func sourceNamesMustFitInReferenceNames() throws {
    let (sources, findings) = SourceList.read(
      Array(
        """
        sources:
          - { name: "../x", url: a, owns: [\(Baseline.ndrc)] }
          - { name: ndrc, url: b, owns: [\(Baseline.ndrc)] }
          - { name: ndrc, url: c, owns: [\(Baseline.ndrc)] }
          - { name: mps, url: d, branch: "a b", owns: [\(Baseline.mps)] }

        """.utf8))
    #expect(sources == [SyncSource(name: "ndrc", url: "b", owns: [Baseline.ndrc])])
    #expect(findings.map(\.rule) == ["dictionary.invalid", "dictionary.invalid", "dictionary.invalid"])
  }
}
