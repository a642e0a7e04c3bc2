import Foundation
import MuluCatalog
import Testing

/// The built `mulu`, beside the test bundle.
let hookMulu: String = {
  let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("mulu").path
}()

/// What a program did.
struct HookOutcome: CustomStringConvertible {
  var status: Int32
  var output: String
  var errors: String
  var description: String { "exit \(status)\n\(output)\(errors)" }
}

/// A place to push to and from: a bare server repository with mulu's pre-receive hook and a
/// clone to commit in, all in one temporary folder, with git isolated from the user's
/// configuration. The registry is the baseline of the rule examples with an `access.yaml`:
/// `ndrc-admin` maintains it, `ndrc-editor` keeps 国家发展和改革委员会's folder and
/// `mps-editor` 公安部's.
final class HookLab: @unchecked Sendable {
  static let ndrc = "11100000000000001M"
  static let mps = "11100000000001234L"
  static let ndrcResource = "catalogs/11100000000000001M/303001001-000001.yaml"
  static let mpsResource = "catalogs/11100000000001234L/101001001-000001.yaml"
  static let access = """
    maintainers: [ndrc-admin]
    identities:
      - { id: ndrc-editor, department: 11100000000000001M }
      - { id: mps-editor, department: 11100000000001234L }
    protected_branches: [main]
    release_tags: "v*"
    require_signed_commits: false

    """

  let root: String
  let server: String
  let work: String
  var environment: [String: String]
  private var clock = 1_767_225_600

  /// `serverName` may hold characters git quotes, such as ":".
  init(serverName: String = "server.git", install: Bool = true) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-hook-cli-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    root = url.resolvingSymlinksInPath().path
    server = root + "/" + serverName
    work = root + "/work"
    var environment = ProcessInfo.processInfo.environment.filter {
      !$0.key.hasPrefix("GIT_") && !["MULU_PUSHER", "GL_USERNAME", "GITEA_PUSHER_NAME", "GL_USER", "REMOTE_USER"].contains($0.key)
    }
    environment["HOME"] = root
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_AUTHOR_NAME"] = "张三"
    environment["GIT_AUTHOR_EMAIL"] = "zhangsan@example.cn"
    environment["GIT_COMMITTER_NAME"] = "张三"
    environment["GIT_COMMITTER_EMAIL"] = "zhangsan@example.cn"
    environment["LANG"] = "en_US.UTF-8"
    environment["NO_COLOR"] = "1"
    self.environment = environment
    try FileManager.default.createDirectory(atPath: server, withIntermediateDirectories: true)
    try must(["git", "init", "-q", "--bare", "-b", "main", server], in: root)
    if install { try must([hookMulu, "hooks", "install", "--server", server], in: root) }
    try must(["git", "init", "-q", "-b", "main", work], in: root)
    var files = Baseline.files
    files["access.yaml"] = HookLab.access
    for (path, text) in files { try write(path, text) }
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  // MARK: Running programs

  func run(_ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:], input: String = "")
    throws -> HookOutcome
  {
    clock += 60
    var environment = self.environment
    environment["GIT_AUTHOR_DATE"] = "@\(clock) +0800"
    environment["GIT_COMMITTER_DATE"] = "@\(clock) +0800"
    environment.merge(extra) { $1 }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? work)
    process.environment = environment
    let base = root + "/.run-" + UUID().uuidString
    _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
    _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
    _ = FileManager.default.createFile(atPath: base + ".in", contents: Data(input.utf8))
    defer { for suffix in [".out", ".err", ".in"] { try? FileManager.default.removeItem(atPath: base + suffix) } }
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
    let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: base + ".in"))
    try process.run()
    process.waitUntilExit()
    try output.close()
    try errors.close()
    return HookOutcome(
      status: process.terminationStatus,
      output: (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? "",
      errors: (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? "")
  }

  /// Runs a program that must succeed; its standard output.
  @discardableResult
  func must(_ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:]) throws -> String {
    let outcome = try run(arguments, in: directory, environment: extra)
    guard outcome.status == 0 else {
      throw HookLabError(description: "\(arguments.joined(separator: " ")): \(outcome)")
    }
    return outcome.output
  }

  @discardableResult
  func git(_ arguments: String...) throws -> String { try must(["git"] + arguments) }

  // MARK: Files and commits

  func write(_ path: String, _ text: String) throws {
    let url = URL(fileURLWithPath: work + "/" + path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func read(_ path: String) throws -> String { try String(contentsOfFile: work + "/" + path, encoding: .utf8) }

  /// Replaces the first `old` in a file of the clone.
  func edit(_ path: String, _ old: String, _ new: String) throws {
    let text = try read(path)
    guard let range = text.range(of: old) else { throw HookLabError(description: "\(old) not in \(path)") }
    try write(path, text.replacingCharacters(in: range, with: new))
  }

  /// Stages everything and commits.
  func commit(_ message: String, _ extra: [String] = []) throws {
    try git("add", "-A")
    try must(["git", "commit", "-q", "--allow-empty", "-m", message] + extra)
  }

  func id(_ revision: String) throws -> String {
    try git("rev-parse", "--verify", revision).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  // MARK: Pushing

  /// `git push` to the server as `pusher` (nil: no identity), over file:// unless `url` is given.
  func push(as pusher: String?, _ arguments: [String], url: String? = nil, environment extra: [String: String] = [:]) throws
    -> HookOutcome
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
  ) throws -> HookOutcome {
    let before = try remoteRefs()
    let outcome = try push(as: pusher, arguments, url: url, environment: extra)
    #expect(outcome.status != 0, "the push should be rejected: \(outcome)", sourceLocation: sourceLocation)
    #expect(try remoteRefs() == before, "the server's refs moved", sourceLocation: sourceLocation)
    let fsck = try run(["git", "fsck", "--no-progress"], in: server)
    #expect(fsck.status == 0 && !fsck.errors.contains("error"), "git fsck: \(fsck)", sourceLocation: sourceLocation)
    return outcome
  }

  func pushAccepted(
    as pusher: String?, _ arguments: [String], url: String? = nil, environment extra: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> HookOutcome {
    let outcome = try push(as: pusher, arguments, url: url, environment: extra)
    #expect(outcome.status == 0, "the push should be accepted: \(outcome)", sourceLocation: sourceLocation)
    return outcome
  }

  /// The first push: the maintainer creates main with the registry.
  func seed() throws {
    try commit("国家政务信息资源目录")
    _ = try pushAccepted(as: "ndrc-admin", ["main"])
  }
}

struct HookLabError: Error, CustomStringConvertible {
  var description: String
}
