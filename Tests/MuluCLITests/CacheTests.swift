import Dispatch
import Foundation
import Synchronization
import MuluTestSupport
import Testing

/// `mulu validate` keeps what it learnt of each file in `.git/mulu/cache` and gives the same
/// verdict with the cache, without it (`--no-cache`), and when the cache is damaged.
@Suite("Validation cache")
struct CacheTests {
  static let cacheFile = ".git/mulu/cache/file-results"

  /// A committed small registry; its path and its repository.
  func repository() throws -> (Sandbox, String, RegistryBuilder) {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录 v1")
    return (sandbox, registry, repo)
  }

  /// `mulu validate ARGUMENTS` with the cache and with `--no-cache`: the same output and exit code.
  @discardableResult
  func expectSameVerdict(_ arguments: [String], in registry: String, _ comment: String) throws -> Outcome {
    let cached = try Mulu.run(["validate"] + arguments, in: registry)
    let uncached = try Mulu.run(["validate", "--no-cache"] + arguments, in: registry)
    #expect(cached.status == uncached.status, "\(comment): \(cached) \(uncached)")
    #expect(cached.stdout == uncached.stdout, "\(comment)")
    #expect(cached.stderr == uncached.stderr, "\(comment)")
    return cached
  }

  @Test("the working tree and revisions: the same findings with the cache as without, while files change")
  func sameVerdict() throws {
    let (sandbox, registry, repo) = try repository()
    let first = try Mulu.run("validate", "--no-cache", in: registry)
    #expect(first.status == 0, "\(first)")
    #expect(!sandbox.exists("registry/" + Self.cacheFile), "--no-cache writes no cache")

    try expectSameVerdict([], in: registry, "clean, first run")
    #expect(sandbox.exists("registry/" + Self.cacheFile))
    try expectSameVerdict([], in: registry, "clean, from the cache")

    try SmallRegistry.breakIt(in: sandbox)
    let broken = try expectSameVerdict([], in: registry, "broken working tree")
    #expect(broken.status == 1)
    #expect(broken.stdout == TextOutputTests.english)
    try repo.commit("国家发展和改革委员会：调整共享属性")
    try expectSameVerdict([], in: registry, "broken, committed")
    try expectSameVerdict(["--rev", "HEAD~1"], in: registry, "the clean commit")
    try expectSameVerdict(["--rev", "HEAD"], in: registry, "the broken commit")
    try expectSameVerdict(["--rev", "HEAD", SmallRegistry.filing], in: registry, "one file of the broken commit")

    // A file the cache holds points at a resource that goes away: related.unknown is judged again.
    try repo.git("checkout", "-q", "HEAD~1", "--", ".")
    try sandbox.remove("registry/notes.txt")
    try SmallRegistry.warnOnly(in: sandbox)
    try repo.commit("备案信息资源注销")
    try expectSameVerdict([], in: registry, "a retired resource linked")
    try sandbox.remove("registry/" + SmallRegistry.filing)
    let gone = try expectSameVerdict([], in: registry, "the linked resource deleted")
    #expect(gone.stdout.contains("related.unknown"), "\(gone)")
    try repo.git("checkout", "-q", "HEAD", "--", ".")
    try expectSameVerdict([], in: registry, "the linked resource back")
  }

  @Test("a damaged cache is not used, said so on stderr, and written anew")
  func damaged() throws {
    let (sandbox, registry, _) = try repository()
    try SmallRegistry.breakIt(in: sandbox)
    let expected = try Mulu.run("validate", "--no-cache", in: registry)
    try Mulu.run("validate", in: registry)
    let path = "registry/" + Self.cacheFile
    for damage in ["one byte changed", "cut short", "empty", "not a cache"] {
      var bytes = try sandbox.bytes(path)
      switch damage {
      case "one byte changed": bytes[bytes.count / 2] ^= 0x20
      case "cut short": bytes.removeLast(bytes.count / 3)
      case "empty": bytes = []
      default: bytes = Array("registry.yaml\n".utf8)
      }
      try sandbox.write(path, bytes: bytes)
      let outcome = try Mulu.run("validate", in: registry)
      #expect(outcome.status == expected.status, "\(damage)")
      #expect(outcome.stdout == expected.stdout, "\(damage)")
      #expect(outcome.stderr.contains("mulu: the validation cache "), "\(damage): \(outcome)")
      #expect(outcome.stderr.contains("was damaged: not used, rebuilt"), "\(damage): \(outcome)")
      #expect(outcome.stderr.hasSuffix(expected.stderr), "\(damage)")
      let again = try Mulu.run("validate", in: registry)
      #expect(again.stderr == expected.stderr, "\(damage): rebuilt, \(again)")
    }
    let chinese = try Mulu.run(["validate", "--lang", "zh"], in: registry)
    #expect(!chinese.stderr.contains("缓存"))
    try sandbox.write(path, bytes: [1, 2, 3])
    let damagedChinese = try Mulu.run(["validate", "--lang", "zh"], in: registry)
    #expect(damagedChinese.stderr.contains("已损坏，未使用，已重建"), "\(damagedChinese)")
  }

  @Test("two runs at once both judge right and leave a cache that checks out")
  func concurrentRuns() throws {
    let (sandbox, registry, repo) = try repository()
    try SmallRegistry.breakIt(in: sandbox)
    try repo.commit("国家发展和改革委员会：调整共享属性")
    let expected = try Mulu.run("validate", "--no-cache", in: registry)
    let expectedHead = try Mulu.run("validate", "--no-cache", "--rev", "HEAD~1", in: registry)
    for round in 0..<4 {
      let outcomes = Mutex<[Int: Outcome]>([:])
      DispatchQueue.concurrentPerform(iterations: 4) { index in
        // Two of the working tree and two of the first commit, each writing other results.
        let arguments = index % 2 == 0 ? ["validate"] : ["validate", "--rev", "HEAD~1"]
        let outcome = try? Mulu.run(arguments, in: registry)
        outcomes.withLock { $0[index] = outcome }
      }
      for (index, outcome) in outcomes.withLock({ $0 }) {
        let wanted = index % 2 == 0 ? expected : expectedHead
        #expect(outcome.status == wanted.status, "round \(round), run \(index): \(outcome)")
        #expect(outcome.stdout == wanted.stdout, "round \(round), run \(index)")
        #expect(outcome.stderr == wanted.stderr, "round \(round), run \(index): \(outcome)")
      }
      #expect(outcomes.withLock { $0.count } == 4)
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: sandbox("registry/.git/mulu/cache"))
    #expect(files == ["file-results"], "no file of a run left behind")
  }
}
