import Foundation
import MuluCatalog

/// A temporary folder of real registry repositories built with the git command line: the
/// national registry (bare, `national.git`), a clone to make national commits in (`work`), and
/// forks of departments and of a province cloned from it. Removed when released.
public final class RegistryLab: @unchecked Sendable {
  public let sandbox: Sandbox
  /// git in every repository of the lab: one clock, one minute a run, from 2026-05-01 08:00 +0800.
  private let runner: Git

  /// 浙江省的两个部门: a provincial registry owns both.
  public static let zjfgw = provincial("11330000000000001")
  public static let zjgat = provincial("11330000000000002")

  public static func provincial(_ first17: String) -> String {
    first17 + String(CreditCode.checkCharacter(for: first17)!)
  }

  public init() throws {
    sandbox = try Sandbox()
    runner = Git(in: sandbox.path, home: sandbox.path, clock: TestClock(at: TestClock.mayDay2026))
    runner.environment["NO_COLOR"] = "1"
  }

  public var root: String { sandbox.path }

  public func path(_ relative: String) -> String { root + "/" + relative }

  /// git's environment at the current (fixed) time, for mulu too.
  public var environment: [String: String] { runner.environmentNow }

  /// Moves the lab's clock on by whole days (a run after it is dated that much later).
  public func advanceClock(days: Int) {
    runner.clock.advance(days: days)
  }

  /// A registry of the lab in `folder`, written from `files` and made a repository when
  /// `repository`; with no files, the repository already there (a clone, a fork).
  @discardableResult
  public func registry(_ folder: String, files: [String: String] = [:], repository: Bool = false) throws
    -> RegistryBuilder
  {
    try RegistryBuilder(files: files, in: sandbox, at: folder, git: runner, repository: repository)
  }

  /// Runs git in `folder` (relative to the lab), one minute later than the previous run.
  @discardableResult
  public func git(_ folder: String, _ arguments: String...) throws -> String {
    try git(folder, arguments)
  }

  @discardableResult
  public func git(_ folder: String, _ arguments: [String]) throws -> String {
    try runner(arguments, in: folder.isEmpty ? root : path(folder))
  }

  /// The full id a revision names.
  public func rev(_ folder: String, _ revision: String) throws -> String {
    try registry(folder).rev(revision)
  }

  /// Whether a revision exists.
  public func has(_ folder: String, _ revision: String) -> Bool {
    (try? rev(folder, revision)) != nil
  }

  public func write(_ folder: String, _ relative: String, _ text: String) throws {
    try registry(folder).write(relative, text)
  }

  public func read(_ folder: String, _ relative: String) throws -> String {
    try registry(folder).read(relative)
  }

  public func edit(_ folder: String, _ relative: String, replacing old: String, with new: String) throws {
    try registry(folder).edit(relative, replacing: old, with: new)
  }

  @discardableResult
  public func commitAll(_ folder: String, _ message: String) throws -> String {
    try registry(folder).commit(message)
  }

  /// Runs the built `mulu` in `folder` with the lab's environment at the current time and
  /// `LANG`; the clock moves on a minute afterwards.
  public func mulu(
    _ arguments: [String], in folder: String = "national.git", language: String = "en_US.UTF-8",
    environment extra: [String: String] = [:]
  ) throws -> Outcome {
    let binary = try MuluBinary.require()
    var environment = self.environment
    environment["LANG"] = language
    environment.merge(extra) { $1 }
    runner.clock.advance()
    return try Program.run([binary] + arguments, in: path(folder), environment: environment)
  }

  public func mulu(_ arguments: String..., in folder: String = "national.git", language: String = "en_US.UTF-8")
    throws -> Outcome
  {
    try mulu(arguments, in: folder, language: language)
  }

  // MARK: The registries

  /// The national registry: the baseline registry, two provincial departments and
  /// `sources.yaml`, committed in `seed`, then cloned bare to `national.git`, cloned to `work`
  /// for national commits, and cloned to one fork per source.
  public func makeNational(sources: String = RegistryLab.sourcesYAML, forks: [String] = ["ndrc", "mps", "zhejiang"])
    throws
  {
    var files = RegistryLab.files
    files["sources.yaml"] = sources
    try registry("seed", files: files, repository: true).commit("国家目录")
    try git("", "clone", "-q", "--bare", "seed", "national.git")
    try git("", "clone", "-q", "national.git", "work")
    for fork in forks { try git("", "clone", "-q", "national.git", fork) }
  }

  /// Commits in `work` and pushes to the national registry.
  @discardableResult
  public func commitNational(_ message: String, _ change: () throws -> Void) throws -> String {
    try git("work", "pull", "-q", "--ff-only")
    try change()
    let id = try commitAll("work", message)
    try git("work", "push", "-q", "origin", "main")
    return id
  }

  /// Makes a fork start over: its main becomes one commit of its files that shares no history
  /// with the national registry. Returns that commit.
  @discardableResult
  public func restartWithoutHistory(_ fork: String) throws -> String {
    try git(fork, "checkout", "-q", "--orphan", "fresh")
    try commitAll(fork, "另起炉灶")
    try git(fork, "branch", "-q", "-M", "main")
    return try rev(fork, "main")
  }

  public static let sourcesYAML = """
    sources:
      - { name: ndrc, url: ../ndrc, branch: main, owns: [\(Baseline.ndrc)] }  # 国家发展和改革委员会
      - { name: mps, url: ../mps, branch: main, owns: [\(Baseline.mps)] }  # 公安部
      - { name: zhejiang, url: ../zhejiang, branch: main, owns: [\(zjfgw), \(zjgat)] }  # 浙江省

    """

  /// The baseline registry with the provincial 项 3/07 and two of 浙江省's departments, each with one resource.
  public static let files: [String: String] = {
    var files = Baseline.files
    let item = "      - { code: \"03\", name: 国务院 }\n"
    files["dictionaries/classification.yaml"] = files["dictionaries/classification.yaml"]!.edited(
      replacing: item, with: item + "      - { code: \"07\", name: 省(自治区、直辖市)及其下各级政务部门 }\n")
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

  public static func provincialResource(code: String, name: String, provider: String, providerName: String) -> String {
    ResourceFixture(
      code: code, name: name, provider: provider, providerName: providerName, summary: "\(name)，按月更新。",
      items: ["{ name: 项目编号, type: C, length: 32 }", "{ name: 登记日期, type: D }"], published: "2026-04-01"
    ).yaml
  }

  /// A new resource of 国家发展和改革委员会, like the baseline's.
  public static func ndrcResource(sequence: String, name: String) -> (path: String, text: String) {
    let text = Baseline.files[Baseline.departmentResourcePath]!
      .edited(replacing: "303001001/000001", with: "303001001/\(sequence)")
      .edited(replacing: "name: 企业投资项目核准信息", with: "name: \(name)")
    return ("catalogs/\(Baseline.ndrc)/303001001-\(sequence).yaml", text)
  }
}
