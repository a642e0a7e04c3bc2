import Foundation
import MuluCatalog
import MuluKit
import MuluTestSupport
import Testing

/// `mulu fmt` and `mulu new`/`init` at the level of the library.
@Suite("Formatting and scaffolding")
struct FormattingTests {
  /// The baseline department resource as the sandbox holds it now, read as the engine reads it.
  static func departmentResource(_ sandbox: Sandbox) throws -> Resource? {
    let text = try sandbox.read("registry/" + Baseline.departmentResourcePath)
    guard case .read(let resource) = ResourceComparison.read(Array(text.utf8), path: Baseline.departmentResourcePath, code: nil)
    else { return nil }
    return resource
  }

  @Test("a scrambled file is rewritten to the canonical text; its meaning does not change")
  func rewrite() throws {
    let sandbox = try Sandbox()
    let root = try RegistryBuilder(in: sandbox, repository: false).path
    let workspace = try Workspace(from: root)
    let before = try Self.departmentResource(sandbox)
    try sandbox.write("registry/" + Baseline.departmentResourcePath, Baseline.scrambledDepartmentResource)
    let scrambled = try Self.departmentResource(sandbox)
    #expect(scrambled != nil)
    #expect(scrambled == before)

    let check = try Formatting.run(in: workspace, write: false)
    #expect(check.filter { $0.outcome != .unchanged }.map(\.path) == [Baseline.departmentResourcePath])
    #expect(try sandbox.read("registry/" + Baseline.departmentResourcePath) == Baseline.scrambledDepartmentResource)

    let written = try Formatting.run(in: workspace, write: true)
    #expect(written.first { $0.path == Baseline.departmentResourcePath }?.outcome == .changed)
    #expect(try sandbox.read("registry/" + Baseline.departmentResourcePath) == Baseline.files[Baseline.departmentResourcePath])
    let after = try Self.departmentResource(sandbox)
    #expect(after == before)
    #expect(try Formatting.run(in: workspace, write: true).allSatisfy { $0.outcome == .unchanged })
  }

  /// `mulu fmt` on the baseline with its two resources replaced: each file's outcome, in path
  /// order (国家发展和改革委员会's folder …0001M before 公安部's …1234L), after checking that
  /// neither file was touched.
  func refusals(department: String, base: String) throws -> [Formatting.Outcome] {
    let sandbox = try Sandbox()
    let root = try RegistryBuilder(in: sandbox, repository: false).path
    try sandbox.write("registry/" + Baseline.departmentResourcePath, department)
    try sandbox.write("registry/" + Baseline.baseResourcePath, base)
    let results = try Formatting.run(in: Workspace(from: root), write: true)
    #expect(results.map(\.path) == [Baseline.departmentResourcePath, Baseline.baseResourcePath])
    #expect(try sandbox.read("registry/" + Baseline.departmentResourcePath) == department)
    #expect(try sandbox.read("registry/" + Baseline.baseResourcePath) == base)
    return results.map(\.outcome)
  }

  @Test("comments and YAML errors: refused, named, left alone")
  func refusals() throws {
    let commented = Baseline.files[Baseline.departmentResourcePath]!
      .edited(replacing: "update_cycle: 每月\n", with: "update_cycle: 每月  # 每月 5 日前更新\n")
    let broken = Baseline.files[Baseline.baseResourcePath]!
      .edited(replacing: "name: 人口基本信息\n", with: "name: [人口基本信息\n")
    let outcomes = try refusals(department: commented, base: broken)
    #expect(outcomes.first == .refused(.comments(lines: [24])))
    guard case .refused(.unreadable(let finding?))? = outcomes.last else {
      Issue.record("\(outcomes)")
      return
    }
    #expect(finding.rule == "yaml.syntax")
  }

  @Test("a list or a mapping where the schema wants text or a mapping: refused, left byte for byte")
  func misplacedValues() throws {
    let department = Baseline.files[Baseline.departmentResourcePath]!
      .edited(replacing: "name: 企业投资项目核准信息\n", with: "name: [企业投资, 项目核准]\n")
      .edited(
        replacing: "summary: 企业投资项目核准的申请、受理、批复信息。\n", with: "summary: {text: 企业投资项目核准的申请、受理、批复信息。}\n")
    let base = Baseline.files[Baseline.baseResourcePath]!
      .edited(replacing: "open:\n  to_public: false\n", with: "open:\n  - to_public: false\n")
      .edited(replacing: "  type: KingbaseES\n", with: "  type:   KingbaseES\n")
    #expect(try refusals(department: department, base: base) == [.refused(.misplacedValues), .refused(.misplacedValues)])
  }

  @Test("new: one past the highest 顺序码 ever given, retired ones included")
  func nextCode() throws {
    let sandbox = try Sandbox()
    let root = try RegistryBuilder(in: sandbox, repository: false).path
    let retired = Baseline.files[Baseline.departmentResourcePath]!
      .edited(replacing: "303001001/000001", with: "303001001/000007")
      .edited(replacing: "name: 企业投资项目核准信息", with: "name: 企业投资项目核准信息（旧）")
      + "retired:\n  date: 2026-06-30\n  reason: 职能划转\n"
    try sandbox.write("registry/catalogs/\(Baseline.ndrc)/303001001-000007.yaml", retired)
    let workspace = try Workspace(from: root)
    #expect(try Validation.run(in: workspace).findings.isEmpty)

    let path = try Scaffolding.newResource(in: workspace, provider: Baseline.ndrc, classification: "303001001")
    #expect(path == "catalogs/\(Baseline.ndrc)/303001001-000008.yaml")
    let other = try Scaffolding.newResource(in: workspace, provider: Baseline.ndrc, classification: "303001002")
    #expect(other == "catalogs/\(Baseline.ndrc)/303001002-000001.yaml")
    do {
      _ = try Scaffolding.newResource(in: workspace, provider: Baseline.ndrc, classification: "101001001")
      Issue.record("国家发展和改革委员会 may not publish under 101001001")
    } catch let refusal as Scaffold.Refusal {
      #expect(refusal.rule == "code.prefix-not-owned")
    }
  }

  @Test("init: the 5 + 12 + 8 项 of the Guide, and a registry that validates clean")
  func initialize() throws {
    let sandbox = try Sandbox()
    let written = try Scaffolding.initialize(sandbox("new"), name: "某省政务信息资源目录", level: "provincial")
    #expect(written.contains("registry.yaml"))
    let workspace = try Workspace(from: sandbox("new"))
    let (catalog, findings) = try Validator.load(workspace.workingTree())
    #expect(findings.isEmpty)
    #expect(catalog.settings.level == "provincial")
    #expect(catalog.settings.name == "某省政务信息资源目录")
    #expect(catalog.classification.classes == ["1": "基础信息资源", "2": "主题信息资源", "3": "部门信息资源"])
    let counts = Dictionary(grouping: catalog.classification.items.values, by: \.catalogClass).mapValues(\.count)
    #expect(counts == ["1": 5, "2": 12, "3": 8])
    #expect(try Validation.run(in: workspace).findings.isEmpty)
  }
}
