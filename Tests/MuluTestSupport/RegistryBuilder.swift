import Foundation
import MuluCatalog

/// A registry as a test builds it: the one place that writes `registry.yaml`, the dictionaries
/// and the resource files into a folder of a sandbox, makes the folder a Git repository, commits
/// with the test's one clock (`TestClock`, through `Git`) and edits files with the one edit helper
/// (`String.edited`). Every other fixture (the labs, the hook's server, the diff and report
/// registries) builds its registries with it.
public final class RegistryBuilder: @unchecked Sendable {
  public let sandbox: Sandbox
  /// The folder in the sandbox.
  public let folder: String
  /// The git that runs every git command of the registry; its clock dates the commits.
  public let runner: Git
  /// The clock of the commits.
  public var clock: TestClock { runner.clock }

  /// The registry's absolute path.
  public var path: String { sandbox(folder) }

  /// Writes `files` (path in the registry → text; by default the baseline of the rule examples)
  /// into `folder` of `sandbox` (a new one unless given) and, when `repository`, makes it a
  /// repository whose first branch is main. `git` (by default one in the registry, from 2026-01-01, a minute a run) runs every
  /// git command and dates the commits; a lab passes its own, so that all its repositories share
  /// one clock.
  public init(
    files: [String: String] = Baseline.files, in sandbox: Sandbox? = nil, at folder: String = "registry",
    git: Git? = nil, repository: Bool = true
  ) throws {
    self.sandbox = try sandbox ?? Sandbox()
    self.folder = folder
    runner = git ?? Git(in: self.sandbox(folder), home: self.sandbox.path)
    try FileManager.default.createDirectory(atPath: self.sandbox(folder), withIntermediateDirectories: true)
    try write(files)
    if repository { try makeRepository() }
  }

  /// Makes the folder a Git repository (`git init`, main as the first branch).
  public func makeRepository() throws {
    try git("init", "-q", "-b", "main")
  }

  /// The sample national registry of the repository (`registry/`), by path.
  public static let sample: [String: String] = {
    var files: [String: String] = [:]
    for (path, bytes) in (try? Sandbox.files(under: packageRoot + "/registry")) ?? [:] {
      files[path] = String(decoding: bytes, as: UTF8.self)
    }
    return files
  }()

  // MARK: Files

  public func write(_ file: String, _ text: String) throws {
    try sandbox.write(folder + "/" + file, text)
  }

  /// Writes many files (path in the registry → text).
  public func write(_ files: [String: String]) throws {
    for (file, text) in files { try write(file, text) }
  }

  public func read(_ file: String) throws -> String {
    try sandbox.read(folder + "/" + file)
  }

  public func exists(_ file: String) -> Bool { sandbox.exists(folder + "/" + file) }

  public func remove(_ file: String) throws {
    try sandbox.remove(folder + "/" + file)
  }

  /// Replaces `old` in a file where it stands once (or, `everywhere`, wherever it stands); throws
  /// when the file does not hold it so (`String.edited`).
  public func edit(_ file: String, replacing old: String, with new: String, everywhere: Bool = false) throws {
    try sandbox.edit(folder + "/" + file, replacing: old, with: new, everywhere: everywhere)
  }

  // MARK: Git

  /// Runs git in the registry (or in `directory`, such as a clone of it), its clock moving its
  /// step first; its standard output.
  @discardableResult
  public func git(_ arguments: String..., in directory: String? = nil, input: [UInt8]? = nil) throws -> String {
    try git(arguments, in: directory, input: input)
  }

  @discardableResult
  public func git(_ arguments: [String], in directory: String? = nil, input: [UInt8]? = nil) throws -> String {
    try runner(arguments, in: directory ?? path, input: input)
  }

  /// Stages everything and commits (an empty commit too), then tags the commit when asked;
  /// returns its full id.
  @discardableResult
  public func commit(_ message: String, tag: String? = nil, options: [String] = []) throws -> String {
    try git("add", "-A")
    try git(["commit", "-q", "--allow-empty", "-m", message] + options)
    if let tag { try git("tag", tag) }
    return try rev("HEAD")
  }

  /// The full id a revision names.
  public func rev(_ revision: String) throws -> String {
    try git("rev-parse", "--verify", "-q", revision).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
