import MuluCatalog
import MuluKit
import MuluTestSupport
import Testing

/// Where a command works: the registry found upward, paths the user gives, and what it cannot read.
@Suite("Workspace")
struct WorkspaceTests {
  @Test("the registry is found upward from a sub-folder; user paths become registry paths")
  func foundUpward() throws {
    let sandbox = try Sandbox()
    let root = try sandbox.writeBaseline()
    let workspace = try Workspace(from: root + "/catalogs/" + Baseline.ndrc)
    #expect(workspace.root == root)
    #expect(workspace.start == root + "/catalogs/" + Baseline.ndrc)
    #expect(workspace.registryPath("303001001-000001.yaml") == Baseline.departmentResourcePath)
    #expect(workspace.registryPath(".") == "catalogs/\(Baseline.ndrc)/")
    #expect(workspace.registryPath("../\(Baseline.mps)") == "catalogs/\(Baseline.mps)/")
    #expect(workspace.registryPath("../\(Baseline.mps)/") == "catalogs/\(Baseline.mps)/")
    #expect(workspace.registryPath("../..") == "")
    #expect(workspace.registryPath("../../../elsewhere.yaml") == nil)
    #expect(workspace.registryPath(root + "/registry.yaml") == "registry.yaml")
  }

  @Test("failures name what could not be read")
  func failures() throws {
    let sandbox = try Sandbox()
    try sandbox.write("plain/README.md", "不是目录库\n")
    let plain = try Workspace(from: sandbox("plain"))
    #expect(throws: Workspace.Failure.notARegistry(sandbox("plain"))) { try Validation.run(in: plain) }
    #expect(throws: Workspace.Failure.self) { try Workspace(from: sandbox("missing")) }

    let root = try sandbox.writeBaseline()
    let workspace = try Workspace(from: root)
    #expect(throws: Workspace.Failure.notARepository(root)) { try Validation.run(in: workspace, revision: "HEAD") }
    #expect(throws: Workspace.Failure.noSuchPath("catalogs/nowhere.yaml")) {
      try Validation.run(in: workspace, paths: ["catalogs/nowhere.yaml"])
    }
    try sandbox.git("init", "-q", in: "registry")
    try sandbox.git("add", "-A", in: "registry")
    try sandbox.git("commit", "-q", "-m", "示例目录", in: "registry")
    do {
      _ = try Validation.run(in: workspace, revision: "no-such-branch")
      Issue.record("an unknown revision was accepted")
    } catch {
      guard case .unknownRevision(let revision, _) = error else {
        Issue.record("unexpected failure \(error)")
        return
      }
      #expect(revision == "no-such-branch")
    }
  }
}
