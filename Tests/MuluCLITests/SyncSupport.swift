import Foundation
import MuluCatalog
import Testing

/// A temporary folder of real registry repositories built with the git command line: the
/// national registry (bare, `national.git`), a clone to make national commits in (`work`), and
/// forks of departments and of a province cloned from it. Removed when released.
final class RegistryLab: @unchecked Sendable {
  let root: String
  /// Each git command runs one minute after the previous one, from 2026-05-01 08:00 +0800.
  private(set) var clock = 1_777_593_600
  let baseEnvironment: [String: String]

  /// 浙江省的两个部门: a provincial registry owns both.
  static let zjfgw = provincial("11330000000000001")
  static let zjgat = provincial("11330000000000002")

  static func provincial(_ first17: String) -> String {
    first17 + String(CreditCode.checkCharacter(for: first17)!)
  }

  init() throws {
    let created = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-sync-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: created, withIntermediateDirectories: true)
    root = created.resolvingSymlinksInPath().path
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    environment["HOME"] = root
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_AUTHOR_NAME"] = "张三"
    environment["GIT_AUTHOR_EMAIL"] = "zhangsan@example.cn"
    environment["GIT_COMMITTER_NAME"] = "李四"
    environment["GIT_COMMITTER_EMAIL"] = "lisi@example.cn"
    environment["LC_ALL"] = "C"
    environment["NO_COLOR"] = "1"
    baseEnvironment = environment
  }

  deinit {
    try? FileManager.default.removeItem(atPath: root)
  }

  func path(_ relative: String) -> String { root + "/" + relative }

  /// git's environment at the current (fixed) time, for mulu too.
  var environment: [String: String] {
    var environment = baseEnvironment
    environment["GIT_AUTHOR_DATE"] = "@\(clock) +0800"
    environment["GIT_COMMITTER_DATE"] = "@\(clock) +0800"
    return environment
  }

  /// Runs git in `folder` (relative to the lab), one minute later than the previous run.
  @discardableResult
  func git(_ folder: String, _ arguments: String...) throws -> String {
    try git(folder, arguments)
  }

  @discardableResult
  func git(_ folder: String, _ arguments: [String]) throws -> String {
    clock += 60
    let result = try labRun(
      ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
       "-c", "core.autocrlf=false"] + arguments,
      in: folder.isEmpty ? root : path(folder), environment: environment)
    guard result.status == 0 else { throw LabFailure(command: ["git"] + arguments, result: result) }
    return result.stdout
  }

  /// The full id a revision names.
  func rev(_ folder: String, _ revision: String) throws -> String {
    try git(folder, "rev-parse", "--verify", "-q", revision).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Whether a revision exists.
  func has(_ folder: String, _ revision: String) -> Bool {
    (try? rev(folder, revision)) != nil
  }

  func write(_ folder: String, _ relative: String, _ text: String) throws {
    let full = path(folder) + "/" + relative
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: full))
  }

  func read(_ folder: String, _ relative: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path(folder) + "/" + relative)), as: UTF8.self)
  }

  func edit(_ folder: String, _ relative: String, replacing old: String, with new: String) throws {
    let text = try read(folder, relative)
    guard let range = text.range(of: old) else {
      throw LabFailure(command: ["edit", relative], result: LabResult(status: 1, stdout: "", stderr: "no \(old)"))
    }
    try write(folder, relative, text.replacingCharacters(in: range, with: new))
  }

  @discardableResult
  func commitAll(_ folder: String, _ message: String) throws -> String {
    try git(folder, "add", "-A")
    try git(folder, "commit", "-q", "-m", message)
    return try rev(folder, "HEAD")
  }

  // MARK: The registries

  /// The national registry: the baseline registry, two provincial departments and
  /// `sources.yaml`, committed in `seed`, then cloned bare to `national.git`, cloned to `work`
  /// for national commits, and cloned to one fork per source.
  func makeNational(sources: String = RegistryLab.sourcesYAML, forks: [String] = ["ndrc", "mps", "zhejiang"]) throws {
    for (relative, text) in RegistryLab.files { try write("seed", relative, text) }
    try write("seed", "sources.yaml", sources)
    try git("seed", "init", "-q")
    try commitAll("seed", "国家目录")
    try git("", "clone", "-q", "--bare", "seed", "national.git")
    try git("", "clone", "-q", "national.git", "work")
    for fork in forks { try git("", "clone", "-q", "national.git", fork) }
  }

  /// Commits in `work` and pushes to the national registry.
  @discardableResult
  func commitNational(_ message: String, _ change: () throws -> Void) throws -> String {
    try git("work", "pull", "-q", "--ff-only")
    try change()
    let id = try commitAll("work", message)
    try git("work", "push", "-q", "origin", "main")
    return id
  }

  static let sourcesYAML = """
    sources:
      - { name: ndrc, url: ../ndrc, branch: main, owns: [\(Baseline.ndrc)] }  # 国家发展和改革委员会
      - { name: mps, url: ../mps, branch: main, owns: [\(Baseline.mps)] }  # 公安部
      - { name: zhejiang, url: ../zhejiang, branch: main, owns: [\(zjfgw), \(zjgat)] }  # 浙江省

    """

  /// The baseline registry with the provincial 项 3/07 and two of 浙江省's departments, each with one resource.
  static let files: [String: String] = {
    var files = Baseline.files
    let item = "      - { code: \"03\", name: 国务院 }\n"
    precondition(files["dictionaries/classification.yaml"]!.contains(item))
    files["dictionaries/classification.yaml"] = files["dictionaries/classification.yaml"]!.replacingOccurrences(
      of: item, with: item + "      - { code: \"07\", name: 省(自治区、直辖市)及其下各级政务部门 }\n")
    files["dictionaries/departments.yaml"]! += """
        - code: \(zjfgw)
          name: 浙江省发展和改革委员会
          prefix: "307001"
          parent: null
          status: active
        - code: \(zjgat)
          name: 浙江省公安厅
          prefix: "307002"
          parent: null
          status: active

      """
    files["catalogs/\(zjfgw)/307001001-000001.yaml"] = provincialResource(
      code: "307001001/000001", name: "浙江省重大建设项目信息", provider: zjfgw, providerName: "浙江省发展和改革委员会")
    files["catalogs/\(zjgat)/307002001-000001.yaml"] = provincialResource(
      code: "307002001/000001", name: "浙江省机动车登记信息", provider: zjgat, providerName: "浙江省公安厅")
    return files
  }()

  static func provincialResource(code: String, name: String, provider: String, providerName: String) -> String {
    """
    code: \(code)
    name: \(name)
    provider:
      code: \(provider)
      name: \(providerName)
    summary: \(name)，按月更新。
    format:
      class: 电子表格
      type: xlsx
    items:
      - { name: 项目编号, type: C, length: 32 }
      - { name: 登记日期, type: D }
    sharing:
      type: 无条件共享
      method:
        class: 共享平台方式
        type: 文件
    open:
      to_public: false
    update_cycle: 每月
    published: 2026-04-01

    """
  }

  /// A new resource of 国家发展和改革委员会, like the baseline's.
  static func ndrcResource(sequence: String, name: String) -> (path: String, text: String) {
    let text = Baseline.files[Baseline.departmentResourcePath]!
      .replacingOccurrences(of: "303001001/000001", with: "303001001/\(sequence)")
      .replacingOccurrences(of: "name: 企业投资项目核准信息", with: "name: \(name)")
    return ("catalogs/\(Baseline.ndrc)/303001001-\(sequence).yaml", text)
  }

  /// Runs the built `mulu` in `folder` with the lab's environment and `LANG`.
  func mulu(_ arguments: [String], in folder: String = "national.git", language: String = "en_US.UTF-8",
            environment extra: [String: String] = [:]) throws -> LabResult {
    let binary = try #require(MuluBinary.path, "the mulu binary is not beside the test bundle")
    var environment = self.environment
    environment["LANG"] = language
    environment.merge(extra) { $1 }
    clock += 60
    return try labRun([binary] + arguments, in: path(folder), environment: environment)
  }

  func mulu(_ arguments: String..., in folder: String = "national.git", language: String = "en_US.UTF-8") throws
    -> LabResult
  {
    try mulu(arguments, in: folder, language: language)
  }
}

