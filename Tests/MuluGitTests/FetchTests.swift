import Foundation
import MuluGit
import MuluTestSupport
import Synchronization
import Testing

@Suite struct FetchTests {
  @Test func fetchesABranchOfAForkIntoAGivenReference() throws {
    let sandbox = try Sandbox()
    let fork = try GitFixture(name: "ndrc", sandbox: sandbox)
    try fork.write("catalogs/11100000000000001M/303001001-000001.yaml", "code: 1\n")
    let first = try fork.commitAll("部门目录")
    try fork.git("tag", "-a", "fork-tag", "-m", "not wanted")
    let national = try GitFixture(bare: true, name: "national.git", sandbox: sandbox)
    let repository = try national.open()

    let calls = Mutex(0)
    let stats = try repository.fetch(
      url: fork.path, refspecs: ["+refs/heads/main:refs/mulu/sources/ndrc"]
    ) { _ in calls.withLock { $0 += 1 } }
    #expect(try repository.referenceTarget("refs/mulu/sources/ndrc") == first)
    #expect(try repository.commit(first).summary == "部门目录")
    #expect(calls.withLock { $0 } > 0)
    #expect(stats.receivedObjects > 0)
    #expect(stats.receivedObjects == stats.totalObjects)
    #expect(try repository.references(matching: "refs/tags/*").isEmpty)
    #expect(try repository.references(matching: "refs/heads/*").isEmpty)
    // libgit2 1.5 leaves an empty FETCH_HEAD behind, but records nothing.
    #expect(FileManager.default.contents(atPath: national.path + "/FETCH_HEAD")?.isEmpty ?? true)
    #expect(try repository.config("remote.origin.url") == nil)

    // New work in the fork, fetched again through a file:// URL.
    try fork.write("catalogs/11100000000000001M/303001001-000002.yaml", "code: 2\n")
    let second = try fork.commitAll("第二个资源")
    try repository.fetch(url: "file://" + fork.path, refspecs: ["+refs/heads/main:refs/mulu/sources/ndrc"])
    #expect(try repository.referenceTarget("refs/mulu/sources/ndrc") == second)
    #expect(try repository.isDescendant(second, of: first))
  }

  @Test func failuresAreClearErrors() throws {
    let sandbox = try Sandbox()
    let repository = try GitFixture(bare: true, sandbox: sandbox).open()
    let missing = try #require(throws: GitError.self) {
      try repository.fetch(url: sandbox.path + "/no-such-fork", refspecs: ["+refs/heads/main:refs/x"])
    }
    #expect(missing.function == "git_remote_fetch")

    let fork = try GitFixture(name: "fork", sandbox: sandbox)
    try fork.write("a.yaml", "a\n")
    try fork.commitAll("a")
    #expect(throws: GitError.self) { try repository.fetch(url: fork.path, refspecs: []) }
    #expect(throws: GitError.self) {
      try repository.fetch(url: fork.path, refspecs: ["+refs/heads/main:not a ref"])
    }
  }
}
