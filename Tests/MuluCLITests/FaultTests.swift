import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `kill -9` at each step of `mulu sync pull`, `mulu release cut` and the hook, stopped there
/// by the test-only `MULU_TEST_PAUSE` (MuluGit's `TestPause`): afterwards the branch (or tag)
/// is where it was, never anything else, `git fsck` is clean, a lock left behind is named with
/// its age and the command that removes it, and running again finishes. And a disk that fills
/// up during a sync leaves no half-written reference or object.
@Suite("Killed mid-way, and a full disk", .timeLimit(.minutes(2)))
struct FaultTests {
  /// Runs `mulu arguments` until it stops at `step`, then kills it with SIGKILL.
  static func killed(
    at step: String, _ arguments: [String], in folder: String, environment: [String: String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let pidFile = folder + "/../paused-\(UUID().uuidString)"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try MuluBinary.require())
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = environment.merging(["MULU_TEST_PAUSE": step, "MULU_TEST_PAUSE_FILE": pidFile]) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    var waited = 0
    while !FileManager.default.fileExists(atPath: pidFile) && process.isRunning && waited < 1200 {
      usleep(25_000)
      waited += 1
    }
    #expect(FileManager.default.fileExists(atPath: pidFile), "mulu never reached \(step)", sourceLocation: sourceLocation)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal, "mulu ended before \(step)", sourceLocation: sourceLocation)
    try? FileManager.default.removeItem(atPath: pidFile)
  }

  static func fsckClean(_ lab: RegistryLab, _ folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let fsck = try Program.run(["git", "fsck", "--strict", "--no-progress", "--no-dangling"], in: lab.path(folder), environment: lab.environment)
    #expect(fsck.status == 0 && fsck.stdout.isEmpty && fsck.stderr.isEmpty, "git fsck: \(fsck)", sourceLocation: sourceLocation)
  }

