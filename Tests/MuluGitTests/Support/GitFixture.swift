import Foundation
import MuluGit

/// A temporary directory, removed when the value is released.
final class Sandbox: @unchecked Sendable {
  let path: String

  init() throws {
    let created = FileManager.default.temporaryDirectory
      .appendingPathComponent("mulu-git-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: created, withIntermediateDirectories: true)
    // The real path, as libgit2 reports it back.
    path = created.resolvingSymlinksInPath().path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}

struct CommandFailed: Error, CustomStringConvertible {
  var command: [String]
  var status: Int32
  var stderr: String
  var description: String { "\(command.joined(separator: " ")) exited \(status): \(stderr)" }
}

/// The environment every git command of the tests runs in: no user or
/// system configuration, fixed identities, and nothing inherited that
/// would point git at another repository.
func gitEnvironment(sandbox: Sandbox) -> [String: String] {
  var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
  environment["HOME"] = sandbox.path
  environment["GIT_CONFIG_NOSYSTEM"] = "1"
  environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
  environment["GIT_AUTHOR_NAME"] = "张三"
  environment["GIT_AUTHOR_EMAIL"] = "zhangsan@example.cn"
  environment["GIT_COMMITTER_NAME"] = "李四"
  environment["GIT_COMMITTER_EMAIL"] = "lisi@example.cn"
  environment["LC_ALL"] = "C"
  return environment
}

/// Runs a program and returns its standard output; throws when it exits
/// with a non-zero status.
@discardableResult
func run(
  _ arguments: [String], in directory: String, environment: [String: String],
  input: Data? = nil
) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  process.environment = environment
  // Standard error goes to a file, so that only one pipe needs draining.
  let errorPath = FileManager.default.temporaryDirectory.path + "/mulu-git-stderr-" + UUID().uuidString
  guard FileManager.default.createFile(atPath: errorPath, contents: nil) else {
    throw CommandFailed(command: arguments, status: -1, stderr: "cannot create \(errorPath)")
  }
  defer { try? FileManager.default.removeItem(atPath: errorPath) }
  let errorFile = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
  defer { try? errorFile.close() }
  let output = Pipe()
  process.standardOutput = output
  process.standardError = errorFile
  let inputPipe = Pipe()
  process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
  try process.run()
  if let input {
    try inputPipe.fileHandleForWriting.write(contentsOf: input)
    try inputPipe.fileHandleForWriting.close()
  }
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    throw CommandFailed(command: arguments, status: process.terminationStatus, stderr: errorText)
  }
  return String(decoding: outputData, as: UTF8.self)
}

/// A real repository built with the git command line.
final class GitFixture: @unchecked Sendable {
  let sandbox: Sandbox
  /// The working tree (or, when bare, the repository directory).
  let path: String
  let environment: [String: String]
  /// Each commit is one minute after the previous one, so that dates are
  /// fixed and ordered.
  private var clock: Int = 1_767_225_600  // 2026-01-01 00:00:00 UTC

  init(bare: Bool = false, name: String = "repo", sandbox: Sandbox? = nil) throws {
    self.sandbox = try sandbox ?? Sandbox()
    path = self.sandbox.path + "/" + name
    environment = gitEnvironment(sandbox: self.sandbox)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try git(["init", "-q"] + (bare ? ["--bare"] : []))
  }

  /// Runs git in the fixture with fixed dates and settings.
  @discardableResult
  func git(
    _ arguments: [String], environment extra: [String: String] = [:], input: String? = nil
  ) throws -> String {
    clock += 60
    var environment = self.environment
    environment["GIT_AUTHOR_DATE"] = "@\(clock) +0800"
    environment["GIT_COMMITTER_DATE"] = "@\(clock) +0800"
    environment.merge(extra) { $1 }
    return try run(
      ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false",
       "-c", "tag.gpgsign=false", "-c", "core.autocrlf=false"] + arguments,
      in: path, environment: environment, input: input.map { Data($0.utf8) })
  }

  @discardableResult
  func git(_ arguments: String...) throws -> String { try git(arguments) }

  /// The object id a revision names, per git.
  func id(_ revision: String) throws -> ObjectID {
    let hex = try git("rev-parse", "--verify", "--end-of-options", revision)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard let id = ObjectID(hex: hex) else { throw CommandFailed(command: [revision], status: 0, stderr: hex) }
    return id
  }

  func write(_ relativePath: String, _ contents: String, executable: Bool = false) throws {
    let url = URL(fileURLWithPath: path + "/" + relativePath)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: url)
    try FileManager.default.setAttributes(
      [.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: url.path)
  }

  func remove(_ relativePath: String) throws {
    try FileManager.default.removeItem(atPath: path + "/" + relativePath)
  }

  /// Stages everything and commits; returns the new commit.
  @discardableResult
  func commitAll(_ message: String) throws -> ObjectID {
    try git("add", "-A")
    try git("commit", "-q", "--allow-empty", "-m", message)
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
    var stream = Data()
    func append(_ text: String) { stream.append(contentsOf: Array(text.utf8)) }
    func data(_ text: String) { append("data \(text.utf8.count)\n\(text)\n") }
    let hasParent = (try? id("refs/heads/\(branch)")) != nil
    append("commit refs/heads/\(branch)\n")
    append("committer 李四 <lisi@example.cn> 1767225600 +0800\n")
    data(message)
    if hasParent { append("from refs/heads/\(branch)^0\n") }
    for (path, contents) in files {
      append("M 100644 inline \(path)\n")
      data(contents)
    }
    append("\n")
    try run(
      ["git", "fast-import", "--quiet"], in: path, environment: environment, input: stream)
    return try id("refs/heads/\(branch)")
  }
}
