import Foundation
import MuluTestSupport

/// The sample national registry in a Git repository with two releases, and the sites the built
/// `mulu publish` writes from it.
///
/// v2026.05.1 is `registry/` as it is; v2026.05.2 tightens one resource's sharing, retires
/// another in favour of a third, and renames a fourth.
final class PublishLab {
  let lab: RegistryLab
  static let ndrc = "11100000000090114B"
  /// Retired in v2026.05.2, replaced by `replacement`.
  static let retiredPath = "catalogs/11100000000090114B/303001001-000002.yaml"
  static let retiredCode = "303001001/000002"
  static let replacement = "303001001/000001"
  /// Tightened from 无条件共享 to 有条件共享 in v2026.05.2.
  static let tightenedPath = "catalogs/11100000000090114B/303001003-000001.yaml"

  init(releases: Int = 2) throws {
    lab = try RegistryLab()
    try lab.registry("repo", files: RegistryBuilder.sample, repository: true).commit("国家目录")
    try cut("2026.05.1")
    if releases > 1 {
      try lab.edit(
        "repo", PublishLab.tightenedPath, replacing: "  type: 无条件共享\n",
        with: "  type: 有条件共享\n  condition: 仅向信用监管部门提供\n")
      let retired = try lab.read("repo", PublishLab.retiredPath)
      try lab.write(
        "repo", PublishLab.retiredPath,
        retired + "retired:\n  date: 2026-05-20\n  reason: 与企业投资项目核准信息合并\n  replaced_by: \(PublishLab.replacement)\n")
      try lab.commitAll("repo", "国家发展改革委：收紧严重失信主体名单信息的共享，合并备案信息")
      try cut("2026.05.2")
    }
  }

  var repo: String { lab.path("repo") }

  func cut(_ version: String) throws {
    let outcome = try lab.mulu(["release", "cut", version], in: "repo")
    guard outcome.status == 0 else { throw TestFailure("release cut \(version): \(outcome)") }
  }

  /// `mulu publish` into `folder` of the lab; the outcome, whatever its status.
  func publish(_ arguments: [String] = [], into folder: String = "site", environment: [String: String] = [:])
    throws -> Outcome
  {
    try lab.mulu(["publish", "--out", lab.path(folder)] + arguments, in: "repo", environment: environment)
  }

  /// Every file under a folder, by path relative to it.
  func files(_ folder: String) throws -> [String: Data] {
    try lab.sandbox.snapshot(folder).mapValues { Data($0) }
  }

  /// Runs a Python script of this folder with arguments; its outcome.
  func python(_ script: String, _ arguments: [String]) throws -> Outcome {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/" + script
    return try Program.run(["python3", path] + arguments, in: lab.root, environment: lab.environment)
  }
}
