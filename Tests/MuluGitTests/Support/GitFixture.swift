import Foundation
import MuluGit
import MuluTestSupport

/// A real repository built with the git command line: the shared `RegistryBuilder` with no
/// registry files, or a bare repository beside it, with libgit2's view of it.
final class GitFixture: @unchecked Sendable {
  let builder: RegistryBuilder
  var sandbox: Sandbox { builder.sandbox }
  /// The folder of the working tree (or repository) in the sandbox.
  var name: String { builder.folder }
  /// The working tree (or, when bare, the repository directory).
  var path: String { builder.path }
  /// git in the fixture, with fixed dates and settings: each run is one minute after the
  /// previous one, from 2026-01-01 00:00:00 UTC.
  var git: Git { builder.runner }
  /// git's environment, without dates: no user or system configuration, fixed identities.
  var environment: [String: String] { git.environment }

  init(bare: Bool = false, name: String = "repo", sandbox: Sandbox? = nil) throws {
    builder = try RegistryBuilder(files: [:], in: sandbox, at: name, repository: !bare)
    if bare { try builder.git("init", "-q", "--bare") }
  }

  /// The object id a revision names, per git.
  func id(_ revision: String) throws -> ObjectID {
    let hex = try git("rev-parse", "--verify", "--end-of-options", revision, in: path)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard let id = ObjectID(hex: hex) else { throw TestFailure("\(revision) names \(hex)") }
    return id
  }

  func write(_ relativePath: String, _ contents: String, executable: Bool = false) throws {
    try builder.write(relativePath, contents)
    try FileManager.default.setAttributes(
      [.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: path + "/" + relativePath)
  }

  func remove(_ relativePath: String) throws { try builder.remove(relativePath) }

  /// Stages everything and commits; returns the new commit.
  @discardableResult
  func commitAll(_ message: String) throws -> ObjectID {
    try builder.commit(message)
    return try id("HEAD")
  }

  func open() throws -> Repository { try Repository.open(at: path) }
}

extension GitFixture {
  /// Starts git without waiting for it; the caller waits on the process.
  func startGit(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: path)
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }
}

extension GitFixture {
  /// Commits `files` (path → contents) on top of `branch` with one
  /// `git fast-import` run: fast enough for thousands of files. Paths must
  /// not need quoting (no spaces, quotes or newlines).
  @discardableResult
  func importFiles(_ files: [(String, String)], message: String, branch: String = "main") throws
    -> ObjectID
  {
    var stream: [UInt8] = []
    func append(_ text: String) { stream.append(contentsOf: Array(text.utf8)) }
    func data(_ text: String) { append("data \(text.utf8.count)\n\(text)\n") }
    let hasParent = (try? id("refs/heads/\(branch)")) != nil
    append("commit refs/heads/\(branch)\n")
    append("committer 李四 <lisi@example.cn> \(git.clock.advance()) +0800\n")
    data(message)
    if hasParent { append("from refs/heads/\(branch)^0\n") }
    for (path, contents) in files {
      append("M 100644 inline \(path)\n")
      data(contents)
    }
    append("\n")
    try Program.output(["git", "fast-import", "--quiet"], in: path, environment: environment, input: stream)
    return try id("refs/heads/\(branch)")
  }
}
