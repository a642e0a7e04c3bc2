import Foundation
import MuluCatalog
import MuluGit
@testable import MuluKit
import MuluTestSupport
import Testing

extension Sync.Preparation {
  var prepared: Sync.Prepared? {
    if case .ready(let prepared) = self { return prepared }
    return nil
  }
}

/// What a sync leaves behind when it stops between its steps, when someone else moves the
/// branch, and in a clone whose working tree follows the branch.
@Suite struct SyncSafetyTests {
  /// A lab whose ndrc fork changed one resource.
  func labWithFork() throws -> (RegistryLab, forkTip: String) {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    return (lab, try lab.commitAll("ndrc", "发改委：更新周期改为每日"))
  }

  @Test func stoppedAfterWritingObjectsTheTargetIsIntactAndARerunCompletes() throws {
    let (lab, forkTip) = try labWithFork()
    let main = try lab.rev("national.git", "main")
    let repository = try lab.workspace().repository()

    // Everything up to the merge commit is written; then the process dies.
    let prepared = try #require(try Sync.prepare(repository, lab.request("ndrc")).prepared)
    #expect(try lab.git("national.git", "cat-file", "-t", prepared.commit.hex) == "commit\n")
    #expect(try lab.rev("national.git", "main") == main)
    // The repository is sound; the merge commit is only unreferenced.
    #expect(try lab.git("national.git", "fsck", "--no-progress") == "dangling commit \(prepared.commit.hex)\n")

    let merged = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).merged)
    #expect(try lab.rev("national.git", "main") == merged.prepared.commit.hex)
    #expect(try lab.git("national.git", "rev-parse", "main^1", "main^2") == "\(main)\n\(forkTip)\n")
  }

  @Test func aBranchThatMovedMeanwhileIsLeftWhereItIs() throws {
    let (lab, _) = try labWithFork()
    let repository = try lab.workspace().repository()
    let prepared = try #require(try Sync.prepare(repository, lab.request("ndrc")).prepared)

    // A maintainer pushes between sync's reading of main and its update.
    let pushed = try lab.commitNational("国家：README") { try lab.write("work", "README.md", "国家目录\n") }
    #expect(try Sync.publish(prepared, in: repository).refusal == .targetMoved(reference: "refs/heads/main"))
    #expect(try lab.rev("national.git", "main") == pushed)

    // Run again: the merge goes on top of the maintainer's commit.
    _ = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).merged)
    #expect(try lab.rev("national.git", "main^1") == pushed)
  }

  @Test func aLockedBranchIsNotTouched() throws {
    let (lab, _) = try labWithFork()
    let main = try lab.rev("national.git", "main")
    let repository = try lab.workspace().repository()
    let prepared = try #require(try Sync.prepare(repository, lab.request("ndrc")).prepared)
    try lab.write("national.git", "refs/heads/main.lock", "")

    let refusal = try Sync.publish(prepared, in: repository).refusal
    guard case .locked(let reference, let lock) = refusal else {
      Issue.record("expected a lock, got \(String(describing: refusal))")
      return
    }
    #expect(reference == "refs/heads/main" && lock?.path == repository.commonPath + "/refs/heads/main.lock")
    #expect(try lab.rev("national.git", "main") == main)
  }

  @Test func aCloneFollowsTheMergeAndKeepsAReflog() throws {
    let (lab, forkTip) = try labWithFork()
    try lab.git("", "clone", "-q", "national.git", "national")

    let merged = try #require(try Sync.pull(in: lab.workspace("national"), lab.request("ndrc")).merged)
    #expect(merged.workingTree == .updated)
    #expect(try lab.rev("national", "main^2") == forkTip)
    #expect(try lab.read("national", Baseline.departmentResourcePath).contains("update_cycle: 每日"))
    #expect(try lab.git("national", "status", "--porcelain") == "")
    #expect(try lab.git("national", "reflog", "-1", "--format=%gs", "main") == "mulu sync pull ndrc: merge \(forkTip)\n")
  }

  @Test func aCloneWithLocalChangesIsRefusedAndTheChangesKept() throws {
    let (lab, _) = try labWithFork()
    try lab.git("", "clone", "-q", "national.git", "national")
    let main = try lab.rev("national", "main")
    try lab.edit("national", Baseline.baseResourcePath, replacing: "update_cycle: 实时", with: "update_cycle: 每日")

    let refusal = try #require(try Sync.pull(in: lab.workspace("national"), lab.request("ndrc")).refusal)
    #expect(refusal == .dirtyWorkingTree(branch: "main"))
    #expect(try lab.rev("national", "main") == main)
    #expect(try lab.read("national", Baseline.baseResourcePath).contains("update_cycle: 每日"))

    // Another branch checked out: main moves, the working tree is not main's and stays.
    try lab.git("national", "checkout", "-q", "-b", "draft")
    _ = try #require(try Sync.pull(in: lab.workspace("national"), lab.request("ndrc")).merged)
    #expect(try lab.rev("national", "main") != main)
    #expect(try lab.read("national", Baseline.baseResourcePath).contains("update_cycle: 每日"))
  }

  @Test func killedAfterTheBranchMovedARerunBringsTheWorkingTreeAlong() throws {
    let (lab, _) = try labWithFork()
    try lab.git("", "clone", "-q", "national.git", "national")
    let repository = try lab.workspace("national").repository()
    let prepared = try #require(try Sync.prepare(repository, lab.request("ndrc")).prepared)
    // The branch moved, and the process died before the checkout.
    #expect(try Sync.moveReference(prepared, in: repository) == nil)
    #expect(try lab.rev("national", "main") == prepared.commit.hex)
    #expect(try lab.git("national", "status", "--porcelain") != "")
    #expect(FileManager.default.fileExists(atPath: lab.path("national/.git/MULU_SYNC_CHECKOUT")))

    #expect(try Sync.pull(in: lab.workspace("national"), lab.request("ndrc")).isUpToDate)
    #expect(try lab.git("national", "status", "--porcelain") == "")
    #expect(try lab.read("national", Baseline.departmentResourcePath).contains("update_cycle: 每日"))
    #expect(!FileManager.default.fileExists(atPath: lab.path("national/.git/MULU_SYNC_CHECKOUT")))
  }

  @Test func aStagedRevertOfASyncMergeIsKept() throws {
    let (lab, _) = try labWithFork()
    try lab.git("", "clone", "-q", "national.git", "national")
    let merged = try #require(try Sync.pull(in: lab.workspace("national"), lab.request("ndrc")).merged)
    #expect(merged.workingTree == .updated)
    #expect(!FileManager.default.fileExists(atPath: lab.path("national/.git/MULU_SYNC_CHECKOUT")))

    // A maintainer undoes the merge, staged: the index holds the merge's first parent's tree,
    // as a sync killed before its checkout would leave it, and REVERT_HEAD says why.
    try lab.git("national", "revert", "-n", "-m", "1", "HEAD")
    let staged = try lab.git("national", "diff", "--cached", "--name-only")
    #expect(staged == Baseline.departmentResourcePath + "\n")

    let refusal = try #require(try Sync.pull(in: lab.workspace("national"), lab.request("ndrc")).refusal)
    #expect(refusal == .dirtyWorkingTree(branch: "main"))
    #expect(try lab.git("national", "diff", "--cached", "--name-only") == staged)
    #expect(try lab.read("national", Baseline.departmentResourcePath).contains("update_cycle: 每月"))
    #expect(lab.has("national", "REVERT_HEAD"))

    // The same undo without an operation in progress: still the maintainer's, not a sync's.
    try lab.git("national", "revert", "--abort")
    try lab.git("national", "checkout", "HEAD^1", "--", ".")
    #expect(!lab.has("national", "REVERT_HEAD"))
    let again = try #require(try Sync.pull(in: lab.workspace("national"), lab.request("ndrc")).refusal)
    #expect(again == .dirtyWorkingTree(branch: "main"))
    #expect(try lab.git("national", "diff", "--cached", "--name-only") == staged)
    #expect(try lab.read("national", Baseline.departmentResourcePath).contains("update_cycle: 每月"))
  }
}
