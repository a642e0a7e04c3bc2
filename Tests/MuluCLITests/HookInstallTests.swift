import Foundation
import MuluTestSupport
import Testing

@Suite("mulu hooks install, the pre-commit hook and mulu rules")
struct HookInstallTests {
  @Test("--server writes mulu's shim, sets receive.fsckObjects and core.looseCompression, and leaves other hooks alone")
  func server() throws {
    let lab = try HookLab(install: false)
    let hook = lab.server + "/hooks/pre-receive"
    var outcome = try lab.run([lab.mulu, "hooks", "install", "--server", lab.server])
    #expect(outcome.status == 0)
    #expect(outcome.stdout == hook + "\n")
    let script = try String(contentsOfFile: hook, encoding: .utf8)
    #expect(script.hasPrefix("#!/bin/sh\n"))
    #expect(script.contains("exec '\(lab.mulu)' hook pre-receive\n"))
    let mode = try FileManager.default.attributesOfItem(atPath: hook)[.posixPermissions] as? Int
    #expect(mode == 0o755)
    #expect(try lab.must(["git", "config", "receive.fsckObjects"], in: lab.server) == "true\n")
    #expect(try lab.must(["git", "config", "core.looseCompression"], in: lab.server) == "0\n")
    #expect(outcome.stderr.contains("core.looseCompression=0"))
    // Again: mulu's own shim is rewritten; a compression the administrator chose is kept.
    _ = try lab.must(["git", "config", "core.looseCompression", "3"], in: lab.server)
    outcome = try lab.run([lab.mulu, "hooks", "install", "--server", lab.server, "--lang", "en"])
    #expect(outcome.status == 0 && outcome.stderr.contains("hook updated"))
    #expect(outcome.stderr.contains("core.looseCompression is already 3: left as it is"))
    #expect(try lab.must(["git", "config", "core.looseCompression"], in: lab.server) == "3\n")
    // A value git would refuse is said, with the way to mend it.
    _ = try lab.must(["git", "config", "core.looseCompression", "fast"], in: lab.server)
    outcome = try lab.run([lab.mulu, "hooks", "install", "--server", lab.server, "--lang", "en"])
    #expect(outcome.status == 0)
    #expect(outcome.stderr.contains("core.looseCompression is \"fast\", which is not a level git accepts (-1 to 9)"), "\(outcome.stderr)")
    _ = try lab.must(["git", "config", "core.looseCompression", "3"], in: lab.server)

    // Another program's hook is not replaced without --force.
    let foreign = "#!/bin/sh\nexec /opt/gitlab/check-push\n"
    try foreign.write(toFile: hook, atomically: true, encoding: .utf8)
    outcome = try lab.run([lab.mulu, "hooks", "install", "--server", lab.server, "--lang", "en"])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("holds another hook and was left alone"))
    #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign)
    outcome = try lab.run([lab.mulu, "hooks", "install", "--server", lab.server, "--force"])
    #expect(outcome.status == 0)
    #expect(try String(contentsOfFile: hook, encoding: .utf8) == script)

