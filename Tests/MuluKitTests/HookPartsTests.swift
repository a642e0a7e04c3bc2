import Foundation
import MuluCatalog
import MuluGit
import MuluTestSupport
import Testing

@testable import MuluKit

@Suite("The parts of the hooks")
struct HookPartsTests {
  @Test("the shims mulu writes are the files of hooks/", arguments: HookInstaller.Kind.allCases)
  func templates(kind: HookInstaller.Kind) throws {
    let file = try String(contentsOfFile: packageRoot + "/hooks/" + kind.rawValue, encoding: .utf8)
    #expect(file == kind.template)
    let script = HookInstaller.script(kind, mulu: "/opt/mulu's tools/bin/mulu")
    #expect(script.contains("exec '/opt/mulu'\\''s tools/bin/mulu' hook \(kind.rawValue)\n"))
    #expect(HookInstaller.isOwn(script, kind))
    #expect(!HookInstaller.isOwn("#!/bin/sh\nexit 0\n", kind))
    #expect(!HookInstaller.isOwn(kind.template.edited(replacing: "exec", with: "echo", everywhere: true), kind))
  }

  @Test("the shim runs under sh with a path that needs quoting")
  func shimRuns() throws {
    let sandbox = try Sandbox()
    let folder = sandbox.path + "/it's here"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let fake = folder + "/mulu"
    try Sandbox.writeExecutable("#!/bin/sh\necho \"$@\"\ncat\n", to: fake)
    let hook = sandbox.path + "/pre-receive"
    try HookInstaller.script(.preReceive, mulu: fake).write(toFile: hook, atomically: true, encoding: .utf8)
    let output = try Program.output(
      ["sh", hook], in: sandbox.path, environment: sandbox.hookEnvironment, input: Array("a b c\n".utf8))
    #expect(output == "hook pre-receive\na b c\n")
  }

  @Test("the pusher is the first identity variable that is set")
  func pusher() {
    #expect(Pusher.identity(in: [:]) == nil)
    #expect(Pusher.identity(in: ["MULU_PUSHER": "  ", "REMOTE_USER": ""]) == nil)
    #expect(Pusher.identity(in: ["REMOTE_USER": "web", "GL_USER": "gitolite"])?.id == "gitolite")
    #expect(Pusher.identity(in: ["GL_USER": "gitolite", "GITEA_PUSHER_NAME": "gitea"])?.variable == "GITEA_PUSHER_NAME")
    #expect(Pusher.identity(in: ["GITEA_PUSHER_NAME": "gitea", "GL_USERNAME": "gitlab"])?.id == "gitlab")
    #expect(Pusher.identity(in: ["GL_USERNAME": "gitlab", "MULU_PUSHER": " ndrc-editor\n"])?.id == "ndrc-editor")
  }

  @Test("git's input lines, and nothing else")
  func refUpdates() throws {
    let zero = String(repeating: "0", count: 40)
    let a = String(repeating: "a", count: 40)
    let updates = try RefUpdate.parse("\(zero) \(a) refs/heads/ndrc/新分支\n\(a) \(zero) refs/tags/v1\n")
    #expect(updates.map(\.name) == ["refs/heads/ndrc/新分支", "refs/tags/v1"])
    #expect(updates[0].isCreation && updates[0].branch == "ndrc/新分支")
    #expect(updates[1].isDeletion && updates[1].tag == "v1")
    #expect(try RefUpdate.parse("") == [])
    for bad in ["\(a) \(a)", "\(a) \(a) main", "x \(a) refs/heads/main", "\(zero) \(zero) refs/heads/main", "\(a)  \(a) refs/heads/a"] {
      #expect(throws: HookFailure.self) { try RefUpdate.parse(bad + "\n") }
    }
  }

  @Test("access.yaml read as a policy")
  func accessPolicy() throws {
    let text = """
      maintainers: [ndrc-admin]
      identities:
        - { id: ndrc-editor, department: 11100000000000001M }
        - { id: ndrc-editor, department: 11100000000001234L }
      protected_branches: []
      require_signed_commits: true

      """
    let (policy, findings) = AccessPolicy.read(Array(text.utf8))
    #expect(findings == [])
    let read = try #require(policy)
    #expect(read.departments(of: "ndrc-editor") == ["11100000000000001M", "11100000000001234L"])
    #expect(read.protectedBranches == ["main"])
    #expect(read.releaseTags == "v*")
    #expect(read.requireSignedCommits)
    #expect(read.knows("ndrc-admin") && read.isMaintainer("ndrc-admin") && !read.knows("visitor"))
    #expect(AccessPolicy.read(Array("maintainers: [\n".utf8)).policy == nil)
  }

  @Test("paths and who may change them")
  func pathScopes() {
    #expect(PathScope("dictionaries/classification.yaml") == .maintainers)
    #expect(PathScope("allowed_signers") == .maintainers)
    #expect(PathScope("catalogs/11100000000000001M/303001001-000001.yaml") == .department("11100000000000001M"))
    #expect(PathScope("catalogs/11100000000000001M/sub/x.yaml") == .department("11100000000000001M"))
    #expect(PathScope("catalogs/x.yaml") == .other)
    #expect(PathScope("README.md") == .other)
  }

  /// A new repository in a sandbox with `paths` staged, each file holding its own path.
  static func staged(_ paths: [String]) throws -> RegistryBuilder {
    let registry = try RegistryBuilder(
      files: Dictionary(uniqueKeysWithValues: paths.map { ($0, $0) }), at: "work")
    try registry.git("add", "-A")
    return registry
  }

  @Test("the staged files as the tree git write-tree makes, whatever the working tree holds")
  func stagedTree() throws {
    let work = try Self.staged(["registry.yaml", "a.txt", "a/b.yaml", "a/c/d.yaml", "b", "数据/表.yaml", "数据.yaml"])
    try work.write("a/b.yaml", "changed, not staged")
    let repository = try Repository.open(at: work.path)
    let tree = try repository.writeIndexTree()
    let git = try work.git("write-tree")
    #expect(tree.hex == git.trimmingCharacters(in: .whitespacesAndNewlines))
    let snapshot = GitSnapshot(repository: repository, tree: tree, label: "index")
    let entry = try #require(try snapshot.entry(at: "a/b.yaml"))
    #expect(try snapshot.read(entry) == Array("a/b.yaml".utf8))
    #expect(try snapshot.names(in: "数据") == ["表.yaml"])
    #expect(try snapshot.list().count == 7)
  }

  @Test("a commit's folders listed as names and as one run of bytes agree")
  func gitSnapshotListing() throws {
    let work = try Self.staged(["registry.yaml", "a.txt", "a/b.yaml", "a/c/d.yaml", "a/Café.yaml", "a/cafe\u{301}.yaml", "b"])
    try work.commit("files")
    let repository = try Repository.open(at: work.path)
    let snapshot = try GitSnapshot(repository: repository, commit: try #require(try repository.referenceTarget("HEAD")))
    // git's order: a folder sorts as its name with "/" after it.
    #expect(try snapshot.names(in: "") == ["a.txt", "a", "b", "registry.yaml"])
    for folder in ["", "a", "a/c", "a.txt", "nowhere"] {
      let listing = try snapshot.listing(of: folder)
      #expect((0..<listing.count).map { listing[$0] } == (try snapshot.names(in: folder)), "\(folder)")
    }
    #expect(try snapshot.listing(of: "a").count == 4)
    #expect(try snapshot.listing(of: "nowhere").count == 0)
  }
}
