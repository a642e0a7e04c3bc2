import Dispatch
import Foundation
import Synchronization
import MuluTestSupport
import Testing

/// `mulu validate` keeps its verdict in `.git/mulu/cache` and gives the same verdict with the
/// cache, without it (`--no-cache`), and when the cache is damaged.
@Suite("Validation cache")
struct CacheTests {
  static let cacheFolder = ".git/mulu/cache"

  /// The state file of the working tree in `sandbox`'s registry.
  func workingTreeState(_ sandbox: Sandbox) throws -> String? {
    try FileManager.default.contentsOfDirectory(atPath: sandbox("registry/" + Self.cacheFolder))
      .first { $0.hasPrefix("worktree-") }.map { "registry/" + Self.cacheFolder + "/" + $0 }
  }

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
  func expectSameVerdict(
    _ arguments: [String], in registry: String, _ comment: String, environment: [String: String] = [:]
  ) throws -> Outcome {
    let cached = try Mulu.run(["validate"] + arguments, in: registry, environment: environment)
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
    #expect(!sandbox.exists("registry/" + Self.cacheFolder), "--no-cache writes no cache")

    try expectSameVerdict([], in: registry, "clean, first run")
    #expect(try workingTreeState(sandbox) != nil)
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

  /// Sets the modification time of every file of the registry a day back: files the cache
  /// holds are then judged unchanged by their stat data (a file changed in the last second is
  /// read again, in case it changes again within the tick of the file system's clock).
  func backdate(_ sandbox: Sandbox) throws {
    let root = sandbox("registry")
    let files = FileManager.default.enumerator(atPath: root)!
    let past = Date(timeIntervalSinceNow: -86_400)
    while let name = files.nextObject() as? String {
      guard !name.hasPrefix(".git") else { continue }
      try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: root + "/" + name)
    }
  }

  /// A resource of 国家发展和改革委员会 like the approval resource, with another code, name and items.
  func resource(_ sequence: String, name: String, items: String, related: String = "[101001/000001]") -> String {
    let text = SmallRegistry.files[SmallRegistry.approval]!
      .edited(replacing: "code: 303001001/000001", with: "code: 303001001/" + sequence)
      .edited(replacing: "related: [101001/000001]", with: "related: " + related)
    let withName = text.edited(replacing: "name: 企业投资项目核准信息", with: "name: " + name)
    let start = withName.range(of: "items:\n")!.upperBound
    let end = withName.range(of: "sharing:")!.lowerBound
    return withName.replacingCharacters(in: start..<end, with: items)
  }