  func labWithFork() throws -> (RegistryLab, forkTip: String) {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "update_cycle: 每月", with: "update_cycle: 每日")
    return (lab, try lab.commitAll("ndrc", "发改委：更新周期改为每日"))
  }

  @Test("sync pull killed after the fetch, after the merge commit, holding the lock on main")
  func syncPull() throws {
    for step in ["sync.fetched", "sync.committed", "ref.locked:refs/heads/main"] {
      let (lab, forkTip) = try labWithFork()
      let main = try lab.rev("national.git", "main")
      try Self.killed(at: step, ["sync", "pull", "ndrc"], in: lab.path("national.git"), environment: lab.environment)
      #expect(try lab.rev("national.git", "main") == main, "\(step): main moved")
      try Self.fsckClean(lab, "national.git")

      let lock = lab.path("national.git/refs/heads/main.lock")
      if step.hasPrefix("ref.locked") {
        // The dead process's lock: named, with its age and the command that removes it.
        let locked = try lab.mulu("sync", "pull", "ndrc")
        #expect(locked.status == 1)
        #expect(
          locked.stderr.contains(
            "refs/heads/main is locked and was left as it is: the lock file \(lock) was written "), "\(locked.stderr)")
        #expect(locked.stderr.contains(" s ago: another git or mulu is writing, or one was killed while writing; if none is running (ps -C git,mulu), remove it: rm '\(lock)'; then run sync again"), "\(locked.stderr)")
        let zh = try lab.mulu("sync", "pull", "ndrc", language: "zh_CN.UTF-8")
        #expect(zh.stderr.contains("refs/heads/main 被锁定，未改动它：锁文件 \(lock) 写于 "), "\(zh.stderr)")
        #expect(try lab.rev("national.git", "main") == main)
        try FileManager.default.removeItem(atPath: lock)
      } else {
        #expect(!FileManager.default.fileExists(atPath: lock), "\(step): a lock was left")
      }
      let rerun = try lab.mulu("sync", "pull", "ndrc")
      #expect(rerun.status == 0, "\(step): \(rerun.stderr)")
      #expect(try lab.git("national.git", "rev-parse", "main^1", "main^2") == "\(main)\n\(forkTip)\n", "\(step)")
      try Self.fsckClean(lab, "national.git")
    }
  }

  @Test("release cut killed after the tag object, holding the tag's lock")
  func releaseCut() throws {
    for step in ["tag.written", "ref.locked:refs/tags/v2026.05.1"] {
      let lab = try RegistryLab()
      try lab.makeNational()
      try Self.killed(at: step, ["release", "cut", "2026.05.1"], in: lab.path("national.git"), environment: lab.environment)
      #expect(try lab.git("national.git", "tag", "-l") == "", "\(step): a tag was made")
      try Self.fsckClean(lab, "national.git")
      let lock = lab.path("national.git/refs/tags/v2026.05.1.lock")
      if step.hasPrefix("ref.locked") {
        let locked = try lab.mulu("release", "cut", "2026.05.1")
        #expect(locked.status != 0)
        #expect(
          locked.stderr.contains("tag v2026.05.1 is locked; no tag created: the lock file \(lock) was written "),
          "\(locked.stderr)")
        #expect(locked.stderr.contains("remove it: rm '\(lock)'; then run release cut again"), "\(locked.stderr)")
        try FileManager.default.removeItem(atPath: lock)
      }
      let rerun = try lab.mulu("release", "cut", "2026.05.1")
      #expect(rerun.status == 0, "\(step): \(rerun.stderr)")
      #expect(try lab.git("national.git", "tag", "-l") == "v2026.05.1\n")
      #expect(try lab.git("national.git", "cat-file", "-t", "v2026.05.1") == "tag\n")
      try Self.fsckClean(lab, "national.git")
    }
  }

  @Test("the hook killed while it judges a push: the push is refused, main stays, the next push goes through")
  func hook() throws {
    let lab = try HookLab.seeded()
    let main = try lab.id("main")
    try lab.commit("发改委资源每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    let pidFile = lab.root + "/hook.pid"
    let killer = Thread {
      var waited = 0
      while !FileManager.default.fileExists(atPath: pidFile) && waited < 1200 {
        usleep(25_000)
        waited += 1
      }
      if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
        kill(pid, SIGKILL)
      }
    }
    killer.start()
    let outcome = try lab.pushRejected(
      as: "ndrc-editor", ["main"], environment: ["MULU_TEST_PAUSE": "pre-receive.judging", "MULU_TEST_PAUSE_FILE": pidFile])
    #expect(FileManager.default.fileExists(atPath: pidFile), "the hook never paused")
    #expect(outcome.stdout.contains("[remote rejected] (pre-receive hook declined)"), "\(outcome)")
    #expect(try lab.git("--git-dir", lab.server, "rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines) == main)
    _ = try lab.pushAccepted(as: "ndrc-editor", ["main"])
  }

  @Test(
    "a disk that fills up during a sync: nothing half-written, and the sync finishes once there is room",
    .enabled(if: getuid() == 0, "needs root to mount a small tmpfs"))
  func fullDisk() throws {
    let (lab, _) = try labWithFork()
    // The national registry on a tmpfs just large enough for it, and a fork that brings more
    // than fits: 300 resources of about 2 KB each.
    let mount = lab.path("small")
    try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
    let used = try Program.output(["du", "-sk", lab.path("national.git")], in: lab.root, environment: lab.environment)
    let size = (Int(used.split(separator: "\t")[0]) ?? 1000) + 256
    try Program.output(["mount", "-t", "tmpfs", "-o", "size=\(size)k", "tmpfs", mount], in: lab.root, environment: lab.environment)
    defer { _ = try? Program.run(["umount", mount], in: "/", environment: lab.environment) }
    try Program.output(["cp", "-a", lab.path("national.git"), mount + "/national.git"], in: lab.root, environment: lab.environment)
    // sources.yaml names the fork ../ndrc, beside the registry.
    try FileManager.default.createSymbolicLink(atPath: mount + "/ndrc", withDestinationPath: lab.path("ndrc"))
    for number in 2...301 {
      let resource = RegistryLab.ndrcResource(sequence: String(format: "%06d", number), name: "政府投资项目审批信息\(number)")
      let noise = String((0..<4000).map { _ in "0123456789abcdef".randomElement()! })
      try lab.write("ndrc", resource.path, resource.text + "# " + noise + "\n")
    }
    let bigTip = try lab.commitAll("ndrc", "发改委：新增 300 项资源")
    let main = try lab.rev("small/national.git", "main")

    let full = try lab.mulu("sync", "pull", "ndrc", in: "small/national.git")
    #expect(full.status == 2, "\(full)")
    #expect(full.stderr.contains("No space left on device") || full.stderr.contains("no space"), "\(full.stderr)")
    #expect(try lab.rev("small/national.git", "main") == main)
    // Every object and reference git finds is whole; no lock or temporary file is left.
    try Self.fsckClean(lab, "small/national.git")
    let leftovers = try Program.output(
      ["find", ".", "-name", "*.lock", "-o", "-name", "tmp_*", "-o", "-name", "*.tmp", "-o", "-name", "pack_git2_*"],
      in: mount + "/national.git",
      environment: lab.environment)
    #expect(leftovers.isEmpty, "left behind: \(leftovers)")

    // With room again, the same sync finishes.
    try Program.output(["mount", "-o", "remount,size=\(size + 8192)k", mount], in: "/", environment: lab.environment)
    let rerun = try lab.mulu("sync", "pull", "ndrc", in: "small/national.git")
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(try lab.git("small/national.git", "rev-parse", "main^2") == bigTip + "\n")
    try Self.fsckClean(lab, "small/national.git")
  }
}
