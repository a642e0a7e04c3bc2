import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `mulu sync`, run as the built binary.
@Suite struct SyncCLITests {
  func labWithFork() throws -> (RegistryLab, forkTip: String) {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    let added = RegistryLab.ndrcResource(sequence: "000002", name: "政府投资项目审批信息")
    try lab.write("ndrc", added.path, added.text)
    return (lab, try lab.commitAll("ndrc", "发改委：更新周期改为每日，新增审批信息"))
  }

  @Test func pullMergesThenFindsNothingNew() throws {
    let (lab, forkTip) = try labWithFork()
    let main = try lab.rev("national.git", "main")

    let pulled = try lab.mulu("sync", "pull", "ndrc")
    #expect(pulled.status == 0, "\(pulled.stderr)")
    let merge = try lab.rev("national.git", "main")
    #expect(try lab.git("national.git", "rev-parse", "main^1", "main^2") == "\(main)\n\(forkTip)\n")
    #expect(
      pulled.stdout == """
        merged ndrc into main: commit \(merge.prefix(12)) (parents \(main.prefix(12)) main, \(forkTip.prefix(12)) ndrc)
        reconciliation:
          \(Baseline.ndrc) 国家发展和改革委员会: fork 2 resources, main 2 (2 active, 0 retired): equal; this sync: 1 added, 1 modified, 0 retired

        """)