  @Test(
    "a sequence of edits: with the cache, each report is byte for byte the one of --no-cache",
    arguments: ["200", "0"])
  func editSequence(rewriteAbove: String) throws {
    let (sandbox, registry, repo) = try repository()
    let environment = ["MULU_CACHE_REWRITE_ABOVE": rewriteAbove]
    let ndrc = "registry/catalogs/\(SmallRegistry.ndrc)/"
    let mps = "registry/catalogs/\(SmallRegistry.mps)/"
    let approval = "registry/" + SmallRegistry.approval
    let base = "registry/" + SmallRegistry.base
    let people = "  - { name: 公民身份号码, type: C, length: 18 }\n  - { name: 姓名, type: C, length: 50 }\n"
    try backdate(sandbox)
    var step = 0
    func same(_ comment: String, _ arguments: [String] = []) throws {
      step += 1
      try expectSameVerdict(arguments, in: registry, "\(step). \(comment)", environment: environment)
    }
    let edits: [(String, () throws -> Void)] = [
      ("nothing changed", {}),
      ("a summary rewritten", { try sandbox.edit(approval, replacing: "批复信息。", with: "批复信息（修订）。") }),
      ("a resource added, named as another", {
        try sandbox.write(ndrc + "303001001-000003.yaml", resource("000003", name: "企业投资项目核准信息", items: people + "  - { name: 核准日期, type: D }\n"))
      }),
      ("its items repeat the base resource's", {
        try sandbox.edit(ndrc + "303001001-000003.yaml", replacing: "企业投资项目核准信息", with: "企业投资项目核准信息（副本）")
      }),
      ("a code taken twice", { try sandbox.write(mps + "303001001-000001.yaml", try sandbox.read(approval)) }),
      ("the second holder gone", { try sandbox.remove(mps + "303001001-000001.yaml") }),
      ("the base resource retired", {
        try sandbox.edit(base, replacing: "published: 2025-06-30\n", with: "published: 2025-06-30\nretired:\n  date: 2026-06-30\n  reason: 数据整合\n")
      }),
      ("the base resource back, with another item", {
        try sandbox.edit(base, replacing: "retired:\n  date: 2026-06-30\n  reason: 数据整合\n", with: "")
        try sandbox.edit(base, replacing: "  - { name: 性别, type: C, length: 1 }\n", with: "  - { name: 性别, type: C, length: 1 }\n  - { name: 地址, type: C, length: 200 }\n")
      }),
      ("a link to no resource", { try sandbox.edit(approval, replacing: "related: [101001/000001]", with: "related: [101001/000099, 303001001/000003]") }),
      ("a linked resource renamed", {
        try sandbox.write(ndrc + "303001001-000004.yaml", try sandbox.read(ndrc + "303001001-000003.yaml"))
        try sandbox.remove(ndrc + "303001001-000003.yaml")
      }),
      ("the base resource deleted", { try sandbox.remove(base) }),
      ("everything back", {
        _ = try repo.git("checkout", "-q", "HEAD", "--", ".")
        try sandbox.remove(ndrc + "303001001-000004.yaml")
      }),
      ("two names that differ by case", {
        try sandbox.write("registry/README.md", "# 目录\n")
        try sandbox.write("registry/readme.md", "# 目录\n")
      }),
      ("one of them gone", { try sandbox.remove("registry/readme.md") }),
      ("registry.yaml sets a severity", {
        try sandbox.write(ndrc + "303001001-000003.yaml", resource("000003", name: "副本", items: people + "  - { name: 核准日期, type: D }\n"))
        try sandbox.edit("registry/registry.yaml", replacing: "level: national\n", with: "level: national\nrules:\n  items.overlaps-base: error\n")
      }),
      ("a file changed after that", { try sandbox.edit(approval, replacing: "批复信息", with: "批复") }),
      ("a department renamed in the dictionary", {
        try sandbox.edit("registry/dictionaries/departments.yaml", replacing: "name: 公安部", with: "name: 中华人民共和国公安部")
      }),
    ]
    for (comment, edit) in edits {
      try edit()
      try same(comment)
    }
    // Revisions: each commit judged from the one validated before.
    _ = try repo.commit("编辑")
    try same("the commit", ["--rev", "HEAD"])
    try same("its parent", ["--rev", "HEAD~1"])
    try sandbox.edit(approval, replacing: "批复", with: "批复信息")
    try sandbox.remove(ndrc + "303001001-000003.yaml")
    _ = try repo.commit("再编辑")
    try same("a commit on it", ["--rev", "HEAD"])
    try same("one file of it", ["--rev", "HEAD", SmallRegistry.approval])
    try same("the working tree, one file", [SmallRegistry.approval])
  }

  @Test("a damaged cache is not used, said so on stderr, and written anew")
  func damaged() throws {
    let (sandbox, registry, _) = try repository()
    try SmallRegistry.breakIt(in: sandbox)
    let expected = try Mulu.run("validate", "--no-cache", in: registry)
    _ = try Mulu.run("validate", in: registry)
    let path = try #require(try workingTreeState(sandbox))
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
    #expect(files.sorted() == ["revision", try #require(try workingTreeState(sandbox)).split(separator: "/").last.map(String.init)!],
      "no file of a run left behind")
  }
}
