import Foundation
import MuluCatalog
import MuluGit
import MuluKit

/// A registry in a real Git repository, built with the git command line in a temporary
/// folder (removed when released): fixed identities and dates, no user configuration.
final class DiffFixture: @unchecked Sendable {
  let sandbox: String
  /// The working tree.
  let path: String
  private var clock = 1_767_225_600  // 2026-01-01 00:00:00 UTC

  static let ndrc = Baseline.ndrc
  static let mps = Baseline.mps
  /// 国家发展和改革委员会's resource 303001001/000001 (有条件共享, three items).
  static let department = Baseline.departmentResourcePath
  /// 公安部's base resource 101001001/000001 (无条件共享).
  static let base = Baseline.baseResourcePath

  /// Writes `files` (by default the small valid registry of the catalog layer) and runs `git init`.
  init(files: [String: String] = Baseline.files) throws {
    let created = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-diff-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: created, withIntermediateDirectories: true)
    sandbox = created.resolvingSymlinksInPath().path
    path = sandbox + "/registry"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try git("init", "-q")
    for (file, text) in files { try write(file, text) }
  }

  deinit {
    try? FileManager.default.removeItem(atPath: sandbox)
  }

  var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    environment["HOME"] = sandbox
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_AUTHOR_NAME"] = "张三"
    environment["GIT_AUTHOR_EMAIL"] = "zhangsan@example.cn"
    environment["GIT_COMMITTER_NAME"] = "李四"
    environment["GIT_COMMITTER_EMAIL"] = "lisi@example.cn"
    environment["GIT_AUTHOR_DATE"] = "@\(clock) +0800"
    environment["GIT_COMMITTER_DATE"] = "@\(clock) +0800"
    environment["LC_ALL"] = "C"
    return environment
  }

  /// Runs git in the repository.
  @discardableResult
  func git(_ arguments: String...) throws -> String {
    try DiffFixture.run(
      ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
       "-c", "core.autocrlf=false"] + arguments,
      in: path, environment: environment)
  }

  func write(_ file: String, _ text: String) throws {
    let url = URL(fileURLWithPath: path + "/" + file)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func read(_ file: String) throws -> String {
    try String(contentsOfFile: path + "/" + file, encoding: .utf8)
  }

  /// Replaces text that must be in the file exactly once.
  func edit(_ file: String, _ old: String, _ new: String) throws {
    let text = try read(file)
    guard text.components(separatedBy: old).count == 2 else {
      throw DiffFixtureError("\(file) does not hold \(old.debugDescription) exactly once")
    }
    try write(file, text.replacingOccurrences(of: old, with: new))
  }

  func remove(_ file: String) throws {
    try FileManager.default.removeItem(atPath: path + "/" + file)
  }

  /// Stages everything, commits one minute after the previous commit, tags; returns the commit.
  @discardableResult
  func commit(_ message: String, tag: String? = nil) throws -> ObjectID {
    clock += 60
    try git("add", "-A")
    try git("commit", "-q", "--allow-empty", "-m", message)
    if let tag { try git("tag", tag) }
    return try id("HEAD")
  }

  func id(_ revision: String) throws -> ObjectID {
    let hex = try git("rev-parse", "--verify", revision).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let id = ObjectID(hex: hex) else { throw DiffFixtureError("rev-parse \(revision): \(hex)") }
    return id
  }

  func repository() throws -> Repository { try Repository.open(at: path) }

  func workspace() throws -> Workspace { try Workspace(from: path) }

  /// Runs a program; throws unless it exits with 0.
  static func run(_ arguments: [String], in directory: String, environment: [String: String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // git's messages are short; read them after the output so that neither pipe fills.
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw DiffFixtureError("\(arguments.joined(separator: " ")): \(String(decoding: err, as: UTF8.self))")
    }
    return String(decoding: out, as: UTF8.self)
  }
}

struct DiffFixtureError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Resources read from text, for the comparison tests.
enum DiffSample {
  /// The department resource of the baseline registry.
  static let department = Baseline.files[Baseline.departmentResourcePath]!

  static func resource(_ text: String) throws -> Resource {
    guard case .read(let resource) = ResourceComparison.read(Array(text.utf8), path: "sample.yaml", code: nil) else {
      throw DiffFixtureError("sample does not read:\n\(text)")
    }
    return resource
  }

  /// The department resource with each `old` text replaced by its `new` text.
  static func edited(_ replacements: [(String, String)]) throws -> String {
    var text = department
    for (old, new) in replacements {
      guard text.contains(old) else { throw DiffFixtureError("sample has no \(old.debugDescription)") }
      text = text.replacingOccurrences(of: old, with: new)
    }
    return text
  }
}