/// Where `swift build` put `mulu`: beside the test bundle.
enum MuluBinary {
  static let path: String? = {
    guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
      return nil
    }
    var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("mulu").path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
      folder.deleteLastPathComponent()
    }
    return nil
  }()
}

struct LabResult: Sendable {
  var status: Int32
  var stdout: String
  var stderr: String
}

struct LabFailure: Error, CustomStringConvertible {
  var command: [String]
  var result: LabResult
  var description: String { "\(command.joined(separator: " ")) exited \(result.status): \(result.stderr)" }
}

/// Runs a program; standard output and error go to files, so no pipe can fill up.
func labRun(_ arguments: [String], in directory: String, environment: [String: String], input: [UInt8]? = nil) throws
  -> LabResult
{
  let io = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-sync-io-" + UUID().uuidString)
  try FileManager.default.createDirectory(at: io, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: io) }
  let outPath = io.appendingPathComponent("out").path
  let errPath = io.appendingPathComponent("err").path
  for path in [outPath, errPath] where !FileManager.default.createFile(atPath: path, contents: nil) {
    throw LabFailure(command: arguments, result: LabResult(status: -1, stdout: "", stderr: "cannot create \(path)"))
  }
  let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
  let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
  defer {
    try? out.close()
    try? err.close()
  }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  process.environment = environment
  process.standardOutput = out
  process.standardError = err
  if let input {
    let inPath = io.appendingPathComponent("in").path
    try Data(input).write(to: URL(fileURLWithPath: inPath))
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
  } else {
    process.standardInput = FileHandle.nullDevice
  }
  try process.run()
  process.waitUntilExit()
  return LabResult(
    status: process.terminationStatus,
    stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
    stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
}
