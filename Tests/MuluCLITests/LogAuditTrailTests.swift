import Foundation
import MuluTestSupport
import Testing

/// `mulu log` is the audit trail of the branch (docs/commands.md): its first-parent history,
/// every state it had, each merge with who merged what; `--all-parents` the forks' commits.
@Suite("mulu log: the branch's audit trail", .timeLimit(.minutes(2)))
struct LogAuditTrailTests {
  static let sources = "sources:\n  - { name: ndrc, url: ../ndrc, branch: main, owns: [\(HookLab.ndrc)] }\n"

  @Test("two syncs of a fork that rewrote its history between them: every state of main, both merges")
  func twoSyncsOfARewrittenFork() throws {
    let lab = try HookLab(install: false)
    try lab.write("sources.yaml", Self.sources)
    try lab.commit("国家目录")
    // The fork's first change, merged as a sync merges it.
    try lab.git("checkout", "-q", "-b", "fork")
    try lab.commit("发改委：每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    let first = try lab.id("fork")
    try lab.git("checkout", "-q", "main")
    try lab.git("merge", "-q", "--no-ff", "fork", "-m", "同步 ndrc 到 main：修改 1\n\nMulu-Source: ndrc\nMulu-Source-Commit: \(first)")
    // The fork starts over from before that change, and goes straight to daily.
    try lab.git("checkout", "-q", "-B", "fork", "main~1")
    try lab.commit("发改委：每日更新（重写）", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每日")
    let second = try lab.id("fork")
    try lab.git("checkout", "-q", "main")
    try lab.git(
      "merge", "-q", "--no-ff", "-X", "theirs", "fork", "-m",
      "同步 ndrc 到 main：修改 1\n\nMulu-Source: ndrc\nMulu-Source-Commit: \(second)")

    let ids = try lab.git("log", "--first-parent", "--format=%h", "main").split(separator: "\n").map(String.init)
    let short = { (id: String) in String(id.prefix(ids[0].count)) }
    var outcome = try lab.run([lab.mulu, "log", "303001001/000001"])
    #expect(outcome.status == 0, "\(outcome)")
    let lines = outcome.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 10, "\(outcome.stdout)")
    #expect(lines[0].hasPrefix("\(ids[0]) ") && lines[0].hasSuffix(": 同步 ndrc 到 main：修改 1"), "\(outcome.stdout)")
    #expect(lines[1].hasPrefix("  sync of ndrc (../ndrc) at \(short(second)), merged by 张三 <zhangsan@example.cn>, 2026-"))
    #expect(lines[2] == "  modified")
    #expect(lines[3] == "    update_cycle: 每周 → 每日")
    // The intermediate state main really had, and the first merge.
    #expect(lines[4].hasPrefix("\(ids[1]) "))
    #expect(lines[5].hasPrefix("  sync of ndrc (../ndrc) at \(short(first)), merged by"))
    #expect(lines[7] == "    update_cycle: 每月 → 每周")
    #expect(lines[8].hasPrefix("\(ids[2]) ") && lines[9] == "  added")
    #expect(!outcome.stdout.contains("发改委："), "the fork's own commits are not on main's first-parent history")

    outcome = try lab.run([lab.mulu, "log", "303001001/000001", "--lang", "zh"])
    #expect(outcome.stdout.contains("  同步 ndrc (../ndrc) 的 \(short(second))，由 张三 <zhangsan@example.cn> 于 2026-"), "\(outcome)")
    outcome = try lab.run([lab.mulu, "log", "303001001/000001", "--format", "json"])
    #expect(outcome.stdout.contains(#""merge":{"source":"ndrc","url":"../ndrc","merged":""#), "\(outcome)")

    // --all-parents follows git log's simplification, into the fork's commits.
    outcome = try lab.run([lab.mulu, "log", "303001001/000001", "--all-parents"])
    #expect(outcome.stdout.contains("发改委：每日更新（重写）"), "\(outcome)")
    #expect(!outcome.stdout.contains("每周"), "git's simplification hides the state main had: \(outcome)")
  }
}
