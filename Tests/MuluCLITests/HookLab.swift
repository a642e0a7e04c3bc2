import Foundation
import MuluCatalog
import MuluKit
import MuluTestSupport
import Testing

/// A place to push to and from: a bare server repository with mulu's pre-receive hook and a
/// clone to commit in, all in one temporary folder, with git isolated from the user's
/// configuration. The registry is the baseline of the rule examples with an `access.yaml`:
/// `ndrc-admin` maintains it, `ndrc-editor` keeps 国家发展和改革委员会's folder and
/// `mps-editor` 公安部's.
final class HookLab: @unchecked Sendable {
  static let ndrc = Baseline.ndrc
  static let mps = Baseline.mps
  static let ndrcResource = Baseline.departmentResourcePath
  static let mpsResource = Baseline.baseResourcePath
  /// The access.yaml of the history rules' examples.
  static let access = PushExample.access

  let sandbox: Sandbox
  let server: String
  /// The clone: the registry, built with the shared builder.
  let registry: RegistryBuilder
  var work: String { registry.path }
  /// The built `mulu`.
  let mulu: String
  /// git in the clone, as it is (no settings); its environment and clock are those of every
  /// program the lab runs: 张三 as author and committer, each run one minute after the previous one,
  /// git's messages untranslated (`Git.isolatedEnvironment`; mulu's language is LANG's).
  private let runner: Git

  /// The environment of every run, without dates; a test may change it.
  var environment: [String: String] {
    get { runner.environment }
    set { runner.environment = newValue }
  }

  var root: String { sandbox.path }

  /// `serverName` may hold characters git quotes, such as ":".
  init(serverName: String = "server.git", install: Bool = true) throws {
    sandbox = try Sandbox()
    server = sandbox(serverName)
    mulu = try MuluBinary.require()
    runner = Git(in: sandbox("work"), home: sandbox.path, author: .zhangsan, committer: .zhangsan, settings: [])
    for pusher in ["MULU_PUSHER", "GL_USERNAME", "GITEA_PUSHER_NAME", "GL_USER", "REMOTE_USER"] {
      runner.environment[pusher] = nil
    }
    runner.environment["LANG"] = "en_US.UTF-8"
    runner.environment["NO_COLOR"] = "1"
    var files = Baseline.files
    files["access.yaml"] = HookLab.access
    registry = try RegistryBuilder(files: files, in: sandbox, at: "work", git: runner)
    try FileManager.default.createDirectory(atPath: server, withIntermediateDirectories: true)
    try must(["git", "init", "-q", "--bare", "-b", "main", server], in: root)
    if install { try must([mulu, "hooks", "install", "--server", server], in: root) }
  }

  // MARK: Running programs

  /// Runs a program in the clone (or in `directory`), one minute after the previous run.
  func run(_ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:], input: String = "")
    throws -> Outcome
  {
    try Program.run(
      arguments, in: directory ?? work, environment: runner.advance().merging(extra) { $1 }, input: Array(input.utf8))
  }

  /// Runs a program that must succeed; its standard output.
  @discardableResult
  func must(_ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:]) throws -> String {
    let outcome = try run(arguments, in: directory, environment: extra)
    guard outcome.status == 0 else { throw CommandFailed(command: arguments, outcome: outcome) }
    return outcome.stdout
  }

  @discardableResult
  func git(_ arguments: String...) throws -> String { try runner(arguments) }

  // MARK: Files and commits

  func write(_ path: String, _ text: String) throws { try registry.write(path, text) }

  func read(_ path: String) throws -> String { try registry.read(path) }

  func edit(_ path: String, _ old: String, _ new: String) throws { try registry.edit(path, replacing: old, with: new) }

  /// Stages everything and commits.
  func commit(_ message: String, _ extra: [String] = []) throws {
    try registry.commit(message, options: extra)
  }

  /// Replaces `old` in a file of the clone and commits the change.
  func commit(_ message: String, editing path: String, _ old: String, _ new: String) throws {
    try edit(path, old, new)
    try commit(message)
  }

  func id(_ revision: String) throws -> String { try registry.rev(revision) }

  // MARK: Pushing

  /// `git push` to the server as `pusher` (nil: no identity), over file:// unless `url` is given.
  func push(as pusher: String?, _ arguments: [String], url: String? = nil, environment extra: [String: String] = [:]) throws
    -> Outcome
  {
    var environment = extra
    if let pusher { environment["MULU_PUSHER"] = pusher }
    return try run(["git", "push", "--porcelain", url ?? "file://" + server] + arguments, environment: environment)
  }

  /// The server's refs, as `git ls-remote` lists them.
  func remoteRefs() throws -> String { try must(["git", "ls-remote", "file://" + server]) }

  /// Pushes that must be refused: the server's refs stay as they were and `git fsck` is clean.
  func pushRejected(
    as pusher: String?, _ arguments: [String], url: String? = nil, environment extra: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Outcome {
    let before = try remoteRefs()
    let outcome = try push(as: pusher, arguments, url: url, environment: extra)
    #expect(outcome.status != 0, "the push should be rejected: \(outcome)", sourceLocation: sourceLocation)
    #expect(try remoteRefs() == before, "the server's refs moved", sourceLocation: sourceLocation)
    let fsck = try run(["git", "fsck", "--no-progress"], in: server)
    #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "git fsck: \(fsck)", sourceLocation: sourceLocation)
    return outcome
  }

  func pushAccepted(
    as pusher: String?, _ arguments: [String], url: String? = nil, environment extra: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Outcome {
    let outcome = try push(as: pusher, arguments, url: url, environment: extra)
    #expect(outcome.status == 0, "the push should be accepted: \(outcome)", sourceLocation: sourceLocation)
    return outcome
  }

  /// A lab whose server's main holds the registry (`seed`).
  static func seeded(serverName: String = "server.git") throws -> HookLab {
    let lab = try HookLab(serverName: serverName)
    try lab.seed()
    return lab
  }

  /// The first push: the maintainer creates main with the registry.
  func seed() throws {
    try commit("国家政务信息资源目录")
    _ = try pushAccepted(as: "ndrc-admin", ["main"])
  }
}