    // Bad usage and a path that is no repository.
    #expect(try lab.run([lab.mulu, "hooks", "install"]).status == 2)
    #expect(try lab.run([lab.mulu, "hooks", "install", "--server", lab.server, "--client"]).status == 2)
    #expect(try lab.run([lab.mulu, "hooks", "install", "--server", lab.root + "/nowhere"]).status == 2)
  }

  @Test("the pre-commit hook judges the staged files, not the working tree")
  func preCommit() throws {
    let lab = try HookLab(install: false)
    var outcome = try lab.run([lab.mulu, "hooks", "install", "--client", "--lang", "en"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout == lab.work + "/.git/hooks/pre-commit\n")
    try lab.commit("国家政务信息资源目录")

    // A bad staged file, a fixed copy in the working tree: the commit is refused.
    let good = try lab.read(HookLab.ndrcResource)
    try lab.edit(HookLab.ndrcResource, "  type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n", "  type: 不予共享\n")
    try lab.git("add", HookLab.ndrcResource)
    try lab.write(HookLab.ndrcResource, good.edited(replacing: "update_cycle: 每月", with: "update_cycle: 每周"))
    outcome = try lab.run(["git", "commit", "-q", "-m", "不予共享"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("\(HookLab.ndrcResource):17:9: error[sharing.basis-required]"))
    #expect(outcome.stderr.contains("commit refused: 1 error, 0 warnings"))
    // Staged, the fixed copy passes.
    try lab.git("add", HookLab.ndrcResource)
    #expect(try lab.run(["git", "commit", "-q", "-m", "每周更新"]).status == 0)

    // A staged deletion is refused: resources are retired.
    try lab.git("rm", "-q", HookLab.ndrcResource)
    outcome = try lab.run(["git", "commit", "-q", "-m", "删除"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("\(HookLab.ndrcResource): error[retire.delete-forbidden]"))
    try lab.git("reset", "-q", "--hard")

    // The hook as the pre-commit framework runs it, from a sub-folder.
    outcome = try lab.run([lab.mulu, "hook", "pre-commit"], in: lab.work + "/catalogs")
    #expect(outcome.status == 0)

    // Installing again is safe; another hook stays unless --force.
    #expect(try lab.run([lab.mulu, "hooks", "install", "--client", lab.work]).status == 0)
    try "#!/bin/sh\nexit 0\n".write(toFile: lab.work + "/.git/hooks/pre-commit", atomically: true, encoding: .utf8)
    #expect(try lab.run([lab.mulu, "hooks", "install", "--client"]).status == 2)
    #expect(try lab.run([lab.mulu, "hooks", "install", "--client", "--force"]).status == 0)
  }

  @Test("core.hooksPath of ~/… is below the HOME of mulu's environment, as git reads it")
  func hooksPathInHome() throws {
    let lab = try HookLab(install: false)
    let home = lab.root + "/elsewhere"
    try lab.git("config", "core.hooksPath", "~/git-hooks")
    let outcome = try lab.run([lab.mulu, "hooks", "install", "--client", "--lang", "en"], environment: ["HOME": home])
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout == home + "/git-hooks/pre-commit\n")
    #expect(FileManager.default.fileExists(atPath: home + "/git-hooks/pre-commit"))
  }

  @Test("installed from a linked working tree, the pre-commit hook lands where git looks for it")
  func linkedWorkingTree() throws {
    let lab = try HookLab(install: false)
    try lab.commit("国家政务信息资源目录")
    let linked = lab.root + "/linked"
    try lab.git("worktree", "add", "-q", "-b", "side", linked)
    var outcome = try lab.run([lab.mulu, "hooks", "install", "--client", "--lang", "en"], in: linked)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout == lab.work + "/.git/hooks/pre-commit\n")
    // A deletion committed in the linked working tree is refused.
    outcome = try lab.run(["git", "rm", "-q", HookLab.ndrcResource], in: linked)
    #expect(outcome.status == 0)
    outcome = try lab.run(["git", "commit", "-q", "-m", "删除"], in: linked)
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("\(HookLab.ndrcResource): error[retire.delete-forbidden]"))
  }

  @Test("the pre-commit framework's manifest runs the same hook")
  func preCommitFramework() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let manifest = try String(contentsOf: root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
    for line in ["- id: mulu", "  entry: mulu hook pre-commit", "  language: system", "  pass_filenames: false"] {
      #expect(manifest.contains(line + "\n"))
    }
  }

  @Test("mulu rules lists the history rules too")
  func rules() throws {
    let lab = try HookLab(install: false)
    let text = try lab.must([lab.mulu, "rules", "--lang", "en"])
    for id in [
      "retire.delete-forbidden", "access.unknown-identity", "ref.non-fast-forward", "tag.not-allowed", "commit.unsigned",
      "push.too-many-files",
    ] {
      #expect(text.contains(id + " "))
    }
    let markdown = try lab.must([lab.mulu, "rules", "--format", "markdown", "--lang", "en"])
    #expect(markdown.contains("- a release tag moved (ndrc-admin, moving release tag v2026.01)"))
  }
}
