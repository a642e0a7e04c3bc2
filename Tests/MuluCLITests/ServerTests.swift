import Foundation
import MuluTestSupport
import Testing

/// Pushes through real Git servers on 127.0.0.1, each configured as docs/server-hooks.md says
/// (`Tests/Servers/serverlab.py` takes its configuration from the document's blocks marked
/// *tested*) and stopped by PID: sshd with a forced command and with git-shell, nginx +
/// fcgiwrap + git-http-backend, Apache + git-http-backend, gitolite with the hook on the
/// repository and as a repo-specific hook. A server that cannot be started fails its test.
@Suite("Through real Git servers", .timeLimit(.minutes(3)))
struct ServerTests {
  @Test("sshd: a forced command with a POSIX login shell, environment= with git-shell")
  func ssh() throws { try ServerLab.check("ssh") }

  @Test("nginx, fcgiwrap and git-http-backend, with basic authentication")
  func nginx() throws { try ServerLab.check("nginx") }

  @Test("Apache with cgid and git-http-backend, with basic authentication")
  func apache() throws { try ServerLab.check("apache") }

  @Test("gitolite: the hook on the repository, and as a repo-specific hook")
  func gitolite() throws { try ServerLab.check("gitolite") }
}

/// A server started by serverlab.py, stopped when released.
final class ServerLab {
  /// One repository behind the server, and how each identity pushes to it.
  struct Target: Decodable {
    struct Pusher: Decodable {
      var url: String
      var environment: [String: String]
    }
    var name: String
    var repository: String
    var pushers: [String: Pusher]

    /// Over HTTP, git asks for a language with Accept-Language, from LANGUAGE (the locale need
    /// not be installed); over ssh, the pusher's LANG goes along (SendEnv, AcceptEnv).
    func speaking(_ language: String) -> [String: String] {
      let http = pushers.values.first?.url.hasPrefix("http") ?? false
      switch (language, http) {
      case ("zh", true): return ["LANGUAGE": "zh_CN"]
      case ("zh", false): return ["LANG": "zh_CN.UTF-8"]
      case (_, true): return ["LANGUAGE": "en"]
      default: return ["LANG": "en_US.UTF-8"]
      }
    }
  }

  static let script = packageRoot + "/Tests/Servers/serverlab.py"
  let sandbox: Sandbox
  let targets: [Target]
  private var root: String { sandbox("servers") }

  init(_ kind: String) throws {
    sandbox = try Sandbox()
    let environment = ProcessInfo.processInfo.environment
    let outcome = try Program.run(
      ["python3", Self.script, "start", kind, "--root", sandbox("servers"), "--mulu", try MuluBinary.require()],
      in: sandbox.path, environment: environment)
    guard outcome.status == 0 else {
      Self.stop(sandbox("servers"))
      throw TestFailure("serverlab.py could not start \(kind) (run scripts/setup.sh as root): \(outcome)")
    }
    targets = try JSONDecoder().decode([Target].self, from: Data(outcome.stdout.utf8))
  }

  deinit { Self.stop(root) }

  static func stop(_ root: String) {
    _ = try? Program.run(
      ["python3", script, "stop", "--root", root], in: "/", environment: ProcessInfo.processInfo.environment)
  }

  /// Starts the server and runs the pushes of `scenario` through each of its repositories.
  static func check(_ kind: String) throws {
    let lab = try ServerLab(kind)
    #expect(!lab.targets.isEmpty)
    for target in lab.targets {
      try scenario(target)
    }
  }