    let again = try lab.mulu("sync", "pull", "ndrc", language: "zh_CN.UTF-8")
    #expect(again.status == 0)
    #expect(again.stdout == "")
    #expect(again.stderr == "mulu: ndrc 没有新内容（\(forkTip.prefix(12)) 已在 refs/heads/main 中），未写入任何内容\n")
    #expect(try lab.rev("national.git", "main") == merge)
  }

  @Test func refusalsListWhatIsWrongAndExitOne() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    // ndrc: a path it does not own.
    try lab.edit("ndrc", Baseline.baseResourcePath, replacing: "update_cycle: 实时", with: "update_cycle: 每日")
    try lab.write("ndrc", "notes.txt", "草稿\n")
    try lab.commitAll("ndrc", "越界")
    // mps: the same file as national.
    try lab.edit("mps", Baseline.baseResourcePath, replacing: "update_cycle: 实时", with: "update_cycle: 每日")
    try lab.commitAll("mps", "公安部：更新周期")
    try lab.commitNational("国家：更新周期") {
      try lab.edit("work", Baseline.baseResourcePath, replacing: "update_cycle: 实时", with: "update_cycle: 每周")
    }
    // zhejiang: a resource with an error.
    try lab.edit(
      "zhejiang", "catalogs/\(RegistryLab.zjfgw)/307001001-000001.yaml", replacing: "  - { name: 登记日期, type: D }\n",
      with: "  - { name: 登记日期, type: D }\n  - { name: 项目名称, type: C }\n")
    try lab.commitAll("zhejiang", "缺少长度")
    let main = try lab.rev("national.git", "main")

    let foreign = try lab.mulu("sync", "pull", "ndrc")
    #expect(foreign.status == 1)
    #expect(foreign.stdout == "\(Baseline.baseResourcePath)\nnotes.txt\n")
    #expect(
      foreign.stderr
        == "mulu: error: ndrc changed 2 path(s) outside the folders it owns (catalogs/\(Baseline.ndrc)/); nothing written\n")

    let conflict = try lab.mulu("sync", "pull", "mps", language: "zh_CN.UTF-8")
    #expect(conflict.status == 1)
    #expect(conflict.stdout == "101001001/000001\t\(Baseline.baseResourcePath)\n")
    #expect(conflict.stderr.hasPrefix("mulu: 错误: mps 与 main 在上次同步后都修改了：101001001/000001；未写入任何内容"))

    let invalid = try lab.mulu("sync", "pull", "zhejiang")
    #expect(invalid.status == 1)
    #expect(
      invalid.stdout.hasPrefix(
        "catalogs/\(RegistryLab.zjfgw)/307001001-000001.yaml:13:5: error[items.length]: "))
    #expect(invalid.stderr == "mulu: error: the merged registry has 1 error(s); nothing written\n")

    #expect(try lab.rev("national.git", "main") == main)
    #expect(try lab.git("national.git", "for-each-ref", "refs/heads/") == "\(main) commit\trefs/heads/main\n")
  }

  @Test func failuresExitTwo() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    let unknown = try lab.mulu("sync", "pull", "mof")
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "mulu: error: sources.yaml lists no source mof (listed: ndrc, mps, zhejiang)\n")
    let badAuthor = try lab.mulu("sync", "pull", "ndrc", "--author", "nobody")
    #expect(badAuthor.status == 2)
    try FileManager.default.removeItem(atPath: lab.path("ndrc"))
    let unreachable = try lab.mulu("sync", "pull", "ndrc")
    #expect(unreachable.status == 2)
    #expect(unreachable.stderr.hasPrefix("mulu: error: cannot fetch source ndrc from ../ndrc: "))
  }

  @Test func theAuthorComesFromTheOptionOrGitConfig() throws {
    let (lab, _) = try labWithFork()
    var environment = lab.environment.filter { !$0.key.hasPrefix("GIT_AUTHOR_") && !$0.key.hasPrefix("GIT_COMMITTER_") }
    environment["LANG"] = "en_US.UTF-8"
    let binary = try #require(MuluBinary.path)

    // No identity anywhere: nothing is written.
    let nobody = try Program.run(
      [binary, "sync", "pull", "ndrc"], in: lab.path("national.git"), environment: environment)
    #expect(nobody.status == 2)
    #expect(nobody.stderr.contains("set git config user.name and user.email, or pass --author"))

    let pulled = try Program.run(
      [binary, "sync", "pull", "ndrc", "--author", "王五 <wangwu@example.cn>"], in: lab.path("national.git"),
      environment: environment)
    #expect(pulled.status == 0, "\(pulled.stderr)")
    #expect(try lab.git("national.git", "log", "-1", "--format=%an <%ae>|%cn <%ce>") == "王五 <wangwu@example.cn>|王五 <wangwu@example.cn>\n")

    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每日", with: "update_cycle: 每周")
    try lab.commitAll("ndrc", "每周")
    try lab.git("national.git", "config", "user.name", "国家目录管理员")
    try lab.git("national.git", "config", "user.email", "admin@example.cn")
    let configured = try Program.run(
      [binary, "sync", "pull", "ndrc"], in: lab.path("national.git"), environment: environment)
    #expect(configured.status == 0, "\(configured.stderr)")
    #expect(try lab.git("national.git", "log", "-1", "--format=%an|%cn") == "国家目录管理员|国家目录管理员\n")
  }

  @Test func reviewWritesSyncNameForAMaintainer() throws {
    let (lab, forkTip) = try labWithFork()
    let main = try lab.rev("national.git", "main")
    let review = try lab.mulu("sync", "pull", "ndrc", "--review")
    #expect(review.status == 0)
    #expect(review.stdout.contains("merged ndrc into sync/ndrc"))
    #expect(review.stdout.contains("for review: a maintainer merges sync/ndrc into main"))
    #expect(try lab.rev("national.git", "main") == main)
    #expect(try lab.rev("national.git", "sync/ndrc^2") == forkTip)
  }

  @Test func statusShowsEverySource() throws {
    let (lab, forkTip) = try labWithFork()
    let seed = try lab.rev("national.git", "main")
    let status = try lab.mulu("sync", "status")
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.hasPrefix("""
      ndrc  ../ndrc (main)
        owns: \(Baseline.ndrc)
        fork \(forkTip.prefix(12)): 1 commit(s) ahead of main, 0 behind
        last synced: \(seed.prefix(12)) 2026-05-01 国家目录

      """))
    let json = try lab.mulu("sync", "status", "--no-fetch", "--format", "json")
    #expect(json.status == 0)
    #expect(json.stdout.hasPrefix("{\"sources\":[{\"name\":\"ndrc\",\"url\":\"../ndrc\",\"branch\":\"main\",\"owns\":[\"\(Baseline.ndrc)\"],\"fetch_error\":null,\"tip\":\"\(forkTip)\",\"ahead\":1,\"behind\":0,"))
  }

  @Test func whatAForkWritesIsPrintedOnOneLineWithoutEscapes() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    // Valid YAML: a name that would print a forged line and clear the screen.
    let added = RegistryLab.ndrcResource(sequence: "000002", name: #""机动车\nmulu: merged\e[2J""#)
    try lab.write("ndrc", added.path, added.text)
    try lab.write("ndrc", "notes\nnotes.txt:\u{1B}[2J", "草稿\n")
    try lab.commitAll("ndrc", "发改委：新增资源")

    let status = try lab.mulu("sync", "status")
    #expect(status.status == 0, "\(status.stderr)")
    #expect(!status.stdout.unicodeScalars.contains("\u{1B}"), "\(status.stdout)")
    #expect(status.stdout.contains(#"  added  303001001/000002  机动车\nmulu: merged\u{1B}[2J"# + "\n"), "\(status.stdout)")
    #expect(status.stdout.contains(#"would be refused: 1 path(s) outside its folders (notes\nnotes.txt:\u{1B}[2J)"#), "\(status.stdout)")

    let pulled = try lab.mulu("sync", "pull", "ndrc")
    #expect(pulled.status == 1)
    #expect(pulled.stdout == #"notes\nnotes.txt:\u{1B}[2J"# + "\n")
  }

  /// The invariant under a real kill: mulu is stopped with SIGKILL at the last moment before the
  /// branch moves — its merge commit written, git's lock on the branch taken, blocked while
  /// opening the branch's reflog (a FIFO here). The branch is intact afterwards; the stale lock
  /// is refused with git's advice; once it is removed, running again completes.
  @Test func killedJustBeforeTheBranchMovesTheBranchIsIntactAndARerunCompletes() throws {
    let (lab, forkTip) = try labWithFork()
    let main = try lab.rev("national.git", "main")
    try lab.git("national.git", "config", "core.logAllRefUpdates", "always")
    try FileManager.default.createDirectory(atPath: lab.path("national.git/logs/refs/heads"), withIntermediateDirectories: true)
    let reflog = lab.path("national.git/logs/refs/heads/main")
    try? FileManager.default.removeItem(atPath: reflog)
    #expect(mkfifo(reflog, 0o644) == 0)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(MuluBinary.path))
    process.arguments = ["sync", "pull", "ndrc"]
    process.currentDirectoryURL = URL(fileURLWithPath: lab.path("national.git"))
    process.environment = lab.environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let lock = lab.path("national.git/refs/heads/main.lock")
    var waited = 0
    while !FileManager.default.fileExists(atPath: lock) && process.isRunning && waited < 600 {
      usleep(50_000)
      waited += 1
    }
    #expect(FileManager.default.fileExists(atPath: lock), "mulu never took the lock on main")
    #expect(try lab.rev("national.git", "main") == main)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)

    // The branch is where it was; the merge commit is there, unreferenced.
    #expect(try lab.rev("national.git", "main") == main)
    let fsck = try lab.git("national.git", "fsck", "--no-progress")
    let dangling = try #require(fsck.split(separator: "\n").first { $0.hasPrefix("dangling commit ") })
    let orphan = String(dangling.dropFirst("dangling commit ".count))
    #expect(try lab.git("national.git", "rev-parse", orphan + "^1", orphan + "^2") == "\(main)\n\(forkTip)\n")

    // The dead process's lock is refused, with git's advice.
    try FileManager.default.removeItem(atPath: reflog)
    let locked = try lab.mulu("sync", "pull", "ndrc")
    #expect(locked.status == 1)
    #expect(locked.stderr.contains("refs/heads/main is locked"))
    #expect(try lab.rev("national.git", "main") == main)

    try FileManager.default.removeItem(atPath: lock)
    let rerun = try lab.mulu("sync", "pull", "ndrc")
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(try lab.git("national.git", "rev-parse", "main^1", "main^2") == "\(main)\n\(forkTip)\n")
    #expect(try lab.git("national.git", "reflog", "-1", "--format=%gs", "main") == "mulu sync pull ndrc: merge \(forkTip)\n")
  }

  @Test func statusSaysAForkWithUnrelatedHistoryWouldBeRefused() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    let tip = try lab.restartWithoutHistory("mps")
    let en = try lab.mulu("sync", "status").stdout
    let mps = try #require(en.range(of: "mps  ../mps (main)\n")).upperBound
    #expect(en[mps...].hasPrefix("  owns: \(Baseline.mps)\n  fork \(tip.prefix(12)): 1 commit(s) ahead of main, 1 behind\n"
      + "  would be refused: it shares no history with main (a fork starts as a copy of this registry)\nzhejiang"))
    let zh = try lab.mulu("sync", "status", "--no-fetch", language: "zh_CN.UTF-8").stdout
    #expect(zh.contains("\n  将被拒绝：与 main 没有共同的历史（分支库应从本目录库复制而来）\nzhejiang"))
  }
}
