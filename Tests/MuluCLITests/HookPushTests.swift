import Foundation
import MuluTestSupport
import Testing

/// Real `git push`es into bare repositories guarded by the built `mulu`, installed with
/// `mulu hooks install --server`. After every rejected push the server's refs are unchanged
/// and `git fsck` is clean (`HookLab.pushRejected`).
@Suite("The pre-receive hook on real pushes", .timeLimit(.minutes(2)))
struct HookPushTests {
  static let ndrcEditor = "ndrc-editor"
  static let mpsEditor = "mps-editor"
  static let maintainer = "ndrc-admin"

  @Test("the first push comes from a maintainer, not from a department nor from someone access.yaml does not name")
  func firstPushByAMaintainer() throws {
    let lab = try HookLab()
    try lab.commit("国家政务信息资源目录")
    var outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("access.yaml: error[access.maintainers-only]"))
    outcome = try lab.pushRejected(as: "visitor", ["main"])
    #expect(outcome.stderr.contains("error[access.unknown-identity]"))
    _ = try lab.pushAccepted(as: Self.maintainer, ["main"])
  }

  @Test("a department pushes a change of its own resource; the preview names it, breaking changes first")
  func aDepartmentPushesItsOwnFolder() throws {
    let lab = try HookLab.seeded()
    // 公安部 changes its own base resource.
    try lab.commit("公安部：人口基本信息每日更新", editing: HookLab.mpsResource, "update_cycle: 实时", "update_cycle: 每日")
    let outcome = try lab.pushAccepted(as: Self.mpsEditor, ["main"])
    #expect(outcome.stderr.contains("remote: mulu: pusher mps-editor"))
    // The preview names the changed resources, breaking changes first.
    #expect(outcome.stderr.contains("remote: preview: 1 modified; 1 breaking"))
    #expect(outcome.stderr.contains("remote:   modified 101001001/000001 人口基本信息 [breaking: update_cycle]"))
    #expect(outcome.stderr.contains("remote: mulu: push accepted: 0 errors, 0 warnings"))
  }

  /// The seeded lab with a commit in which 公安部's editor changes 国家发展和改革委员会's resource.
  static func labWithAnotherDepartmentsChange() throws -> HookLab {
    let lab = try HookLab.seeded()
    try lab.commit("发改委资源每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    return lab
  }

  @Test("a change of another department's resource is refused, whoever else is named or not")
  func anotherDepartmentsFolderIsRefused() throws {
    let lab = try Self.labWithAnotherDepartmentsChange()
    var outcome = try lab.pushRejected(as: Self.mpsEditor, ["main"])
    #expect(
      outcome.stderr.contains(
        "remote: \(HookLab.ndrcResource): error[access.path-not-owned]: the push changes a path its department does not own: \"mps-editor\" may change only catalogs/11100000000001234L/ (hint: "
      ))
    #expect(outcome.stderr.contains("remote: mulu: push rejected: 1 error, 0 warnings (access.path-not-owned: 1)"))
    #expect(!outcome.stderr.contains("GL-HOOK-ERR"))
    outcome = try lab.pushRejected(as: "visitor", ["main"])
    #expect(outcome.stderr.contains("access.yaml: error[access.unknown-identity]: the pusher is not in access.yaml: \"visitor\""))
    outcome = try lab.pushRejected(as: nil, ["main"])
    #expect(outcome.stderr.contains("no pusher identity (none of MULU_PUSHER, GL_USERNAME, GITEA_PUSHER_NAME, GL_USER, REMOTE_USER is set)"))
    // The department that owns it pushes the same commit.
    _ = try lab.pushAccepted(as: Self.ndrcEditor, ["main"])
  }

  @Test("GitLab names the pusher in GL_USERNAME and shows GL-HOOK-ERR lines to the user")
  func gitLabPusherAndErrorLines() throws {
    let lab = try Self.labWithAnotherDepartmentsChange()
    let outcome = try lab.pushRejected(as: nil, ["main"], environment: ["GL_USERNAME": Self.mpsEditor])
    #expect(outcome.stderr.contains("remote: GL-HOOK-ERR: mulu: push rejected: 1 error"))
  }

  @Test("the hook speaks the server's language: English without LANG, Chinese with zh*; LC_ALL, then LC_MESSAGES, then LANG")
  func theServersLanguage() throws {
    let lab = try Self.labWithAnotherDepartmentsChange()
    // A server without LANG speaks English (docs/commands.md); one with LANG=zh* speaks Chinese.
    var outcome = try lab.pushRejected(as: Self.mpsEditor, ["main"], environment: ["LANG": ""])
    #expect(outcome.stderr.contains("remote: mulu: push rejected: 1 error, 0 warnings (access.path-not-owned: 1)"))
    outcome = try lab.pushRejected(as: Self.mpsEditor, ["main"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(outcome.stderr.contains("error[access.path-not-owned]: 推送修改了本部门无权修改的路径：“mps-editor”只能修改 catalogs/11100000000001234L/ (hint: "))
    #expect(outcome.stderr.contains("remote: 预览：修改 1；不兼容 0"))
    #expect(outcome.stderr.contains("remote:   修改 303001001/000001 企业投资项目核准信息 "))
    #expect(outcome.stderr.contains("mulu: 推送被拒绝：1 个错误，0 个警告（access.path-not-owned 1 个）"))
    // LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them.
    outcome = try lab.pushRejected(as: Self.mpsEditor, ["main"], environment: ["LANG": "C", "LC_ALL": "zh_CN.UTF-8"])
    #expect(outcome.stderr.contains("mulu: 推送被拒绝：1 个错误，0 个警告（access.path-not-owned 1 个）"))
    outcome = try lab.pushRejected(as: Self.mpsEditor, ["main"], environment: ["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"])
    #expect(outcome.stderr.contains("remote: mulu: push rejected: 1 error, 0 warnings (access.path-not-owned: 1)"))
  }

  @Test("only maintainers change the dictionaries")
  func dictionariesAreTheMaintainers() throws {
    let lab = try HookLab.seeded()
    try lab.commit("改部门名称", editing: "dictionaries/departments.yaml", "name: 公安部", "name: 中华人民共和国公安部")
    let outcome = try lab.pushRejected(as: Self.mpsEditor, ["main"])
    #expect(outcome.stderr.contains("dictionaries/departments.yaml: error[access.maintainers-only]"))
  }

  @Test("a resource is retired, never deleted")
  func aResourceIsNeverDeleted() throws {
    let lab = try HookLab.seeded()
    try lab.git("rm", "-q", HookLab.ndrcResource)
    try lab.commit("删除资源")
    let outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("\(HookLab.ndrcResource): error[retire.delete-forbidden]"))
  }

  /// The seeded lab in which 国家发展和改革委员会 has retired its resource (pushed).
  static func labWithARetiredResource() throws -> HookLab {
    let lab = try HookLab.seeded()
    try lab.edit(
      HookLab.ndrcResource, "related: [101001001/000001]\n",
      "related: [101001001/000001]\nretired:\n  date: 2026-06-30\n  reason: 职能划转\n")
    try lab.commit("注销资源")
    _ = try lab.pushAccepted(as: Self.ndrcEditor, ["main"])
    return lab
  }

  @Test("once retired, a resource stays as it is")
  func aRetiredResourceStaysAsItIs() throws {
    let lab = try Self.labWithARetiredResource()
    try lab.commit("改注销原因", editing: HookLab.ndrcResource, "reason: 职能划转", "reason: 机构改革")
    let outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("\(HookLab.ndrcResource): error[retire.immutable]"))
  }

  @Test("only maintainers un-retire a resource")
  func onlyMaintainersUnretire() throws {
    let lab = try Self.labWithARetiredResource()
    try lab.commit("撤销注销", editing: HookLab.ndrcResource, "retired:\n  date: 2026-06-30\n  reason: 职能划转\n", "")
    let outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("only maintainers may un-retire"))
    _ = try lab.pushAccepted(as: Self.maintainer, ["main"])
  }

  @Test("a push the hook cannot judge is rejected, saying the hook could not finish its checks (docs/hooks.md)")
  func failsClosed() throws {
    let lab = try HookLab()
    try lab.commit("国家政务信息资源目录")
    // No protected branch yet, and the push does not create one: nothing to judge it by.
    let reason =
      "mulu: push rejected: the hook could not finish its checks: the first push must create a protected branch of its access.yaml (main)"
    var outcome = try lab.pushRejected(as: Self.maintainer, ["HEAD:refs/heads/draft"])
    #expect(outcome.stderr.contains("remote: " + reason), "\(outcome)")
    #expect(!outcome.stderr.contains("GL-HOOK-ERR"))
    // GitLab shows the reason to the pusher as a GL-HOOK-ERR line.
    outcome = try lab.pushRejected(as: nil, ["HEAD:refs/heads/draft"], environment: ["GL_USERNAME": Self.maintainer])
    #expect(outcome.stderr.contains("remote: GL-HOOK-ERR: " + reason), "\(outcome)")
    #expect(try lab.remoteRefs() == "")
  }

  /// The seeded lab with 国家发展和改革委员会's branches: `ndrc-editor/weekly` (its own
  /// resource updated daily, force-pushed) and `ndrc-editor/overreach` (公安部's resource changed,
  /// refused); the outcome of pushing the latter.
  static func labWithDepartmentBranches() throws -> (HookLab, Outcome) {
    let lab = try HookLab.seeded()
    // A department's new branch, under its identity id, carries its own change.
    try lab.git("checkout", "-q", "-b", "ndrc-editor/weekly")
    try lab.commit("每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    _ = try lab.pushAccepted(as: Self.ndrcEditor, ["ndrc-editor/weekly"])
    // Force-pushing a branch that is not protected is the department's business.
    try lab.edit(HookLab.ndrcResource, "update_cycle: 每周", "update_cycle: 每日")
    try lab.commit("每日更新", ["--amend"])
    _ = try lab.pushAccepted(as: Self.ndrcEditor, ["--force", "ndrc-editor/weekly"])
    // A new branch that touches another department's resource is refused.
    try lab.git("checkout", "-q", "-b", "ndrc-editor/overreach", "main")
    try lab.commit("改公安部的资源", editing: HookLab.mpsResource, "update_cycle: 实时", "update_cycle: 每日")
    let outcome = try lab.pushRejected(as: Self.ndrcEditor, ["ndrc-editor/overreach"])
    return (lab, outcome)
  }

  /// The lab of `labWithDepartmentBranches` with main moved to `ndrc-editor/weekly` and pushed.
  static func labWithMainMoved() throws -> HookLab {
    let (lab, _) = try labWithDepartmentBranches()
    try lab.git("checkout", "-q", "main")
    try lab.git("reset", "-q", "--hard", "ndrc-editor/weekly")
    _ = try lab.pushAccepted(as: Self.ndrcEditor, ["main"])
    return lab
  }

  @Test("a department's new branches carry its own changes and may be force-pushed; another department's path is refused")
  func departmentBranches() throws {
    let (_, overreach) = try Self.labWithDepartmentBranches()
    #expect(overreach.stderr.contains("\(HookLab.mpsResource): error[access.path-not-owned]"))
  }

  @Test("one bad ref rejects the whole push")
  func oneBadRefRejectsThePush() throws {
    let (lab, _) = try Self.labWithDepartmentBranches()
    try lab.git("checkout", "-q", "-b", "ndrc-editor/fine", "ndrc-editor/weekly")
    try lab.git("checkout", "-q", "main")
    try lab.git("merge", "-q", "--ff-only", "ndrc-editor/overreach")
    let outcome = try lab.pushRejected(as: Self.ndrcEditor, ["ndrc-editor/fine", "main"])
    #expect(outcome.stderr.contains("== refs/heads/main ("))
    #expect(outcome.stderr.contains("\(HookLab.mpsResource): error[access.path-not-owned]"))
    #expect(!(try lab.remoteRefs()).contains("refs/heads/ndrc-editor/fine"))
  }

  @Test("main moves forward only and is never deleted; a department's branch may be")
  func mainMovesForwardOnly() throws {
    let lab = try Self.labWithMainMoved()
    try lab.edit(HookLab.ndrcResource, "update_cycle: 每日", "update_cycle: 每季度")
    try lab.commit("每季度更新", ["--amend"])
    var outcome = try lab.pushRejected(as: Self.maintainer, ["--force", "main"])
    #expect(outcome.stderr.contains("refs/heads/main: error[ref.non-fast-forward]"))
    outcome = try lab.pushRejected(as: Self.maintainer, [":main"])
    #expect(outcome.stderr.contains("refs/heads/main: error[ref.delete-protected]"))
    try lab.git("reset", "-q", "--hard", "ndrc-editor/weekly")
    _ = try lab.pushAccepted(as: Self.ndrcEditor, [":ndrc-editor/weekly"])
  }

  @Test("a release tag is a maintainer's, annotated, on main (or on the tip main gets in the same push), never moved nor deleted")
  func releaseTags() throws {
    let lab = try Self.labWithMainMoved()
    try lab.git("tag", "v2026.01")
    var outcome = try lab.pushRejected(as: Self.maintainer, ["refs/tags/v2026.01"])
    #expect(outcome.stderr.contains("refs/tags/v2026.01: error[tag.not-allowed]: only maintainers create, move or delete tags, and a tag points to a commit; a release tag is also annotated, points into main and never moves: a lightweight tag"))
    try lab.git("tag", "-d", "v2026.01")
    try lab.git("tag", "-a", "-m", "2026 年 1 月版", "v2026.01")
    outcome = try lab.pushRejected(as: Self.ndrcEditor, ["refs/tags/v2026.01"])
    #expect(outcome.stderr.contains("\"ndrc-editor\" is not a maintainer and may not create a tag"))
    _ = try lab.pushAccepted(as: Self.maintainer, ["refs/tags/v2026.01"])
    try lab.git("checkout", "-q", "-b", "unpushed")
    try lab.commit("未推送的修改", editing: HookLab.ndrcResource, "update_cycle: 每日", "update_cycle: 每年")
    try lab.git("tag", "-a", "-m", "不在主分支上", "v2026.02")
    outcome = try lab.pushRejected(as: Self.maintainer, ["refs/tags/v2026.02"])
    #expect(outcome.stderr.contains("is not on main"))
    // The tag may point at the tip main gets in the same push.
    _ = try lab.pushAccepted(as: Self.maintainer, ["unpushed:main", "refs/tags/v2026.02"])
    try lab.git("tag", "-f", "-a", "-m", "移动", "v2026.01", "v2026.02^{}")
    outcome = try lab.pushRejected(as: Self.maintainer, ["--force", "refs/tags/v2026.01"])
    #expect(outcome.stderr.contains("a release tag never moves"))
    outcome = try lab.pushRejected(as: Self.maintainer, [":refs/tags/v2026.01"])
    #expect(outcome.stderr.contains("refs/tags/v2026.01: error[ref.delete-protected]"))
  }

  @Test("other tags are the maintainers' too (docs/hooks.md): a department's drafts go on its branches")
  func otherTagsAreTheMaintainers() throws {
    let lab = try HookLab.seeded()
    try lab.git("tag", "draft-1")
    var outcome = try lab.pushRejected(as: Self.ndrcEditor, ["refs/tags/draft-1"])
    #expect(outcome.stderr.contains("refs/tags/draft-1: error[tag.not-allowed]"))
    _ = try lab.pushAccepted(as: Self.maintainer, ["refs/tags/draft-1"])
    outcome = try lab.pushRejected(as: Self.ndrcEditor, [":refs/tags/draft-1"])
    #expect(outcome.stderr.contains("may not delete a tag"))
    _ = try lab.pushAccepted(as: Self.maintainer, [":refs/tags/draft-1"])
  }

  @Test("a release tag that tags another tag is refused; readers would never take it as a release")
  func releaseTagOfATag() throws {
    let lab = try HookLab.seeded()
    try lab.git("tag", "-a", "-m", "内层", "inner")
    try lab.git("tag", "-a", "-m", "2026 年 3 月版", "v2026.03", "inner")
    let outcome = try lab.pushRejected(as: Self.maintainer, ["refs/tags/v2026.03"])
    #expect(outcome.stderr.contains("refs/tags/v2026.03: error[tag.not-allowed]"), "\(outcome)")
    #expect(outcome.stderr.contains("it tags another tag, not a commit directly"), "\(outcome)")
    try lab.git("tag", "-f", "-a", "-m", "2026 年 3 月版", "v2026.03", "inner^{}")
    _ = try lab.pushAccepted(as: Self.maintainer, ["refs/tags/v2026.03"])
  }

  @Test("the net change of many commits is judged; limits and warnings")
  func netChange() throws {
    let lab = try HookLab.seeded()
    // A bad intermediate commit, fixed later in the same push.
    try lab.commit("不予共享（漏了依据）", editing: HookLab.ndrcResource, "  type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n", "  type: 不予共享\n")
    try lab.commit("补上依据", editing: HookLab.ndrcResource, "  type: 不予共享\n", "  type: 不予共享\n  basis: 《政府信息公开条例》第十四条\n")
    var cycle = "每月"
    for next in ["每周", "每日", "每季度"] {
      try lab.commit("更新周期：\(next)", editing: HookLab.ndrcResource, "update_cycle: \(cycle)", "update_cycle: \(next)")
      cycle = next
    }
    var outcome = try lab.pushAccepted(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("push accepted"))

    // The net change itself bad: the finding in the text form, with its line and column.
    try lab.commit("删掉依据", editing: HookLab.ndrcResource, "  basis: 《政府信息公开条例》第十四条\n", "")
    outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("\(HookLab.ndrcResource):17:9: error[sharing.basis-required]"))
    try lab.git("reset", "-q", "--hard", "HEAD~1")

    // Warnings are printed and let the push through.
    try lab.edit(
      HookLab.mpsResource, "published: 2025-06-30\n", "published: 2025-06-30\nretired:\n  date: 2026-06-30\n  reason: 数据整合\n")
    try lab.commit("注销人口基本信息")
    _ = try lab.pushAccepted(as: Self.mpsEditor, ["main"])
    try lab.commit("改摘要", editing: HookLab.ndrcResource, "summary: ", "summary: 2026 年起，")
    outcome = try lab.pushAccepted(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("\(HookLab.ndrcResource):"))
    #expect(outcome.stderr.contains("warning[related.retired]"))
    #expect(outcome.stderr.contains("push accepted: 0 errors, 1 warning"))

    // max_changed_files_per_push, from main's registry.yaml.
    try lab.commit("每次推送最多 2 个文件", editing: "registry.yaml", "level: national\n", "level: national\nlimits:\n  max_changed_files_per_push: 2\n")
    _ = try lab.pushAccepted(as: Self.maintainer, ["main"])
    let template = try lab.read(HookLab.ndrcResource)
    for number in 2...4 {
      try lab.write(
        "catalogs/11100000000000001M/303001001-00000\(number).yaml",
        template.edited(replacing: "303001001/000001", with: "303001001/00000\(number)")
          .edited(replacing: "企业投资项目核准信息", with: "企业投资项目信息\(number)"))
    }
    try lab.commit("三个新资源")
    outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("registry.yaml: error[push.too-many-files]"))
    #expect(outcome.stderr.contains("more than 2 files"))
  }

  @Test("require_signed_commits: SSH signatures of the pusher, in the commit header")
  func signedCommits() throws {
    let lab = try HookLab.seeded()
    var signers = ""
    for identity in [Self.ndrcEditor, Self.mpsEditor] {
      signers += try SSHKey(at: lab.root + "/" + identity, comment: identity, environment: lab.environment)
        .allowedSigner(identity)
    }
    try lab.write("allowed_signers", signers)
    try lab.commit("要求签名提交", editing: "access.yaml", "require_signed_commits: false", "require_signed_commits: true")
    // Judged by main's access.yaml before the push: not yet signed.
    _ = try lab.pushAccepted(as: Self.maintainer, ["main"])

    // The hook's temporary files go to TMPDIR, and are removed.
    let temporary = lab.root + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    lab.environment["TMPDIR"] = temporary
    try lab.commit("每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    var outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("refs/heads/main: error[commit.unsigned]"))
    #expect(outcome.stderr.contains("\"每周更新\": not signed"))
    // Signed with another department's key.
    let sign = { (identity: String) in ["-c", "gpg.format=ssh", "-c", "user.signingkey=\(lab.root)/\(identity)"] }
    try lab.must(["git"] + sign(Self.mpsEditor) + ["commit", "-q", "--amend", "--no-edit", "-S"])
    outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("the signature does not verify with a key of \"ndrc-editor\" in allowed_signers"))
    // A gpgsig line in the message is no signature.
    try lab.must(
      ["git", "commit", "-q", "--amend", "-m", "每周更新\n\ngpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH\n -----END SSH SIGNATURE-----"])
    outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("not signed"))
    // Signed with the pusher's own key.
    try lab.must(["git"] + sign(Self.ndrcEditor) + ["commit", "-q", "--amend", "-m", "每周更新", "-S"])
    _ = try lab.pushAccepted(as: Self.ndrcEditor, ["main"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [])
    let leftovers = try lab.must(["find", ".", "-name", "signature-*", "-o", "-name", "mulu-hook-*"], in: lab.server)
    #expect(leftovers.isEmpty)
  }

  @Test("a file name that is not UTF-8 is refused as a path outside the layout, at the top and in a folder")
  func nameNotUTF8() throws {
    let lab = try HookLab.seeded()
    for folder in ["", "catalogs/\(HookLab.ndrc)/"] {
      // The name's bytes FF FE, which no UTF-8 text has: it reads as "\u{FFFD}\u{FFFD}.yaml".
      let path = Array((lab.work + "/" + folder).utf8) + [0xFF, 0xFE] + Array(".yaml".utf8) + [0]
      let file = path.withUnsafeBytes { open($0.baseAddress!.assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
      try #require(file >= 0)
      #expect(write(file, "code: 1\n", 8) == 8)
      close(file)
    }
    _ = try lab.git("add", "-A")
    try lab.commit("文件名不是 UTF-8")
    let outcome = try lab.pushRejected(as: Self.maintainer, ["main"])
    let layout = outcome.stderr.split(separator: "\n").filter { $0.contains("error[tree.layout]") && $0.contains("invalid encoding") }
    #expect(layout.count == 2, "\(outcome)")
  }

  @Test("a resource name with a line break and escape sequences is refused on one line, without the escapes")
  func forgedLines() throws {
    let lab = try HookLab.seeded()
    // Valid YAML: a name that would print a forged closing line and clear the pusher's screen.
    try lab.edit(
      HookLab.ndrcResource, "name: 企业投资项目核准信息", #"name: "机动车\nmulu: push accepted: 0 errors, 0 warnings\e[2J""#)
    try lab.commit("改名")
    let outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(!outcome.stderr.unicodeScalars.contains("\u{1B}"), "\(outcome)")
    // git pads the lines it shows as remote: with spaces.
    let lines = outcome.stderr.split(separator: "\n").map { String($0.reversed().drop { $0 == " " }.reversed()) }
    #expect(!lines.contains("remote: mulu: push accepted: 0 errors, 0 warnings"), "\(outcome)")
    #expect(lines.contains { $0.contains("error[text.invisible-character]") }, "\(outcome)")
    // Where the name is shown, its line break is shown as \n, on the one line.
    #expect(lines.filter { $0.contains("机动车") }.allSatisfy { $0.contains(#"机动车\nmulu"#) }, "\(outcome)")
  }

  @Test("-C names the repository the hook judges, as it does for every command")
  func directoryOption() throws {
    let lab = try HookLab.seeded()
    let line = "\(String(repeating: "0", count: 40)) \(try lab.id("main")) refs/heads/ndrc-editor/草稿\n"
    // Run from the folder that holds the server, not from the server.
    let outcome = try lab.run(
      [lab.mulu, "hook", "pre-receive", "-C", "server.git"], in: lab.root, environment: ["MULU_PUSHER": Self.ndrcEditor],
      input: line)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stderr.hasSuffix("mulu: push accepted: 0 errors, 0 warnings\n"), "\(outcome)")
  }

  @Test("limits come from the protected branch before the push, not from the pushed registry.yaml")
  func limitsFromTheProtectedBranch() throws {
    let lab = try HookLab.seeded()
    try lab.write("registry.yaml", try lab.read("registry.yaml") + "limits:\n  max_file_bytes: 10000000\n")
    let summary = "summary: 企业投资项目核准的申请、受理、批复信息。"
    try lab.commit("放宽文件大小并写长摘要", editing: HookLab.ndrcResource, summary, "summary: " + String(repeating: "很长的摘要", count: 20_000))
    let outcome = try lab.pushRejected(as: Self.maintainer, ["main"])
    #expect(outcome.stderr.contains("\(HookLab.ndrcResource): error[file.too-large]"), "\(outcome)")
    // Once main allows it, the same file passes.
    try lab.git("reset", "-q", "--hard", "HEAD~1")
    try lab.write("registry.yaml", try lab.read("registry.yaml") + "limits:\n  max_file_bytes: 10000000\n")
    try lab.commit("放宽文件大小")
    _ = try lab.pushAccepted(as: Self.maintainer, ["main"])
    try lab.commit("写长摘要", editing: HookLab.ndrcResource, summary, "summary: " + String(repeating: "很长的摘要", count: 20_000))
    _ = try lab.pushAccepted(as: Self.maintainer, ["main"])
  }

  @Test("pushes through git daemon, and to a repository whose path has a colon")
  func transports() throws {
    let lab = try HookLab(serverName: "国家目录:2026/server.git")
    try lab.seed()
    try lab.commit("每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    // The old objects come through the quoted GIT_ALTERNATE_OBJECT_DIRECTORIES.
    _ = try lab.pushAccepted(as: Self.ndrcEditor, ["main"])
    try lab.commit("改公安部的资源", editing: HookLab.mpsResource, "update_cycle: 实时", "update_cycle: 每日")
    var outcome = try lab.pushRejected(as: Self.ndrcEditor, ["main"])
    #expect(outcome.stderr.contains("error[access.path-not-owned]"))
    try lab.git("reset", "-q", "--hard", "HEAD~1")

    // git daemon, its environment naming the pusher.
    let daemon = try HookDaemon.start(
      base: lab.root + "/国家目录:2026", environment: lab.environment.merging(["MULU_PUSHER": Self.ndrcEditor]) { $1 }, lab: lab)
    defer { daemon.stop() }
    let url = "git://127.0.0.1:\(daemon.port)/server.git"
    try lab.commit("每日更新", editing: HookLab.ndrcResource, "update_cycle: 每周", "update_cycle: 每日")
    outcome = try lab.pushAccepted(as: nil, ["main"], url: url)
    #expect(outcome.stderr.contains("mulu: pusher ndrc-editor"))
    try lab.commit("改公安部的资源", editing: HookLab.mpsResource, "update_cycle: 实时", "update_cycle: 每日")
    outcome = try lab.pushRejected(as: nil, ["main"], url: url)
    #expect(outcome.stderr.contains("error[access.path-not-owned]"))
  }
}

/// `git daemon --enable=receive-pack` on a free local port, stopped by `stop()`.
///
/// The daemon program is started directly (not through the `git` wrapper), so that `stop()`
/// ends exactly it, by its process id; SIGKILL, since the test process's threads may block
/// the signals a child inherits.
final class HookDaemon: @unchecked Sendable {
  let process = Process()
  let port: Int

  /// Starts a daemon and waits until it answers. A daemon that exits first most likely lost its
  /// port to another program between `freePort()` and its own bind: up to three fresh ports.
  static func start(base: String, environment: [String: String], lab: HookLab) throws -> HookDaemon {
    for _ in 1...3 {
      let daemon = try HookDaemon(base: base, environment: environment, lab: lab)
      if try daemon.answers(lab) { return daemon }
    }
    throw TestFailure("git daemon exited before answering, on three ports in a row")
  }

  private init(base: String, environment: [String: String], lab: HookLab) throws {
    port = try HookDaemon.freePort()
    let execPath = try lab.must(["git", "--exec-path"]).trimmingCharacters(in: .whitespacesAndNewlines)
    process.executableURL = URL(fileURLWithPath: execPath + "/git-daemon")
    process.arguments = [
      "--reuseaddr", "--enable=receive-pack", "--export-all", "--base-path=\(base)",
      "--listen=127.0.0.1", "--port=\(port)", base,
    ]
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
  }

  /// Waits until the daemon answers (true), or exits (false); one that does not answer is stopped.
  private func answers(_ lab: HookLab) throws -> Bool {
    var answered = false
    defer { if !answered { stop() } }
    for _ in 0..<100 {
      answered = try lab.run(["git", "ls-remote", "git://127.0.0.1:\(port)/server.git"]).status == 0
      if answered { return true }
      guard process.isRunning else { return false }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw TestFailure("git daemon did not answer on port \(port)")
  }

  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  /// A port the kernel has just given out and taken back.
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TestFailure("socket failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0 else { throw TestFailure("bind failed") }
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { throw TestFailure("getsockname failed") }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
