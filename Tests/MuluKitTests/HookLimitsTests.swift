import Foundation
import MuluCatalog
import MuluGit
import MuluTestSupport
import Testing

@testable import MuluKit

/// Files over `max_file_bytes` are refused by size, and never loaded to be judged otherwise.
@Suite("The hook and oversized files")
struct HookLimitsTests {
  @Test("a retired resource pushed over max_file_bytes: file.too-large, and the rest of the verdict without reading it")
  func oversizedRetiredResource() throws {
    let server = try ExampleServer(setup: [PushExample.retireNDRC])
    var files = server.files
    let limit = RegistrySettings().maxFileBytes
    // The same resource when read, padded with a comment past the limit.
    files[Baseline.departmentResourcePath]! += "# " + String(repeating: "填", count: limit / 3 + 10) + "\n"
    let next = try HookPolicyTests.commit(server.repository, files, parents: [server.main])
    let verdict = try PreReceive.judge(
      server.repository, updates: [RefUpdate(old: server.main, new: next, name: "refs/heads/main")], pusher: "ndrc-editor")
    let findings = verdict.findings.filter { $0.path == Baseline.departmentResourcePath }
    #expect(findings.contains { $0.rule == FileTooLarge.id && $0.severity == .error })
    // Not read, so not known to be unchanged.
    #expect(findings.contains { $0.rule == RetireImmutable.id && $0.message.en.contains("the file no longer reads") })
    #expect(!verdict.accepted)
    let unreadable = try #require(verdict.refs.first?.preview?.unreadable)
    #expect(unreadable.map(\.rule) == [FileTooLarge.id])
    #expect(unreadable.first?.message.en.contains("the limit is \(limit)") == true)
  }

  @Test("the diff engine reads no blob over its limit, and every blob without one")
  func diffLimit() throws {
    let server = try ExampleServer(setup: [])
    var files = server.files
    files[Baseline.departmentResourcePath] = files[Baseline.departmentResourcePath]!
      .edited(replacing: "update_cycle: 每月", with: "update_cycle: 每周")
    let next = try HookPolicyTests.commit(server.repository, files, parents: [server.main])
    let repository = server.repository
    let (old, new) = (try repository.tree(ofCommit: server.main), try repository.tree(ofCommit: next))
    let free = try DiffEngine.diff(repository, fromTree: old, toTree: new, fromLabel: "a", toLabel: "b")
    #expect(free.changes.map(\.code) == ["303001001/000001"] && free.unreadable.isEmpty)
    let limited = try DiffEngine.diff(repository, fromTree: old, toTree: new, fromLabel: "a", toLabel: "b", limit: 100)
    #expect(limited.changes.isEmpty)
    #expect(limited.unreadable.map(\.rule) == [FileTooLarge.id, FileTooLarge.id])
    #expect(limited.unreadable.allSatisfy { $0.path == Baseline.departmentResourcePath && $0.severity == .warning })
  }
}
