import Foundation
import MuluTestSupport
import Testing

/// Real `git push`es that try to get round the rules of the push: where they come from, who
/// pushes, and what a push may do to them.
@Suite("The hook's policy on real pushes", .timeLimit(.minutes(2)))
struct HookPolicyPushTests {
  static let maintainer = "ndrc-admin"

  /// Pushes that must be refused, saying each of `english`, and `chinese` on a server whose LANG is zh_CN.UTF-8.
  static func refused(
    _ lab: HookLab, as pusher: String?, _ arguments: [String], english: [String], chinese: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let outcome = try lab.pushRejected(as: pusher, arguments, sourceLocation: sourceLocation)
    for text in english { #expect(outcome.stderr.contains(text), sourceLocation: sourceLocation) }
    let zh = try lab.pushRejected(as: pusher, arguments, environment: ["LANG": "zh_CN.UTF-8"], sourceLocation: sourceLocation)
    #expect(zh.stderr.contains(chinese), sourceLocation: sourceLocation)
  }

  @Test("a registry on master: nobody takes it over by pushing a main of their own")
  func takeover() throws {
    let lab = try HookLab()
    try lab.commit("国家政务信息资源目录", editing: "access.yaml", "protected_branches: [main]", "protected_branches: [master]")
    _ = try lab.pushAccepted(as: Self.maintainer, ["main:master"])

    // The server's HEAD still names main, which does not exist. A stranger brings a main whose
    // access.yaml makes them its maintainer.
    try lab.edit("access.yaml", "maintainers: [ndrc-admin]", "maintainers: [visitor]")
    try lab.commit("接管", editing: "access.yaml", "protected_branches: [master]", "protected_branches: [main]")
    try Self.refused(
      lab, as: "visitor", ["main"],
      english: ["neither refs/heads/main nor the branch HEAD names (refs/heads/main) exists", "point HEAD at the protected branch"],
      chinese: "请服务器管理员把 HEAD 指向受保护分支")
    var outcome = try lab.pushRejected(as: nil, ["main"])
    #expect(outcome.stderr.contains("point HEAD at the protected branch"))

    // HEAD pointed at master: master's access.yaml judges, and the stranger is refused by it.
    try lab.must(["git", "symbolic-ref", "HEAD", "refs/heads/master"], in: lab.server)
    outcome = try lab.pushRejected(as: "visitor", ["main"])
    #expect(outcome.stderr.contains("error[access.unknown-identity]"))
    try lab.git("reset", "-q", "--hard", "HEAD~1")
    try lab.commit("每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    _ = try lab.pushAccepted(as: "ndrc-editor", ["main:master"])
  }

  @Test("a push that names nobody is rejected, whatever severity registry.yaml gives access.unknown-identity")
  func noIdentity() throws {
    let lab = try HookLab()
    try lab.edit("registry.yaml", "level: national\n", "level: national\nrules:\n  access.unknown-identity: warning\n")
    try lab.seed()
    // Another department's resource and the maintainers' files.
    try lab.edit(HookLab.mpsResource, "update_cycle: 实时", "update_cycle: 每日")
    try lab.commit("无名推送", editing: "access.yaml", "maintainers: [ndrc-admin]", "maintainers: [ndrc-admin, visitor]")
    var outcome = try lab.pushRejected(as: nil, ["main"])
    #expect(outcome.stderr.contains("access.yaml: error[access.unknown-identity]: the pusher is not in access.yaml: no pusher identity"))
    outcome = try lab.pushRejected(as: nil, ["main"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(outcome.stderr.contains("access.yaml: error[access.unknown-identity]"))
    // A stranger who is named gets the warning, and then no path is theirs.
    outcome = try lab.pushRejected(as: "visitor", ["main"])
    #expect(outcome.stderr.contains("access.yaml: warning[access.unknown-identity]"))
    #expect(outcome.stderr.contains("\(HookLab.mpsResource): error[access.path-not-owned]: the push changes a path its department does not own: \"visitor\" has no department in access.yaml"))
    #expect(outcome.stderr.contains("access.yaml: error[access.maintainers-only]"))
    // Nor a path of a department's folder, with no maintainers' file in the push.
    try lab.git("reset", "-q", "--hard", "HEAD~1")
    try lab.commit("发改委资源每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    outcome = try lab.pushRejected(as: "visitor", ["main"])
    #expect(outcome.stderr.contains("\(HookLab.ndrcResource): error[access.path-not-owned]"))
    outcome = try lab.pushRejected(as: nil, ["main"])
    #expect(outcome.stderr.contains("error[access.unknown-identity]"))
    _ = try lab.pushAccepted(as: "ndrc-editor", ["main"])
  }

  @Test("an access.yaml on main that reads only in part rejects every push, naming its first error")
  func malformedAccess() throws {
    let lab = try HookLab(install: false)
    // Misspelt: signed commits would silently not be required.
    try lab.edit("access.yaml", "require_signed_commits: false", "require_signed_commit: true")
    try lab.seed()
    try lab.must([lab.mulu, "hooks", "install", "--server", lab.server], in: lab.root)
    try lab.commit("每周更新（未签名）", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    try Self.refused(
      lab, as: "ndrc-editor", ["main"],
      english: ["cannot read access.yaml of refs/heads/main (access.yaml:7: schema.unknown-field: ", "require_signed_commit"],
      chinese: "无法读取 refs/heads/main 的 access.yaml（access.yaml:7：schema.unknown-field：")
  }

  @Test("a maintainer's push cannot leave an access.yaml that locks every later push out")
  func lockOut() throws {
    let lab = try HookLab.seeded()
    try lab.git("rm", "-q", "access.yaml")
    try lab.commit("删除 access.yaml")
    var outcome = try lab.pushRejected(as: Self.maintainer, ["main"])
    #expect(outcome.stderr.contains("access.yaml: error[tree.layout]: a path outside the registry layout: access.yaml is missing"))
    try lab.git("reset", "-q", "--hard", "HEAD~1")

    try lab.write("access.yaml", "")
    try lab.commit("清空 access.yaml")
    outcome = try lab.pushRejected(as: Self.maintainer, ["main"])
    #expect(outcome.stderr.contains("access.yaml: error[schema.required]"))
    #expect(outcome.stderr.contains("push rejected: 1 error"))
    try lab.git("reset", "-q", "--hard", "HEAD~1")

    try lab.commit("只保护 release", editing: "access.yaml", "protected_branches: [main]", "protected_branches: [release]")
    try Self.refused(
      lab, as: Self.maintainer, ["main"],
      english: ["access.yaml: error[schema.enum]: a value outside its enumeration: none of protected_branches (release) exists after the push"],
      chinese: "access.yaml: error[schema.enum]: 取值不在规定范围内：protected_branches（release）在推送后都不存在")
    // Created in the same push, the branch is there afterwards.
    _ = try lab.pushAccepted(as: Self.maintainer, ["main", "main:release"])

    // Main's access.yaml is read first on the next push, though release is now the policy branch.
    try lab.commit("只保护 draft", editing: "access.yaml", "protected_branches: [release]", "protected_branches: [draft]")
    outcome = try lab.pushRejected(as: Self.maintainer, ["main"])
    #expect(outcome.stderr.contains("none of protected_branches (draft) exists after the push"))
    try lab.git("reset", "-q", "--hard", "HEAD~1")

    // The branch pushed counts; the registry goes on.
    try lab.commit("保护 main", editing: "access.yaml", "protected_branches: [release]", "protected_branches: [main, draft]")
    _ = try lab.pushAccepted(as: Self.maintainer, ["main"])
    try lab.commit("每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    _ = try lab.pushAccepted(as: "ndrc-editor", ["main"])
  }
}
