import MuluCatalog
import MuluGit
import MuluKit
import MuluTestSupport
import Testing

/// docs/rules.md: the same engine gives the same verdict on a working tree and on any commit.
@Suite("Validation")
struct ValidationTests {
  /// The baseline with five errors: 不予共享 with no basis, a copy in 公安部's folder (the code
  /// twice, and a provider that is not the folder's), and a stray file.
  func brokenBaseline(_ sandbox: Sandbox) throws -> RegistryBuilder {
    let registry = try RegistryBuilder(in: sandbox, repository: false)
    let resource = try registry.read(Baseline.departmentResourcePath)
    try registry.edit(
      Baseline.departmentResourcePath,
      replacing: "  type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n  method:\n    class: 共享平台方式\n    type: 接口\n",
      with: "  type: 不予共享\n")
    try registry.write("catalogs/\(Baseline.mps)/303001001-000001.yaml", resource)
    try registry.write("notes.txt", "草稿\n")
    return registry
  }

  @Test("working tree, commit and bare clone: one verdict")
  func sameVerdict() throws {
    let sandbox = try Sandbox()
    let registry = try brokenBaseline(sandbox)
    let root = registry.path
    try registry.makeRepository()
    try registry.commit("示例目录")
    try registry.git("clone", "-q", "--bare", ".", "../bare.git")

    let workingTree = try Validation.run(in: Workspace(from: root))
    let commit = try Validation.run(in: Workspace(from: root), revision: "HEAD")
    let bare = try Validation.run(in: Workspace(from: sandbox("bare.git")), revision: "main")
    #expect(
      workingTree.findings.map(\.rule).sorted()
        == ["code.duplicate", "code.duplicate", "provider.mismatch", "sharing.basis-required", "tree.layout"])
    #expect(workingTree.errorCount == 5)
    #expect(commit == workingTree)
    #expect(bare == workingTree)
  }

  @Test("PATHs limit the report, not what the rules see")
  func limited() throws {
    let sandbox = try Sandbox()
    let root = try brokenBaseline(sandbox).path
    let workspace = try Workspace(from: root)
    let report = try Validation.run(in: workspace, paths: [Baseline.departmentResourcePath])
    #expect(report.findings.map(\.rule) == ["code.duplicate", "sharing.basis-required"])
    let folder = try Validation.run(in: workspace, paths: ["catalogs/\(Baseline.mps)"])
    #expect(folder.findings.map(\.rule) == ["code.duplicate", "provider.mismatch"])
    #expect(try Validation.run(in: workspace, paths: ["."]) == Validation.run(in: workspace))
  }

  @Test("a folder PATH of a revision needs no folder on disk")
  func folderOfRevision() throws {
    let sandbox = try Sandbox()
    let registry = try brokenBaseline(sandbox)
    try registry.makeRepository()
    try registry.commit("示例目录")
    try registry.git("clone", "-q", "--bare", ".", "../bare.git")
    let bare = try Workspace(from: sandbox("bare.git"))
    for path in ["catalogs/\(Baseline.mps)", "catalogs/\(Baseline.mps)/"] {
      let report = try Validation.run(in: bare, revision: "main", paths: [path])
      #expect(report.findings.map(\.rule) == ["code.duplicate", "provider.mismatch"], "\(path)")
    }
    #expect(throws: Workspace.Failure.noSuchPath("catalogs/1110000000000")) {
      try Validation.run(in: bare, revision: "main", paths: ["catalogs/1110000000000"])
    }
  }

  @Test("the sample national registry reads completely and validates clean")
  func sampleRegistry() throws {
    let workspace = try Workspace(from: packageRoot + "/registry")
    let report = try Validation.run(in: workspace)
    #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.path): \($0.rule) \($0.message.en)" })")
    let (catalog, findings) = try Validator.load(try workspace.workingTree())
    #expect(findings.isEmpty)
    #expect(catalog.resources.count == 137)
    #expect(catalog.resources.allSatisfy { $0.isRead })
    #expect(catalog.dictionariesRead)
  }
}
