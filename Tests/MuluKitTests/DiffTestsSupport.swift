import Foundation
import MuluCatalog
import MuluGit
import MuluKit
import MuluTestSupport

/// A registry in a real Git repository, built with the git command line in a temporary
/// folder (removed when released): fixed identities and dates, no user configuration.
final class DiffFixture: @unchecked Sendable {
  let sandbox: Sandbox
  /// The working tree.
  let path: String
  /// git in the working tree; its clock moves one minute with each commit, from 2026-01-01 00:00:00 UTC.
  let git: Git

  static let ndrc = Baseline.ndrc
  static let mps = Baseline.mps
  /// 国家发展和改革委员会's resource 303001001/000001 (有条件共享, three items).
  static let department = Baseline.departmentResourcePath
  /// 公安部's base resource 101001001/000001 (无条件共享).
  static let base = Baseline.baseResourcePath

  /// Writes `files` (by default the small valid registry of the catalog layer) and runs `git init`.
  init(files: [String: String] = Baseline.files) throws {
    sandbox = try Sandbox()
    path = sandbox("registry")
    git = Git(in: path, home: sandbox.path, tick: 0)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try git("init", "-q")
    try sandbox.writeRegistry(files, at: "registry")
  }

  func write(_ file: String, _ text: String) throws {
    try sandbox.write("registry/" + file, text)
  }

  func read(_ file: String) throws -> String {
    try sandbox.read("registry/" + file)
  }

  /// Replaces text that must be in the file exactly once.
  func edit(_ file: String, _ old: String, _ new: String) throws {
    guard try read(file).components(separatedBy: old).count == 2 else {
      throw TestFailure("\(file) does not hold \(old.debugDescription) exactly once")
    }
    try sandbox.edit("registry/" + file, replacing: old, with: new)
  }

  func remove(_ file: String) throws {
    try sandbox.remove("registry/" + file)
  }

  /// Moves the department resource to 公安部's folder, its provider changed to match, as a
  /// transfer of duties does; the new path.
  func transferDepartmentResource() throws -> String {
    let text = try read(DiffFixture.department)
    try remove(DiffFixture.department)
    let moved = "catalogs/\(Baseline.mps)/303001001-000001.yaml"
    try write(
      moved,
      text.replacingOccurrences(of: "code: \(Baseline.ndrc)", with: "code: \(Baseline.mps)")
        .replacingOccurrences(of: "name: 国家发展和改革委员会", with: "name: 公安部"))
    return moved
  }

  /// Stages everything, commits one minute after the previous commit, tags; returns the commit.
  @discardableResult
  func commit(_ message: String, tag: String? = nil) throws -> ObjectID {
    git.clock += 60
    try git("add", "-A")
    try git("commit", "-q", "--allow-empty", "-m", message)
    if let tag { try git("tag", tag) }
    return try id("HEAD")
  }

  func id(_ revision: String) throws -> ObjectID {
    let hex = try git("rev-parse", "--verify", revision).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let id = ObjectID(hex: hex) else { throw TestFailure("rev-parse \(revision): \(hex)") }
    return id
  }

  func repository() throws -> Repository { try Repository.open(at: path) }

  func workspace() throws -> Workspace { try Workspace(from: path) }
}

/// Resources read from text, for the comparison tests.
enum DiffSample {
  /// The department resource of the baseline registry.
  static let department = Baseline.files[Baseline.departmentResourcePath]!

  static func resource(_ text: String) throws -> Resource {
    guard case .read(let resource) = ResourceComparison.read(Array(text.utf8), path: "sample.yaml", code: nil) else {
      throw TestFailure("sample does not read:\n\(text)")
    }
    return resource
  }

  /// The department resource with each `old` text replaced by its `new` text.
  static func edited(_ replacements: [(String, String)]) throws -> String {
    replacements.reduce(department) { text, edit in text.edited(replacing: edit.0, with: edit.1) }
  }
}
