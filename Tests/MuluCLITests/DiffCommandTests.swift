import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

private let department = Baseline.departmentResourcePath
private let base = Baseline.baseResourcePath

/// `mulu diff` and `mulu log`, end to end: the built binary on real repositories.
@Suite struct DiffCommandTests {

  /// v1: the baseline registry. v2: 303001001/000001 tightened to 不予共享, and the item
  /// 出生日期 removed from 101001001/000001.
  static func twoVersions() throws -> Registry {
    let registry = try Registry()
    try registry.commit("国家目录 v1", tag: "v1")
    try registry.edit(department, "type: 有条件共享", "type: 不予共享\n  basis: 《政府投资条例》第九条")
    try registry.edit(base, "  - { name: 出生日期, type: D }\n", "")
    try registry.commit("国家目录 v2", tag: "v2")
    return registry
  }

  @Test func textBetweenTwoTags() throws {
    let registry = try DiffCommandTests.twoVersions()
    let result = try registry.mulu("diff", "v1", "v2", "--lang", "zh")
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout == """
        v1 → v2：新增 0，修改 2，注销 0，恢复 0，删除 0；不兼容 2

        国家发展和改革委员会（11100000000000001M）
          修改 303001001/000001 企业投资项目核准信息【不兼容】
            sharing.type：有条件共享 → 不予共享【不兼容】
            sharing.basis：（无） → 《政府投资条例》第九条

        公安部（11100000000001234L）
          修改 101001001/000001 人口基本信息【不兼容】
            items[出生日期]：D → （无）【不兼容】

        """)
  }

  @Test func jsonBetweenTwoTags() throws {
    let registry = try DiffCommandTests.twoVersions()
    let result = try registry.mulu("diff", "v1", "v2", "--format", "json")
    #expect(result.status == 0)
    #expect(
      result.stdout
        == #"{"from":"v1","to":"v2","summary":{"added":0,"modified":2,"retired":0,"unretired":0,"deleted":0,"breaking":2},"#
        + #""changes":[{"code":"303001001/000001","path":"catalogs/11100000000000001M/303001001-000001.yaml","#
        + #""provider":"11100000000000001M","kind":"modified","breaking":true,"fields":["#
        + #"{"field":"sharing.type","old":"有条件共享","new":"不予共享","impact":"breaking"},"#
        + #"{"field":"sharing.basis","old":null,"new":"《政府投资条例》第九条","impact":"compatible"}]},"#
        + #"{"code":"101001001/000001","path":"catalogs/11100000000001234L/101001001-000001.yaml","#
        + #""provider":"11100000000001234L","kind":"modified","breaking":true,"fields":["#
        + #"{"field":"items[出生日期]","old":"D","new":null,"impact":"breaking"}]}]}"# + "\n")
  }

  @Test func markdownForReleaseNotes() throws {
    let registry = try DiffCommandTests.twoVersions()
    let result = try registry.mulu("diff", "v1", "v2", "--format", "markdown", "--lang", "en")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("# Catalog changes: v1 → v2\n\n| added | modified |"))
    #expect(result.stdout.contains("\n## Breaking changes\n"))
    #expect(!result.stdout.contains("## Other changes"))
  }

  @Test func exitCodeOnlyWhenAsked() throws {
    let registry = try DiffCommandTests.twoVersions()
    #expect(try registry.mulu("diff", "v1", "v2").status == 0)
    #expect(try registry.mulu("diff", "v1", "v2", "--exit-code").status == 1)
    let same = try registry.mulu("diff", "v2", "v2", "--exit-code", "--lang", "en")
    #expect(same.status == 0)
    #expect(same.stdout == "v2 → v2: no changes\n")
    // Nothing breaking between the tags the other way round: --breaking-only leaves nothing.
    let back = try registry.mulu("diff", "v2", "v1", "--breaking-only", "--exit-code", "--format", "json")
    #expect(back.status == 0)
    #expect(back.stdout.contains(#""summary":{"added":0,"modified":0,"retired":0,"unretired":0,"deleted":0,"breaking":0}"#))
  }

  @Test func breakingOnly() throws {
    let registry = try DiffCommandTests.twoVersions()
    try registry.edit(department, "name: 企业投资项目核准信息", "name: 企业投资项目核准结果")
    try registry.commit("改名", tag: "v3")
    let all = try registry.mulu("diff", "v2", "v3", "--lang", "en")
    #expect(all.stdout.contains("modified 303001001/000001 企业投资项目核准结果\n"))
    let breaking = try registry.mulu("diff", "v2", "v3", "--lang", "en", "--breaking-only", "--exit-code")
    #expect(breaking.status == 0)
    #expect(breaking.stdout == "v2 → v3: no breaking changes (1 resource(s) changed compatibly)\n")
    let chinese = try registry.mulu("diff", "v2", "v3", "--lang", "zh", "--breaking-only")
    #expect(chinese.stdout == "v2 → v3：没有不兼容的变更（另有 1 个资源有兼容的变更）\n")
    let markdown = try registry.mulu("diff", "v2", "v3", "--lang", "en", "--breaking-only", "--format", "markdown")
    #expect(markdown.stdout.hasSuffix("No breaking changes (1 resource(s) changed compatibly).\n"))
  }

  @Test func theWorkingTreeAgainstHEAD() throws {
    let registry = try DiffCommandTests.twoVersions()
    try registry.edit(department, "update_cycle: 每月", "update_cycle: 每年")
    let result = try registry.mulu("diff", "--lang", "en", "--exit-code")
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        HEAD → working tree: 0 added, 1 modified, 0 retired, 0 unretired, 0 deleted; 1 breaking

        国家发展和改革委员会 (11100000000000001M)
          modified 303001001/000001 企业投资项目核准信息 [breaking]
            update_cycle: 每月 → 每年 [breaking]

        """)
    // One revision: from there to the working tree; -C from elsewhere.
    let fromV1 = try registry.mulu(
      "diff", "-C", registry.path + "/catalogs", "v1", "--format", "json", in: registry.sandbox.path)
    #expect(fromV1.status == 0)
    #expect(fromV1.stdout.hasPrefix(#"{"from":"v1","to":"working tree","summary":{"added":0,"modified":2,"#))
  }

  @Test func anUnparseableFileIsNamedOnStandardErrorAndTheDiffGoesOn() throws {
    let registry = try DiffCommandTests.twoVersions()
    try registry.write(department, "code: 303001001/000001\nname: [未闭合\n")
    let result = try registry.mulu("diff", "--lang", "en")
    #expect(result.status == 0)
    #expect(result.stdout == "HEAD → working tree: no changes\n")
    #expect(
      result.stderr.hasPrefix(
        "catalogs/11100000000000001M/303001001-000001.yaml:3:1: warning[yaml.syntax]: unreadable in working tree, left out of the diff: "
      ))
    // --exit-code counts it as a difference: the file did change.
    #expect(try registry.mulu("diff", "--exit-code").status == 1)
  }

  @Test func badRevisionsExitWithTwo() throws {
    let registry = try DiffCommandTests.twoVersions()
    let unknown = try registry.mulu("diff", "v1", "no-such-tag", "--lang", "en")
    #expect(unknown.status == 2)
    #expect(unknown.stdout == "")
    #expect(unknown.stderr == "mulu: error: no such revision: no-such-tag\n")
    let chinese = try registry.mulu("diff", "no-such-tag", "--lang", "zh")
    #expect(chinese.status == 2)
    #expect(chinese.stderr == "mulu: 错误: 没有这个版本：no-such-tag\n")
    // libgit2's words (git_object_t, revspec) never reach the user.
    let tree = try registry.mulu("diff", "HEAD^{tree}", "--lang", "en")
    #expect(tree.status == 2)
    #expect(tree.stderr == "mulu: error: HEAD^{tree} is not a commit (it names a tree or a file)\n")
    let blob = try registry.mulu("validate", "--rev", "HEAD:registry.yaml", "--lang", "en")
    #expect(blob.stderr == "mulu: error: HEAD:registry.yaml is not a commit (it names a tree or a file)\n")
    let parent = try registry.mulu("log", "303001001/000001", "--rev", "HEAD~5", "--lang", "en")
    #expect(parent.stderr == "mulu: error: no such revision: HEAD~5\n")

    try registry.git("checkout", "-q", "--orphan", "notes")
    try registry.git("rm", "-rqf", ".")
    try registry.write("notes.txt", "备忘\n")
    try registry.commit("notes")
    let notRegistry = try registry.mulu("diff", "v1", "notes", "--lang", "en")
    #expect(notRegistry.status == 2)
    #expect(notRegistry.stderr.hasPrefix("mulu: error: notes is not a registry"))
  }

  @Test func aDirectoryOutsideAnyRepositoryExitsWithTwo() throws {
    let registry = try Registry()
    let result = try registry.mulu("diff", "--lang", "en")
    #expect(result.status == 2)
    #expect(result.stderr == "mulu: error: \(registry.path) is not in a Git repository\n")
  }

  // MARK: mulu log

  @Test func logListsSemanticChangesOnly() throws {
    let registry = try DiffCommandTests.twoVersions()
    try registry.edit(department, "  - { name: 项目名称, type: C, length: 200 }\n  - { name: 核准日期, type: D }\n",
                      "  - { name: 核准日期, type: D }\n  - { name: \"项目名称\", type: C, length: 200 }\n")
    try registry.commit("整理格式")
    let result = try registry.mulu("log", "303001001/000001", "--lang", "en")
    #expect(result.status == 0)
    let ids = try registry.git("log", "--format=%h", "--", department).split(separator: "\n").map(String.init)
    #expect(ids.count == 3)
    #expect(
      result.stdout == """
        \(ids[1]) 2026-01-01 08:02 +0800 张三: 国家目录 v2
          modified [breaking]
            sharing.type: 有条件共享 → 不予共享 [breaking]
            sharing.basis: (none) → 《政府投资条例》第九条
        \(ids[2]) 2026-01-01 08:01 +0800 张三: 国家目录 v1
          added

        """)
    let json = try registry.mulu("log", "303001001/000001", "--rev", "v1", "--format", "json")
    #expect(json.stdout.hasPrefix(#"{"code":"303001001/000001","commits":[{"commit":""#))
    #expect(json.stdout.contains(#""subject":"国家目录 v1","kind":"added""#))
  }

  @Test func logOfAnUnknownOrMalformedCodeExitsWithTwo() throws {
    let registry = try DiffCommandTests.twoVersions()
    let unknown = try registry.mulu("log", "303001001/999999", "--lang", "en")
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "mulu: error: 303001001/999999 is not in the registry\n")
    let malformed = try registry.mulu("log", "303001001:000001")
    #expect(malformed.status == 2)
    #expect(malformed.stderr.contains("is not a resource code (分类码/顺序码) nor the path of a resource file"))
    #expect(try registry.mulu("log", "303001001/000001", "--rev", "nope").status == 2)
  }

  @Test("log takes the code, the file name's form 303001001-000001, or the file's path, from any folder")
  func logOfAFile() throws {
    let registry = try DiffCommandTests.twoVersions()
    let byCode = try registry.mulu("log", "303001001/000001", "--lang", "en")
    #expect(byCode.status == 0)
    #expect(byCode.stdout.contains("  modified [breaking]\n"))
    for name in ["303001001-000001", "303001001-000001.yaml", department, "./" + department] {
      let outcome = try registry.mulu("log", name, "--lang", "en")
      #expect(outcome.status == 0, "\(name): \(outcome)")
      #expect(outcome.stdout == byCode.stdout, "\(name)")
    }
    let fromFolder = try registry.mulu(
      "log", "303001001-000001.yaml", "--lang", "en", in: registry.path + "/catalogs/11100000000000001M")
    #expect(fromFolder.stdout == byCode.stdout)
  }
}

// MARK: - A registry in a repository, and the binary

extension DiffCommandTests {
  /// The baseline registry (the shared `RegistryBuilder`), a Git repository from its first git
  /// command on, whose clock stands still between commits and moves one minute with each, from
  /// 2026-01-01 00:00:00 UTC; and the built `mulu`, run in git's environment.
  final class Registry: @unchecked Sendable {
    let registry: RegistryBuilder
    var sandbox: Sandbox { registry.sandbox }
    var path: String { registry.path }

    init() throws {
      let sandbox = try Sandbox()
      let git = Git(in: sandbox("registry"), home: sandbox.path, clock: TestClock(tick: 0))
      git.environment["NO_COLOR"] = "1"
      git.environment["LANG"] = "C"
      registry = try RegistryBuilder(in: sandbox, git: git, repository: false)
    }

    /// The registry, which it first makes a repository.
    private func repository() throws -> RegistryBuilder {
      if !registry.exists(".git") { try registry.makeRepository() }
      return registry
    }

    func write(_ file: String, _ text: String) throws { try registry.write(file, text) }

    func edit(_ file: String, _ old: String, _ new: String) throws { try registry.edit(file, replacing: old, with: new) }

    @discardableResult
    func git(_ arguments: String...) throws -> String { try repository().git(arguments) }

    /// Commits everything one minute after the previous commit, and tags it.
    func commit(_ message: String, tag: String? = nil) throws {
      registry.clock.advance(minutes: 1)
      try repository().commit(message, tag: tag)
    }

    /// Runs the built `mulu` in the registry (or in `directory`), in git's environment.
    func mulu(_ arguments: String..., in directory: String? = nil) throws -> Outcome {
      try Program.run(
        [try MuluBinary.require()] + arguments, in: directory ?? path, environment: registry.runner.environmentNow)
    }
  }
}
