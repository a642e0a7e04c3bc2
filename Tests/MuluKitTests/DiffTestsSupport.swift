import Foundation
import MuluCatalog
import MuluGit
import MuluKit
import MuluTestSupport

/// A registry in a real repository for the engine's tests: the shared `RegistryBuilder`, whose
/// clock stands still between commits and moves one minute with each, from 2026-01-01 00:00:00
/// UTC, with the object ids and the views of the repository the engine takes.
final class DiffFixture: @unchecked Sendable {
  let registry: RegistryBuilder
  /// The working tree.
  var path: String { registry.path }
  var git: Git { registry.runner }

  static let ndrc = Baseline.ndrc
  static let mps = Baseline.mps
  /// 国家发展和改革委员会's resource 303001001/000001 (有条件共享, three items).
  static let department = Baseline.departmentResourcePath
  /// 公安部's base resource 101001001/000001 (无条件共享).
  static let base = Baseline.baseResourcePath

  /// Writes `files` (by default the baseline registry) and runs `git init`.
  init(files: [String: String] = Baseline.files) throws {
    let sandbox = try Sandbox()
    registry = try RegistryBuilder(
      files: files, in: sandbox, git: Git(in: sandbox("registry"), home: sandbox.path, clock: TestClock(tick: 0)))
  }

  func write(_ file: String, _ text: String) throws { try registry.write(file, text) }

  func read(_ file: String) throws -> String { try registry.read(file) }

  func edit(_ file: String, _ old: String, _ new: String) throws { try registry.edit(file, replacing: old, with: new) }

  func remove(_ file: String) throws { try registry.remove(file) }

  /// Moves the department resource to 公安部's folder, its provider changed to match, as a
  /// transfer of duties does; the new path.
  func transferDepartmentResource() throws -> String {
    let text = try read(DiffFixture.department)
    try remove(DiffFixture.department)
    let moved = "catalogs/\(Baseline.mps)/303001001-000001.yaml"
    try write(
      moved,
      text.edited(replacing: "code: \(Baseline.ndrc)", with: "code: \(Baseline.mps)")
        .edited(replacing: "name: 国家发展和改革委员会", with: "name: 公安部"))
    return moved
  }

  /// Commits everything one minute after the previous commit, tags; returns the commit.
  @discardableResult
  func commit(_ message: String, tag: String? = nil) throws -> ObjectID {
    git.clock.advance(minutes: 1)
    return try id(registry.commit(message, tag: tag))
  }

  func id(_ revision: String) throws -> ObjectID {
    let hex = try registry.rev(revision)
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
