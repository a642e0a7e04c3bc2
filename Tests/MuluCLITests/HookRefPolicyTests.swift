import Foundation
import MuluTestSupport
import Testing

/// Every ref a push names is judged, not only branches (docs/hooks.md): tags are the
/// maintainers', names that shadow another ref are refused, departments keep to their own
/// branches, and a protected branch's dates stay an audit trail. Real `git push`es into a
/// server guarded by the built `mulu`.
@Suite("The hook's policy on tags, ref names and dates", .timeLimit(.minutes(2)))
struct HookRefPolicyTests {
  static let ndrcEditor = "ndrc-editor"
  static let maintainer = "ndrc-admin"

  @Test("a department's tag is refused, whatever commit it points at; a maintainer's tag of a tree too")
  func tags() throws {
    let lab = try HookLab.seeded()
    // The commit changes another department's folder and adds a large file: as a tag, the hook
    // used to let it through without a look.
    try lab.git("checkout", "-q", "-b", "side")
    try lab.edit(HookLab.mpsResource, "update_cycle: 实时", "update_cycle: 每日")
    try lab.write("catalogs/\(HookLab.ndrc)/big.bin", String(repeating: "0123456789", count: 100_000))
    try lab.commit("越权的提交")
    try lab.git("tag", "ndrc-draft")
    var outcome = try lab.pushRejected(as: Self.ndrcEditor, ["refs/tags/ndrc-draft"])
    #expect(outcome.stderr.contains("refs/tags/ndrc-draft: error[tag.not-allowed]"), "\(outcome)")
    #expect(outcome.stderr.contains("\"ndrc-editor\" is not a maintainer and may not create a tag"))
    outcome = try lab.pushRejected(as: Self.ndrcEditor, ["refs/tags/ndrc-draft"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(outcome.stderr.contains("“ndrc-editor”不是维护者，不能创建标签"), "\(outcome)")

    // A tag of a tree, or of a blob, is refused even from a maintainer.
    try lab.git("checkout", "-q", "main")
    try lab.git("tag", "-a", "-m", "目录树", "tree-1", "main^{tree}")
    outcome = try lab.pushRejected(as: Self.maintainer, ["refs/tags/tree-1"])
    #expect(outcome.stderr.contains("refs/tags/tree-1: error[tag.not-allowed]"), "\(outcome)")
    #expect(outcome.stderr.contains("it points to a tree, not a commit"))
    try lab.git("tag", "blob-1", "main:registry.yaml")
    outcome = try lab.pushRejected(as: Self.maintainer, ["refs/tags/blob-1"])
    #expect(outcome.stderr.contains("it points to a blob, not a commit"), "\(outcome)")
    // A maintainer's tag of a commit is fine, and only a maintainer deletes it.
    try lab.git("tag", "draft-1", "main")
    _ = try lab.pushAccepted(as: Self.maintainer, ["refs/tags/draft-1"])
    outcome = try lab.pushRejected(as: Self.ndrcEditor, [":refs/tags/draft-1"])
    #expect(outcome.stderr.contains("may not delete a tag"))
  }

  @Test("a ref that shadows another kind, named like HEAD, or outside branches and tags is refused for everyone")
  func ambiguousRefs() throws {
    let lab = try HookLab.seeded()
    for target in ["refs/tags/main", "refs/heads/HEAD", "refs/heads/tags/v1", "refs/notes/commits", "refs/mulu/x"] {
      let outcome = try lab.pushRejected(as: Self.maintainer, ["main:" + target])
      #expect(outcome.stderr.contains("\(target): error[ref.ambiguous]"), "\(target): \(outcome)")
    }
    // The reverse: a branch named like an existing tag.
    try lab.git("tag", "-a", "-m", "2026 年 1 月版", "v2026.01")
    _ = try lab.pushAccepted(as: Self.maintainer, ["refs/tags/v2026.01"])
    var outcome = try lab.pushRejected(as: Self.maintainer, ["main:refs/heads/v2026.01"])
    #expect(outcome.stderr.contains("refs/tags/v2026.01 has the same name: \"v2026.01\" would name either"), "\(outcome)")
    outcome = try lab.pushRejected(as: Self.maintainer, ["main:refs/heads/v2026.01"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(outcome.stderr.contains("与 refs/tags/v2026.01 同名"), "\(outcome)")
    // Branches and tags of names of their own pass.
    _ = try lab.pushAccepted(as: Self.maintainer, ["main:refs/heads/review"])
  }

  @Test("a department creates, moves and deletes only branches under its identity id")
  func departmentBranches() throws {
    let lab = try HookLab.seeded()
    try lab.commit("每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    var outcome = try lab.pushRejected(as: Self.ndrcEditor, ["HEAD:refs/heads/draft"])
    #expect(outcome.stderr.contains("refs/heads/draft: error[access.ref-not-owned]"), "\(outcome)")
    #expect(outcome.stderr.contains("\"ndrc-editor\" may not create the branch draft, only branches under ndrc-editor/"))
    outcome = try lab.pushRejected(as: Self.ndrcEditor, ["HEAD:refs/heads/mps-editor/draft"])
    #expect(outcome.stderr.contains("error[access.ref-not-owned]"))
    _ = try lab.pushAccepted(as: Self.ndrcEditor, ["HEAD:refs/heads/ndrc-editor/draft"])
    // A maintainer's branch stays the maintainer's.
    _ = try lab.pushAccepted(as: Self.maintainer, ["HEAD~1:refs/heads/review"])
    outcome = try lab.pushRejected(as: Self.ndrcEditor, ["HEAD:refs/heads/review"])
    #expect(outcome.stderr.contains("may not update the branch review"), "\(outcome)")
    outcome = try lab.pushRejected(as: Self.ndrcEditor, [":refs/heads/review"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(outcome.stderr.contains("“ndrc-editor”不能删除分支 review"), "\(outcome)")
    _ = try lab.pushAccepted(as: Self.ndrcEditor, [":refs/heads/ndrc-editor/draft"])
  }

  @Test("limits.max_refs_per_push of main's registry.yaml caps the refs of one push")
  func tooManyRefs() throws {
    let lab = try HookLab.seeded()
    try lab.commit("每次推送最多两个引用", editing: "registry.yaml", "level: national\n", "level: national\nlimits:\n  max_refs_per_push: 2\n")
    _ = try lab.pushAccepted(as: Self.maintainer, ["main"])
    let outcome = try lab.pushRejected(
      as: Self.maintainer, ["main:refs/heads/a", "main:refs/heads/b", "main:refs/heads/c"])
    #expect(outcome.stderr.contains("registry.yaml: error[push.too-many-refs]"), "\(outcome)")
    #expect(outcome.stderr.contains("3 refs where 2 are allowed"))
    _ = try lab.pushAccepted(as: Self.maintainer, ["main:refs/heads/a", "main:refs/heads/b"])
  }

  @Test("a protected branch takes no commit dated a day ahead of the server, nor before its tip")
  func implausibleDates() throws {
    let lab = try HookLab.seeded()
    let tipTime = Int(try lab.git("log", "-1", "--format=%ct", "main").trimmingCharacters(in: .whitespacesAndNewlines))!
    try lab.edit(HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    try lab.git("add", "-A")
    let future = Int(Date().timeIntervalSince1970) + 3 * 86_400
    try lab.must(["git", "commit", "-q", "-m", "来自未来"], environment: ["GIT_COMMITTER_DATE": "@\(future) +0800"])
    var outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("refs/heads/main: error[commit.date-implausible]"), "\(outcome)")
    #expect(outcome.stderr.contains("more than a day ahead of the server's clock"))
    // The same commit on a department's own branch is the department's business.
    _ = try lab.pushAccepted(as: Self.ndrcEditor, ["HEAD:refs/heads/ndrc-editor/later"])

    try lab.must(
      ["git", "commit", "-q", "--amend", "-m", "早于主分支"], environment: ["GIT_COMMITTER_DATE": "@\(tipTime - 3600) +0800"])
    outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(outcome.stderr.contains("refs/heads/main: error[commit.date-implausible]"), "\(outcome)")
    #expect(outcome.stderr.contains("早于它所基于的"), "\(outcome)")

    try lab.must(["git", "commit", "-q", "--amend", "-m", "每周更新"])
    _ = try lab.pushAccepted(as: Self.ndrcEditor, ["main"])
  }
}

/// The readers take `main` as the branch when a tag of that name exists too, and say so.
@Suite("Ambiguous revision names")
struct AmbiguousRevisionTests {
  @Test("validate --rev, diff, log and release notes read refs/heads/main before refs/tags/main, with a note")
  func branchFirst() throws {
    let lab = try HookLab(install: false)
    try lab.commit("国家政务信息资源目录")
    try lab.git("tag", "main")
    // The branch moves on with an error; the tag stays on the clean commit.
    try lab.commit("笔误", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每时")
    var outcome = try lab.run([lab.mulu, "validate", "--rev", "main"])
    #expect(outcome.status == 1, "\(outcome)")
    #expect(outcome.stdout.contains("error[schema.enum]"))
    #expect(
      outcome.stderr.contains(
        "mulu: \"main\" is ambiguous: it could name refs/tags/main, refs/heads/main; mulu reads refs/heads/main"),
      "\(outcome)")
    outcome = try lab.run([lab.mulu, "validate", "--rev", "main", "--lang", "zh"])
    #expect(outcome.stderr.contains("“main”有歧义，可指 refs/tags/main、refs/heads/main；mulu 读取 refs/heads/main"), "\(outcome)")
    outcome = try lab.run([lab.mulu, "diff", "main~1", "main", "--format", "json"])
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout.contains("\"kind\":\"modified\""), "\(outcome)")
    #expect(outcome.stderr.contains("\"main~1\" is ambiguous"), "\(outcome)")
    outcome = try lab.run([lab.mulu, "log", "303001001/000001", "--rev", "main"])
    #expect(outcome.stdout.contains("笔误"), "\(outcome)")
    #expect(outcome.stderr.contains("mulu reads refs/heads/main"))
    outcome = try lab.run([lab.mulu, "release", "notes", "main~1", "main"])
    #expect(outcome.stdout.contains("303001001/000001"), "\(outcome)")
    // A name only one ref answers to gets no note.
    outcome = try lab.run([lab.mulu, "validate", "--rev", "HEAD~1"])
    #expect(outcome.status == 0 && outcome.stderr == "0 errors, 0 warnings\n", "\(outcome)")
  }
}
