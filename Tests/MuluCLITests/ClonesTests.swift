import Foundation
import MuluTestSupport
import Testing

/// Clones as users make them: shallow, sparse, a registry below the repository's root.
@Suite("Clones as users make them")
struct ClonesTests {
  /// The small registry with three commits: the registry, then two changes of the approval
  /// resource's summary. The registry's folder and its runner.
  func threeCommits(_ sandbox: Sandbox) throws -> (String, RegistryBuilder) {
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录")
    for (old, new) in [("批复信息。", "批复信息，按月更新。"), ("按月更新。", "按日更新。")] {
      try sandbox.edit("registry/" + SmallRegistry.approval, replacing: old, with: new)
      try repo.commit("国家发展和改革委员会：更新摘要")
    }
    return (registry, repo)
  }

  @Test("a shallow clone: log shows the history it has and says where it stops; HEAD~1 beyond it is named so")
  func shallow() throws {
    let sandbox = try Sandbox()
    let (registry, repo) = try threeCommits(sandbox)
    try repo.git("clone", "-q", "--depth", "1", "file://" + registry, sandbox("one"))
    try repo.git("clone", "-q", "--depth", "2", "file://" + registry, sandbox("two"))
    let one = sandbox("one")
    let tip = String(try repo.git("rev-parse", "--short", "HEAD", in: one).dropLast())

    let log = try Mulu.run("log", "303001001/000001", in: one)
    #expect(log.status == 0, "\(log)")
    #expect(log.stdout == "")
    #expect(
      log.stderr == "mulu: history truncated: this is a shallow clone (git clone --depth) whose history stops at \(tip);"
        + " earlier changes are not shown; git fetch --unshallow fetches the rest\n")
    let diff = try Mulu.run(["diff", "HEAD~1", "--lang", "zh"], in: one)
    #expect(diff.status == 2)
    #expect(diff.stderr == "mulu: 错误: HEAD~1 早于这个浅克隆的历史（git clone --depth）；git fetch --unshallow 可取回完整历史\n")

    // Two commits: the newest change is shown, the first commit of the clone is not taken for an addition.
    let two = sandbox("two")
    let boundary = String(try repo.git("rev-parse", "--short", "HEAD~1", in: two).dropLast())
    let twoLog = try Mulu.run("log", SmallRegistry.approval, in: two)
    #expect(twoLog.status == 0, "\(twoLog)")
    #expect(twoLog.stdout.hasPrefix("\(tip) "))
    #expect(twoLog.stdout.contains("  modified\n    summary: "))
    #expect(!twoLog.stdout.contains("added"))
    #expect(twoLog.stderr.contains("whose history stops at \(boundary);"))
    let twoDiff = try Mulu.run("diff", "HEAD~1", "HEAD", in: two)
    #expect(twoDiff.status == 0, "\(twoDiff)")
    #expect(twoDiff.stdout.hasPrefix("HEAD~1 → HEAD: 0 added, 1 modified,"))
    #expect(try Mulu.run("diff", "HEAD~2", in: two).stderr.contains("older than the history of this shallow clone"))

