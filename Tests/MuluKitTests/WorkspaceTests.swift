import MuluCatalog
import MuluKit
import MuluTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Where a command works: the registry found upward, paths the user gives, and what it cannot read.
@Suite("Workspace")
struct WorkspaceTests {
  @Test("the registry is found upward from a sub-folder; user paths become registry paths")
  func foundUpward() throws {
    let sandbox = try Sandbox()
    let root = try RegistryBuilder(in: sandbox, repository: false).path
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

    let registry = try RegistryBuilder(in: sandbox, repository: false)
    let root = registry.path
    let workspace = try Workspace(from: root)
    #expect(throws: Workspace.Failure.notARepository(root)) { try Validation.run(in: workspace, revision: "HEAD") }
    #expect(throws: Workspace.Failure.noSuchPath("catalogs/nowhere.yaml")) {
      try Validation.run(in: workspace, paths: ["catalogs/nowhere.yaml"])
    }
    try registry.makeRepository()
    try registry.commit("示例目录")
    do {
      _ = try Validation.run(in: workspace, revision: "no-such-branch")
      Issue.record("an unknown revision was accepted")
    } catch {
      guard case .unknownRevision(let revision) = error as? Workspace.Failure else {
        Issue.record("unexpected failure \(error)")
        return
      }
      #expect(revision == "no-such-branch")
    }
  }

  @Test("in a Git working tree, files git ignores and does not track are not part of the registry")
  func ignoredFiles() throws {
    let sandbox = try Sandbox()
    let registry = try RegistryBuilder(in: sandbox, repository: false)
    let root = registry.path
    let folder = "catalogs/\(Baseline.ndrc)"
    let strays = [".DS_Store", "\(folder)/.303001001-000001.yaml.swp", "scratch/notes.txt", "notes.txt", "kept.swp"]
    for path in strays { try sandbox.write("registry/" + path, "x\n") }
    func layoutPaths() throws -> Set<String> {
      let report = try Validation.run(in: try Workspace(from: root))
      return Set(report.findings.filter { $0.rule == "tree.layout" }.map(\.path))
    }
    // Outside Git, every file is the registry's.
    #expect(try layoutPaths() == Set(strays))

    try sandbox.write("registry/.gitignore", "*.swp\n.DS_Store\nscratch/\n")
    try registry.makeRepository()
    try registry.git("add", "-A")
    try registry.git("add", "-f", "kept.swp")
    try registry.commit("示例目录")
    // Ignored and untracked: left out; ignored but tracked, or not ignored: reported.
    #expect(try layoutPaths() == ["notes.txt", "kept.swp"])
    // A resource file is read even where a rule ignores it, or its untracked folder.
    try sandbox.write("registry/.git/info/exclude", "*.yaml\ncatalogs/\(Baseline.mps)/\ndictionaries/\n")
    try registry.git("rm", "-q", "-r", "--cached", "catalogs/\(Baseline.mps)")
    let entries = try Workspace(from: root).workingTree().entries.map(\.path)
    #expect(entries.contains(Baseline.departmentResourcePath))
    #expect(entries.contains(Baseline.baseResourcePath))
    #expect(entries.contains("dictionaries/departments.yaml"))

    // A registry in a folder of a larger working tree: the rules above it count too.
    try sandbox.write("outer/.gitignore", "*.tmp\n")
    var files = Baseline.files
    files["draft.tmp"] = "x\n"
    files["draft.txt"] = "x\n"
    let inner = try RegistryBuilder(files: files, in: sandbox, at: "outer/registry", repository: false).path
    try Git(in: sandbox("outer"), home: sandbox.path)("init", "-q")
    let report = try Validation.run(in: try Workspace(from: inner))
    #expect(Set(report.findings.filter { $0.rule == "tree.layout" }.map(\.path)) == ["draft.txt"])
  }

  @Test("a name that is not UTF-8 is a layout finding, not a failure to read the working tree")
  func nameNotUTF8() throws {
    let sandbox = try Sandbox()
    let root = try RegistryBuilder(in: sandbox, repository: false).path
    /// Makes a file (or a folder) whose name ends in the bytes FF FE, which no UTF-8 text has.
    func make(_ parent: String, _ suffix: String, folder: Bool = false) throws {
      let path = Array((root + "/" + parent).utf8) + [0xFF, 0xFE] + Array(suffix.utf8) + [0]
      try path.withUnsafeBytes { raw in
        let name = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
        if folder {
          try #require(mkdir(name, 0o755) == 0)
        } else {
          let file = open(name, O_WRONLY | O_CREAT, 0o644)
          try #require(file >= 0)
          close(file)
        }
      }
    }
    try make("", ".yaml")
    try make("catalogs/\(Baseline.ndrc)/", ".yaml")
    try make("", "", folder: true)
    try make("", "/303001001-000001.yaml")
    let report = try Validation.run(in: try Workspace(from: root))
    let odd = Set(report.findings.filter { $0.rule == "tree.layout" && $0.message.en.contains("invalid encoding") }.map(\.path))
    #expect(odd == ["\u{FFFD}\u{FFFD}.yaml", "catalogs/\(Baseline.ndrc)/\u{FFFD}\u{FFFD}.yaml", "\u{FFFD}\u{FFFD}"])
  }

  @Test("registry.yaml and access.yaml as symbolic links are layout findings, neither followed nor read")
  func metadataSymlinks() throws {
    let sandbox = try Sandbox()
    let root = try RegistryBuilder(in: sandbox, repository: false).path
    try sandbox.write("elsewhere.yaml", "format: 1\nname: 别处\nlevel: national\n")
    for name in ["registry.yaml", "access.yaml"] {
      unlink(root + "/" + name)
      try #require(symlink(sandbox("elsewhere.yaml"), root + "/" + name) == 0)
    }
    let report = try Validation.run(in: try Workspace(from: root))
    #expect(report.findings.map(\.path).sorted() == ["access.yaml", "registry.yaml"])
    #expect(report.findings.allSatisfy { $0.rule == "tree.layout" && $0.message.en.hasSuffix("a symbolic link") })
  }
}