  /// The pushes every server must judge alike.
  static func scenario(_ target: Target) throws {
    let lab = try HookLab(install: false)
    let label = target.name
    func push(_ who: String, _ extra: [String: String] = [:]) throws -> Outcome {
      let pusher = try #require(target.pushers[who])
      return try lab.run(
        ["git", "push", "--porcelain", pusher.url, "main"], environment: pusher.environment.merging(extra) { $1 })
    }
    func serverMain() throws -> String {
      try lab.run(["git", "-c", "safe.directory=*", "--git-dir", target.repository, "rev-parse", "-q", "--verify", "main"])
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    func accepted(_ who: String, _ extra: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation)
      throws -> Outcome
    {
      let outcome = try push(who, extra)
      #expect(outcome.status == 0, "\(label): the push should be accepted: \(outcome)", sourceLocation: sourceLocation)
      #expect(try serverMain() == lab.id("HEAD"), "\(label): main did not move", sourceLocation: sourceLocation)
      return outcome
    }
    func rejected(
      _ who: String, _ finding: String, _ extra: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Outcome {
      let before = try serverMain()
      let outcome = try push(who, extra)
      #expect(outcome.status != 0, "\(label): the push should be rejected: \(outcome)", sourceLocation: sourceLocation)
      #expect(try serverMain() == before, "\(label): main moved", sourceLocation: sourceLocation)
      #expect(outcome.stderr.contains(finding), "\(label): \(outcome)", sourceLocation: sourceLocation)
      return outcome
    }

    // The maintainer's first push creates main.
    try lab.commit("国家政务信息资源目录")
    var outcome = try accepted("ndrc-admin", target.speaking("en"))
    #expect(outcome.stderr.contains("remote: mulu: pusher ndrc-admin"), "\(label): \(outcome)")
    #expect(outcome.stderr.contains("remote: mulu: push accepted: 0 errors, 0 warnings"), "\(label): \(outcome)")

    // 公安部 changes its own resource.
    try lab.commit("公安部：人口基本信息每日更新", editing: HookLab.mpsResource, "update_cycle: 实时", "update_cycle: 每日")
    _ = try accepted("mps-editor")

    // 公安部 changes 国家发展和改革委员会's resource: refused, in the pusher's language.
    try lab.commit("发改委资源每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    outcome = try rejected("mps-editor", "remote: \(HookLab.ndrcResource): error[access.path-not-owned]", target.speaking("en"))
    #expect(outcome.stderr.contains("remote: mulu: push rejected: 1 error, 0 warnings (access.path-not-owned: 1)"), "\(label): \(outcome)")
    outcome = try rejected("mps-editor", "error[access.path-not-owned]", target.speaking("zh"))
    #expect(outcome.stderr.contains("remote: mulu: 推送被拒绝：1 个错误，0 个警告（access.path-not-owned 1 个）"), "\(label): \(outcome)")
    if target.pushers.values.first?.url.hasPrefix("http") == true {
      // A pusher whose git asks for no language gets the server's, Chinese as the document sets it.
      outcome = try rejected("mps-editor", "error[access.path-not-owned]")
      #expect(outcome.stderr.contains("remote: mulu: 推送被拒绝"), "\(label): \(outcome)")
    }

    // Someone access.yaml does not list, with the same change.
    outcome = try rejected("visitor", "remote: access.yaml: error[access.unknown-identity]", target.speaking("en"))
    #expect(outcome.stderr.contains("\"visitor\""), "\(label): \(outcome)")
    // The department that owns the resource pushes it.
    _ = try accepted("ndrc-editor")

    // An invalid resource, in the department's own folder: refused with the rule's id.
    try lab.commit("不予共享（漏了依据）", editing: HookLab.ndrcResource, "  type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n", "  type: 不予共享\n")
    outcome = try rejected("ndrc-editor", "error[sharing.basis-required]", target.speaking("en"))
    #expect(outcome.stderr.contains("remote: \(HookLab.ndrcResource):"), "\(label): \(outcome)")
    try lab.git("reset", "-q", "--hard", "HEAD~1")

    // Git refuses malformed objects itself, and keeps pushed objects uncompressed: the install
    // sets both, gitolite through GIT_CONFIG_KEYS.
    let fsckObjects = try lab.run(["git", "-c", "safe.directory=*", "--git-dir", target.repository, "config", "receive.fsckObjects"])
    #expect(fsckObjects.stdout == "true\n", "\(label): receive.fsckObjects is \(fsckObjects)")
    let looseCompression = try lab.run(["git", "-c", "safe.directory=*", "--git-dir", target.repository, "config", "core.looseCompression"])
    #expect(looseCompression.stdout == "0\n", "\(label): core.looseCompression is \(looseCompression)")

    // The repository is whole, and a clone finds main through HEAD.
    let fsck = try lab.run(["git", "-c", "safe.directory=*", "--git-dir", target.repository, "fsck", "--strict", "--no-progress"])
    #expect(fsck.status == 0 && fsck.stdout.isEmpty && fsck.stderr.isEmpty, "\(label): git fsck --strict: \(fsck)")
    let maintainer = try #require(target.pushers["ndrc-admin"])
    let clone = try lab.run(["git", "clone", maintainer.url, lab.root + "/clone-" + label], environment: maintainer.environment)
    #expect(clone.status == 0, "\(label): \(clone)")
    #expect(!clone.stderr.contains("remote HEAD refers to nonexistent ref"), "\(label): \(clone)")
    #expect(try lab.run(["git", "rev-parse", "HEAD"], in: lab.root + "/clone-" + label).stdout == lab.id("HEAD") + "\n")
  }
}
