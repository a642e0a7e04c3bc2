import Foundation
import MuluCatalog
import MuluGit
import MuluTestSupport
import Testing

@testable import MuluKit

/// Where the rules of a push come from, and the hook failing closed.
@Suite("The hook's policy and its failures")
struct HookPolicyTests {
  /// A day after the example server's commits, so that the commits of a test come after main's tip.
  static let person = Signature(name: "张三", email: "zhangsan@example.cn", time: Int64(TestClock.newYear2026 + 86_400), offsetMinutes: 480)

  /// A commit of `files` in a bare repository.
  static func commit(
    _ repository: Repository, _ files: [String: String], parents: [ObjectID] = [], message: String = "提交\n"
  ) throws -> ObjectID {
    let tree = try ExampleServer.tree(repository, files: files, base: nil, old: [:])
    return try repository.createCommit(
      tree: tree, parents: parents, author: person, committer: person, message: message)
  }

  static func bare() throws -> (Sandbox, Repository) {
    let sandbox = try Sandbox()
    try Program.output(
      ["git", "init", "-q", "--bare", sandbox.path + "/server.git"], in: sandbox.path,
      environment: sandbox.hookEnvironment)
    return (sandbox, try Repository.open(at: sandbox.path + "/server.git"))
  }

  @Test("an object the push names but the repository lacks rejects the push")
  func unreadableObject() throws {
    let server = try ExampleServer(setup: [])
    let missing = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
    let error = try #require(throws: HookFailure.self) {
      try PreReceive.judge(
        server.repository, updates: [RefUpdate(old: server.main, new: missing, name: "refs/heads/main")], pusher: "ndrc-admin")
    }
    #expect(error == .unreadableObject(ref: "refs/heads/main", id: missing.hex))
  }

  @Test("the first push must create a protected branch, by a maintainer of the access.yaml it brings")
  func firstPush() throws {
    let (sandbox, repository) = try Self.bare()
    defer { withExtendedLifetime(sandbox) {} }
    let commit = try Self.commit(repository, PushExample.before)
    // Only a feature branch: nothing to read the rules from.
    let error = try #require(throws: HookFailure.self) {
      try PreReceive.judge(
        repository, updates: [RefUpdate(old: .zero, new: commit, name: "refs/heads/draft")], pusher: "ndrc-admin")
    }
    guard case .policy = error else {
      Issue.record("expected a policy failure, got \(error)")
      return
    }
    let main = RefUpdate(old: .zero, new: commit, name: "refs/heads/main")
    let verdict = try PreReceive.judge(repository, updates: [main], pusher: "ndrc-admin")
    #expect(verdict.firstPush && verdict.accepted)
    #expect(verdict.refs.first?.preview?.summary.added == 2)
    let editor = try PreReceive.judge(repository, updates: [main], pusher: "ndrc-editor")
    #expect(editor.findings.contains { $0.rule == AccessMaintainersOnly.id && $0.path == "access.yaml" })
    #expect(!editor.accepted)
  }

  @Test("main without access.yaml lets nobody push")
  func noAccessFile() throws {
    let (sandbox, repository) = try Self.bare()
    defer { withExtendedLifetime(sandbox) {} }
    var files = PushExample.before
    files["access.yaml"] = nil
    let main = try Self.commit(repository, files)
    try repository.updateReference(name: "refs/heads/main", to: main, expected: nil, message: "test")
    let next = try Self.commit(repository, files, parents: [main])
    let error = try #require(throws: HookFailure.self) {
      try PreReceive.judge(repository, updates: [RefUpdate(old: main, new: next, name: "refs/heads/main")], pusher: "ndrc-admin")
    }
    #expect(error.message.en.contains("refs/heads/main has no access.yaml"))
  }

  @Test("the rules come from main before the push: a push cannot grant itself rights")
  func rulesBeforeThePush() throws {
    let server = try ExampleServer(setup: [])
    var files = PushExample.before
    files["access.yaml"] = PushExample.access.edited(replacing: "[ndrc-admin]", with: "[ndrc-admin, mps-editor]")
    files[Baseline.departmentResourcePath] = files[Baseline.departmentResourcePath]!
      .edited(replacing: "update_cycle: 每月", with: "update_cycle: 每周")
    let next = try Self.commit(server.repository, files, parents: [server.main])
    let verdict = try PreReceive.judge(
      server.repository, updates: [RefUpdate(old: server.main, new: next, name: "refs/heads/main")], pusher: "mps-editor")
    #expect(Set(verdict.findings.map(\.rule)) == [AccessMaintainersOnly.id, AccessPathNotOwned.id])
  }

  @Test("a department's branch that merges main is judged on what it adds to main")
  func branchMergingMain() throws {
    let server = try ExampleServer(setup: [])
    let repository = server.repository
    var branchFiles = server.files
    branchFiles[Baseline.departmentResourcePath] = branchFiles[Baseline.departmentResourcePath]!
      .edited(replacing: "update_cycle: 每月", with: "update_cycle: 每周")
    let branchTip = try Self.commit(repository, branchFiles, parents: [server.main])
    try repository.updateReference(name: "refs/heads/ndrc-editor/weekly", to: branchTip, expected: nil, message: "test")
    // Meanwhile a maintainer changes the departments dictionary on main.
    var mainFiles = server.files
    mainFiles["dictionaries/departments.yaml"] = mainFiles["dictionaries/departments.yaml"]!
      .edited(replacing: "name: 公安部", with: "name: 中华人民共和国公安部")
    mainFiles[Baseline.baseResourcePath] = mainFiles[Baseline.baseResourcePath]!
      .edited(replacing: "name: 公安部", with: "name: 中华人民共和国公安部")
    let mainTip = try Self.commit(repository, mainFiles, parents: [server.main])
    try repository.updateReference(name: "refs/heads/main", to: mainTip, expected: server.main, message: "test")
    // The department merges main into its branch and pushes it.
    var merged = mainFiles
    merged[Baseline.departmentResourcePath] = branchFiles[Baseline.departmentResourcePath]
    let merge = try Self.commit(repository, merged, parents: [branchTip, mainTip])
    let verdict = try PreReceive.judge(
      repository, updates: [RefUpdate(old: branchTip, new: merge, name: "refs/heads/ndrc-editor/weekly")], pusher: "ndrc-editor")
    #expect(verdict.findings.map { "\($0.path): \($0.rule)" } == [])
    #expect(verdict.refs.first?.changedPaths == [])
    // Nor does its preview list main's changes; pushed together with the merge, the branch's own
    // commit is all the preview lists.
    #expect(verdict.refs.first?.preview?.changes.map(\.code) == [])
    let both = try PreReceive.judge(
      repository, updates: [RefUpdate(old: server.main, new: merge, name: "refs/heads/ndrc-editor/weekly")], pusher: "ndrc-editor")
    #expect(both.refs.first?.preview?.changes.map(\.code) == ["303001001/000001"])
    // Pushed to main instead, the same content is the department's own change only.
    let onMain = try PreReceive.judge(
      repository, updates: [RefUpdate(old: mainTip, new: merge, name: "refs/heads/main")], pusher: "ndrc-editor")
    #expect(onMain.accepted)
    #expect(onMain.refs.first?.changedPaths == [Baseline.departmentResourcePath])
  }

  @Test("the hook writes nothing into the repository")
  func writesNothing() throws {
    let server = try ExampleServer(setup: [])
    let example = PushExample("a change", by: .ndrcEditor, change: PushExample.ndrcMonthlyToWeekly)
    let updates = try server.stage(example)
    let path = server.sandbox.path + "/server.git"
    let environment = server.sandbox.hookEnvironment
    let listing = { try Program.output(["find", ".", "-type", "f"], in: path, environment: environment) }
    let files = try listing()
    _ = try PreReceive.judge(server.repository, updates: updates, pusher: "ndrc-editor", environment: environment)
    #expect(try listing() == files)
  }
}