    // The full clone says nothing of truncation.
    let full = try Mulu.run("log", "303001001/000001", in: registry)
    #expect(full.stderr == "")
    #expect(full.stdout.contains("  added\n"))
  }

  @Test("a shallow clone: release cut, sync, report and publish refuse, as the past they show may lie beyond it")
  func shallowRefusesReleaseAndSync() throws {
    let sandbox = try Sandbox()
    let (registry, repo) = try threeCommits(sandbox)
    try repo.git("tag", "-a", "-m", "第一版", "v2026.01.1", "HEAD~2", in: registry)
    try repo.git("clone", "-q", "--depth", "1", "file://" + registry, sandbox("one"))
    let one = sandbox("one")
    let expected =
      "needs the whole history (the last sync, the previous release and the merge base may lie beyond it);"
      + " run git fetch --unshallow --tags first\n"
    let commands = [["release", "cut"], ["sync", "pull", "ndrc"], ["sync", "status"], ["report"], ["publish", "--out", "site"]]
    for command in commands {
      let outcome = try Mulu.run(command, in: one)
      #expect(outcome.status == 2, "\(command): \(outcome)")
      #expect(
        outcome.stderr.hasPrefix("mulu: error: this is a shallow clone (git clone --depth), and this command "), "\(outcome)")
      #expect(outcome.stderr.hasSuffix(expected), "\(outcome)")
    }
    #expect(try repo.git("tag", "-l", in: one) == "")
    // The history fetched in full, the release is cut after the one the clone did not have.
    try repo.git("fetch", "-q", "--unshallow", "--tags", in: one)
    let cut = try Mulu.run(
      ["release", "cut", "2026.02.1"], in: one,
      environment: ["GIT_COMMITTER_NAME": "李四", "GIT_COMMITTER_EMAIL": "lisi@example.cn"])
    #expect(cut.status == 0, "\(cut)")
    #expect(cut.stderr.contains("previous v2026.01.1"), "\(cut)")
  }

  @Test("a sparse checkout of one department: validate, new, related, diff and fmt read the rest from the index")
  func sparse() throws {
    let sandbox = try Sandbox()
    let (registry, repo) = try threeCommits(sandbox)
    try repo.git("clone", "-q", registry, sandbox("sparse"))
    let clone = sandbox("sparse")
    try repo.git("sparse-checkout", "set", "catalogs/\(SmallRegistry.ndrc)", in: clone)
    #expect(!sandbox.exists("sparse/dictionaries"))
    #expect(!sandbox.exists("sparse/" + SmallRegistry.base))

    // The approval resource relates to 公安部's base resource, which is not checked out.
    let validate = try Mulu.run("validate", in: clone)
    #expect(validate.status == 0, "\(validate)")
    #expect(validate.stderr == "0 errors, 0 warnings\n")
    #expect(try Mulu.run("validate", "catalogs/\(SmallRegistry.mps)/", in: clone).status == 0)
    try sandbox.edit("sparse/" + SmallRegistry.approval, replacing: "related: [101001/000001]", with: "related: [101001/000009]")
    let unknown = try Mulu.run("validate", "--format", "json", in: clone)
    #expect(unknown.status == 1)
    #expect(unknown.stdout.contains("\"rule\":\"related.unknown\""))
    try repo.git("checkout", "--", SmallRegistry.approval, in: clone)

    let new = try Mulu.run("new", "--provider", SmallRegistry.ndrc, "--class", "303001001", in: clone)
    #expect(new.status == 0, "\(new)")
    #expect(new.stdout == "catalogs/\(SmallRegistry.ndrc)/303001001-000003.yaml\n")

    let diff = try Mulu.run("diff", in: clone)
    #expect(diff.status == 0, "\(diff)")
    #expect(diff.stdout.hasPrefix("HEAD → working tree: 1 added, 0 modified, 0 retired, 0 unretired, 0 deleted; 0 breaking\n"))
    let fmt = try Mulu.run("fmt", "--check", in: clone)
    #expect(fmt.status == 0, "\(fmt)")
    #expect(!sandbox.exists("sparse/" + SmallRegistry.base))
    #expect(try repo.git("status", "--porcelain", in: clone) == "?? catalogs/\(SmallRegistry.ndrc)/303001001-000003.yaml\n")
  }

  /// The small registry in the folder `registry` of a repository (`repo`) that holds a README
  /// besides, committed.
  static func registryInAFolder(_ sandbox: Sandbox) throws -> RegistryBuilder {
    var files = ["README.md": "# 项目说明\n"]
    for (path, text) in SmallRegistry.files { files["registry/" + path] = text }
    let repo = try RegistryBuilder(files: files, in: sandbox, at: "repo")
    try repo.commit("国家目录")
    return repo
  }

  /// The same, then a change outside the registry and one of the approval resource's summary,
  /// with `mulu.registry` naming the folder (as the client hook's installation sets it).
  static func registryInAFolderChanged(_ sandbox: Sandbox) throws -> RegistryBuilder {
    let repo = try registryInAFolder(sandbox)
    try repo.git("config", "mulu.registry", "registry")
    try repo.write("README.md", "# 项目说明\n\n见 registry/。\n")
    try repo.commit("说明")
    try repo.edit("registry/" + SmallRegistry.approval, replacing: "批复信息。", with: "批复信息，按日更新。")
    try repo.commit("国家发展和改革委员会：按日更新")
    return repo
  }

  @Test("the client hook, installed from a registry in a folder, names the folder and judges only the registry")
  func clientHookOfARegistryInAFolder() throws {
    let sandbox = try Sandbox()
    let repo = try Self.registryInAFolder(sandbox)
    let folder = sandbox("repo/registry")
    let install = try Mulu.run("hooks", "install", "--client", in: folder)
    #expect(install.status == 0, "\(install)")
    #expect(try repo.git("config", "mulu.registry") == "registry\n")
    // A change outside the registry is no business of the hook; a bad resource is refused.
    try repo.write("README.md", "# 项目说明\n\n见 registry/。\n")
    try repo.commit("说明")
    try repo.edit(
      "registry/" + SmallRegistry.approval, replacing: "  type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n",
      with: "  type: 不予共享\n")
    try repo.git("add", "-A")
    let refused = try repo.runner.run(["commit", "-q", "-m", "不予共享"], in: repo.path)
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("\(SmallRegistry.approval):17:9: error[sharing.basis-required]"), "\(refused)")
  }

  @Test("--rev, diff, log and release cut find a registry in a folder, from the repository's top and from the folder")
  func commandsFindARegistryInAFolder() throws {
    let sandbox = try Sandbox()
    _ = try Self.registryInAFolderChanged(sandbox)
    let top = sandbox("repo")
    let folder = sandbox("repo/registry")
    // From the repository's top, where no registry.yaml is: mulu.registry says where it is.
    for start in [top, folder] {
      let validate = try Mulu.run("validate", "--rev", "HEAD", in: start)
      #expect(validate.status == 0, "\(validate)")
      let diff = try Mulu.run("diff", "HEAD~1", "HEAD", in: start)
      #expect(diff.stdout.hasPrefix("HEAD~1 → HEAD: 0 added, 1 modified,"), "\(diff)")
      let log = try Mulu.run("log", "303001001/000001", in: start)
      #expect(log.stdout.contains("按日更新"), "\(log)")
    }
    let working = try Mulu.run("diff", in: top)
    #expect(working.stdout.hasPrefix("HEAD → working tree: no changes"), "\(working)")
    let cut = try Mulu.run(["release", "cut"], in: top, environment: ["GIT_COMMITTER_NAME": "李四", "GIT_COMMITTER_EMAIL": "lisi@example.cn"])
    #expect(cut.status == 0, "\(cut)")
    #expect(cut.stdout.contains("Mulu-Resources: 3\n"))
  }

  @Test("a bare copy of a repository with a registry in a folder validates once configured; its server hook and sync refuse, saying why")
  func serverHookAndSyncRefuseARegistryInAFolder() throws {
    let sandbox = try Sandbox()
    let repo = try Self.registryInAFolderChanged(sandbox)
    let top = sandbox("repo")
    // A bare copy names the folder in its configuration; its server hook and sync refuse.
    try repo.git("clone", "-q", "--bare", top, sandbox("server.git"))
    let server = sandbox("server.git")
    #expect(try Mulu.run("validate", "--rev", "main", in: server).status == 2)
    try repo.git("config", "mulu.registry", "registry", in: server)
    #expect(try Mulu.run("validate", "--rev", "main", in: server).status == 0)
    let hook = try Mulu.run("hooks", "install", "--server", server, in: sandbox.path)
    #expect(hook.status == 2)
    #expect(
      hook.stderr == "mulu: error: the registry is kept in the folder registry of this repository (git config mulu.registry);"
        + " the server hook supports a registry at the root of its repository only: keep the registry in a repository of its own\n")
    let sync = try Mulu.run(["sync", "status", "--lang", "zh"], in: top)
    #expect(sync.status == 2)
    #expect(sync.stderr.contains("目录库在本仓库的文件夹 registry 中"))
  }

  @Test("where no registry is, the client hook is not installed")
  func noClientHookWithoutARegistry() throws {
    let sandbox = try Sandbox()
    let elsewhere = try RegistryBuilder(files: ["notes.txt": "备忘\n"], in: sandbox, at: "plain")
    try elsewhere.commit("备忘")
    let none = try Mulu.run("hooks", "install", "--client", in: sandbox("plain"))
    #expect(none.status == 2)
    #expect(none.stderr.contains("/plain or above: run this in the registry's folder"), "\(none)")
  }
}
