import Foundation
import MuluGit
import MuluTestSupport
import Testing

/// A small registry with every kind of entry and some awkward names.
private func makeRegistry() throws -> GitFixture {
  let fixture = try GitFixture()
  try fixture.write("registry.yaml", "format: 1\nname: 国家政务信息资源目录\n")
  try fixture.write("catalogs/11100000000000001M/303001001-000001.yaml", "code: 303001001/000001\n")
  try fixture.write("catalogs/11100000000000001M/303001001-000002.yaml", "code: 303001001/000002\n")
  try fixture.write("catalogs/a.yaml", "a\n")
  try fixture.write("catalogs.yaml", "sorts after the catalogs directory\n")
  try fixture.write("docs/说明 文件.md", "# 说明\n")
  try fixture.write("-leading-dash.yaml", "dash\n")
  try fixture.write("a:colon.yaml", "colon\n")
  try fixture.write("tools/run.sh", "#!/bin/sh\necho 目录\n", executable: true)
  try FileManager.default.createSymbolicLink(
    atPath: fixture.path + "/link", withDestinationPath: "registry.yaml")
  try fixture.git("add", "-A")
  try fixture.git(
    "update-index", "--add", "--cacheinfo",
    "160000,0123456789abcdef0123456789abcdef01234567,vendor/lib")
  try fixture.git("commit", "-q", "-m", "初始目录\n\n第一版。")
  return fixture
}

/// `git ls-tree -r` of a revision, as tree entries.
private func lsTree(_ fixture: GitFixture, _ revision: String) throws -> [TreeEntry] {
  try fixture.git("ls-tree", "-r", "-z", "--full-tree", revision)
    .split(separator: "\0")
    .map { line in
      let parts = line.split(separator: "\t", maxSplits: 1)
      let fields = parts[0].split(separator: " ")
      return TreeEntry(
        path: String(parts[1]), mode: FileMode(rawValue: UInt32(fields[0], radix: 8)!),
        id: ObjectID(hex: String(fields[2]))!)
    }
}

@Suite struct RevisionTests {
  @Test func resolvesWhatRevParseResolves() throws {
    let fixture = try makeRegistry()
    let first = try fixture.id("HEAD")
    try fixture.write("registry.yaml", "format: 1\n")
    let second = try fixture.commitAll("第二版")
    try fixture.git("tag", "light", first.hex)
    try fixture.git("tag", "-a", "v1.0", "-m", "发布 1.0", first.hex)
    try fixture.git("branch", "旧版", first.hex)
    let repository = try fixture.open()

    #expect(try repository.resolveCommit("HEAD") == second)
    #expect(try repository.resolveCommit("main") == second)
    #expect(try repository.resolveCommit("refs/heads/main") == second)
    #expect(try repository.resolveCommit("HEAD~1") == first)
    #expect(try repository.resolveCommit("HEAD^") == first)
    #expect(try repository.resolveCommit("light") == first)
    #expect(try repository.resolveCommit("v1.0") == first)
    #expect(try repository.resolveCommit("旧版") == first)
    #expect(try repository.resolveCommit(String(first.hex.prefix(8))) == first)
    #expect(try repository.resolveCommit(first.hex) == first)
  }

  @Test func unknownRevisionsAndNonCommitsAreErrors() throws {
    let fixture = try makeRegistry()
    let repository = try fixture.open()

    let unknown = try #require(throws: GitError.self) { try repository.resolveCommit("nope") }
    #expect(unknown.isNotFound)
    #expect(unknown.function == "git_revparse_single")
    #expect(unknown.message.contains("nope"))

    #expect(throws: GitError.self) { try repository.resolveCommit("HEAD^{tree}") }
    #expect(throws: GitError.self) { try repository.resolveCommit("HEAD:registry.yaml") }
    #expect(throws: GitError.self) { try repository.resolveCommit("HEAD~5") }
    #expect(throws: GitError.self) { try repository.resolveCommit("") }
  }

  @Test func unbornHeadIsNotACommit() throws {
    let fixture = try GitFixture()
    let repository = try fixture.open()
    let error = try #require(throws: GitError.self) { try repository.resolveCommit("HEAD") }
    #expect(error.isNotFound)
    #expect(repository.headReference == "refs/heads/main")
    #expect(try repository.referenceTarget("HEAD") == nil)
  }
}

@Suite struct ObjectTests {
  @Test func aFolderStoredWithAnOddModeIsAFolder() throws {
    let fixture = try makeRegistry()
    // git tolerates 040755 for a folder (fsck says only "badFilemode") and walks into it.
    let folder = try fixture.id("HEAD:catalogs/11100000000000001M")
    let tree = try Program.output(
      ["git", "mktree"], in: fixture.path, environment: fixture.environment,
      input: Array("40755 tree \(folder.hex)\tX\n".utf8)
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let repository = try fixture.open()
    let id = try #require(ObjectID(hex: tree))
    #expect(try repository.entry(at: "X", inTree: id)?.mode == .tree)
    #expect(try repository.treeChildren(id).map(\.mode) == [.tree])
    #expect(try repository.treeEntries(id).map(\.path) == ["X/303001001-000001.yaml", "X/303001001-000002.yaml"])
  }

  @Test func readsACommit() throws {
    let fixture = try makeRegistry()
    try fixture.write("registry.yaml", "format: 2\n")
    let head = try fixture.commitAll("第二版\n\n改了格式。\n第二行。")
    let repository = try fixture.open()
    let commit = try repository.commit(head)

    #expect(commit.id == head)
    #expect(commit.tree == (try fixture.id("HEAD^{tree}")))
    #expect(commit.parents == [try fixture.id("HEAD~1")])
    #expect(commit.author.name == "张三")
    #expect(commit.author.email == "zhangsan@example.cn")
    #expect(commit.author.offsetMinutes == 480)
    #expect(commit.committer.name == "李四")
    let time = Int64(try fixture.git("log", "-1", "--format=%ct").trimmingCharacters(in: .newlines))
    #expect(commit.committer.time == time)
    #expect(commit.message == "第二版\n\n改了格式。\n第二行。\n")
    #expect(commit.summary == "第二版")

    let root = try repository.commit(commit.parents[0])
    #expect(root.parents.isEmpty)
    #expect(root.summary == "初始目录")
  }

  @Test func listsEveryEntryOfATreeInGitOrder() throws {
    let fixture = try makeRegistry()
    let repository = try fixture.open()
    let head = try fixture.id("HEAD")
    let entries = try repository.treeEntries(ofCommit: head)

    #expect(entries == (try lsTree(fixture, "HEAD")))
    #expect(entries.map(\.path) == [
      "-leading-dash.yaml", "a:colon.yaml", "catalogs.yaml",
      "catalogs/11100000000000001M/303001001-000001.yaml",
      "catalogs/11100000000000001M/303001001-000002.yaml", "catalogs/a.yaml",
      "docs/说明 文件.md", "link", "registry.yaml", "tools/run.sh", "vendor/lib",
    ])
    let modes = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.mode) })
    #expect(modes["registry.yaml"] == .regular)
    #expect(modes["tools/run.sh"] == .executable)
    #expect(modes["link"] == .symlink)
    #expect(modes["vendor/lib"] == .submodule)
    #expect(try repository.treeEntries(repository.commit(head).tree) == entries)
  }

  @Test func findsOneEntryByPath() throws {
    let fixture = try makeRegistry()
    let repository = try fixture.open()
    let tree = try fixture.id("HEAD^{tree}")

    let file = try #require(try repository.entry(at: "docs/说明 文件.md", inTree: tree))
    #expect(file.mode == .regular)
    #expect(file.id == (try fixture.id("HEAD:docs/说明 文件.md")))
    let directory = try #require(try repository.entry(at: "catalogs", inTree: tree))
    #expect(directory.mode == .tree)
    #expect(try repository.entry(at: "vendor/lib", inTree: tree)?.mode == .submodule)
    #expect(try repository.entry(at: "catalogs/none.yaml", inTree: tree) == nil)
    #expect(try repository.entry(at: "registry.yaml/below", inTree: tree) == nil)
    #expect(try repository.entry(at: "没有", inTree: tree) == nil)
  }

  @Test func readsBlobsAndTheirSizes() throws {
    let fixture = try makeRegistry()
    try fixture.write("empty.yaml", "")
    try fixture.commitAll("空文件")
    let repository = try fixture.open()
    let id = try fixture.id("HEAD:registry.yaml")
    let expected = Array("format: 1\nname: 国家政务信息资源目录\n".utf8)

    #expect(try repository.blob(id) == expected)
    #expect(try repository.blobSize(id) == expected.count)
    #expect(try repository.withBlobContents(id) { $0.count } == expected.count)
    let empty = try fixture.id("HEAD:empty.yaml")
    #expect(try repository.blob(empty) == [])
    #expect(try repository.blobSize(empty) == 0)

    let tree = try fixture.id("HEAD^{tree}")
    #expect(throws: GitError.self) { try repository.blob(tree) }
    #expect(throws: GitError.self) { try repository.blobSize(tree) }
    let missing = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
    let error = try #require(throws: GitError.self) { try repository.blob(missing) }
    #expect(error.isNotFound)
    #expect((try? repository.blobSize(missing)) == nil)
  }

  @Test func readsBlobsFromPacks() throws {
    let fixture = try makeRegistry()
    try fixture.git("gc", "-q", "--aggressive")
    let repository = try fixture.open()
    let id = try fixture.id("HEAD:catalogs/a.yaml")
    #expect(try repository.blob(id) == Array("a\n".utf8))
    #expect(try repository.blobSize(id) == 2)
    #expect(try repository.treeEntries(ofCommit: fixture.id("HEAD")) == (try lsTree(fixture, "HEAD")))
  }

  @Test func tellsTheKindOfAnObject() throws {
    let fixture = try makeRegistry()
    try fixture.git("tag", "-a", "v1.0", "-m", "发布")
    let repository = try fixture.open()
    #expect(try repository.objectType(fixture.id("HEAD")) == .commit)
    #expect(try repository.objectType(fixture.id("HEAD^{tree}")) == .tree)
    #expect(try repository.objectType(fixture.id("HEAD:registry.yaml")) == .blob)
    #expect(try repository.objectType(fixture.id("refs/tags/v1.0")) == .tag)
    let missing = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
    #expect(try repository.objectType(missing) == nil)
  }
}

@Suite struct ReferenceTests {
  @Test func readsAnnotatedTags() throws {
    let fixture = try makeRegistry()
    let head = try fixture.id("HEAD")
    try fixture.git("tag", "-a", "v2026.01.1", "-m", "2026 年 1 月发布\n\nMulu-Resources: 2")
    try fixture.git("tag", "-a", "again", "-m", "tag of a tag", "v2026.01.1")
    try fixture.git("tag", "light")
    let repository = try fixture.open()

    let tagID = try #require(try repository.referenceTarget("refs/tags/v2026.01.1"))
    #expect(tagID != head)
    let tag = try #require(try repository.annotatedTag(tagID))
    #expect(tag.id == tagID)
    #expect(tag.name == "v2026.01.1")
    #expect(tag.target == head)
    #expect(tag.targetKind == .commit)
    #expect(tag.tagger?.name == "李四")
    #expect(tag.message == "2026 年 1 月发布\n\nMulu-Resources: 2\n")

    let againID = try #require(try repository.referenceTarget("refs/tags/again"))
    let again = try #require(try repository.annotatedTag(againID))
    #expect(again.target == tagID)
    #expect(again.targetKind == .tag)
    #expect(try repository.peelToCommit(again.id) == head)
    #expect(try repository.peelToCommit(head) == head)
    #expect(throws: GitError.self) { try repository.peelToCommit(fixture.id("HEAD^{tree}")) }

    #expect(try repository.referenceTarget("refs/tags/light") == head)
    #expect(try repository.annotatedTag(head) == nil)
    let missing = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
    #expect(try repository.annotatedTag(missing) == nil)
  }

  @Test func listsReferencesByGlob() throws {
    let fixture = try makeRegistry()
    let head = try fixture.id("HEAD")
    try fixture.git("tag", "-a", "v1", "-m", "one")
    try fixture.git("tag", "v0")
    try fixture.git("branch", "sync/ndrc")
    try fixture.git("pack-refs", "--all")
    try fixture.git("tag", "v2")  // loose, next to the packed ones
    let repository = try fixture.open()

    let tags = try repository.references(matching: "refs/tags/*")
    #expect(tags.map(\.name) == ["refs/tags/v0", "refs/tags/v1", "refs/tags/v2"])
    #expect(tags.map(\.target) == [head, try fixture.id("refs/tags/v1"), head])
    let heads = try repository.references(matching: "refs/heads/*")
    #expect(heads.map(\.name) == ["refs/heads/main", "refs/heads/sync/ndrc"])
    #expect(try repository.references(matching: "refs/remotes/*").isEmpty)
  }

  @Test func resolvesReferenceTargets() throws {
    let fixture = try makeRegistry()
    let head = try fixture.id("HEAD")
    let repository = try fixture.open()
    #expect(try repository.referenceTarget("HEAD") == head)
    #expect(try repository.referenceTarget("refs/heads/main") == head)
    #expect(try repository.referenceTarget("refs/heads/none") == nil)
    #expect(repository.headReference == "refs/heads/main")

    try fixture.git("checkout", "-q", "--detach")
    #expect(repository.headReference == nil)
    #expect(try repository.referenceTarget("HEAD") == head)
  }
}

@Suite struct ConfigAndStatusTests {
  @Test func readsAndWritesConfiguration() throws {
    let fixture = try makeRegistry()
    let repository = try fixture.open()
    #expect(try repository.config("core.bare") == "false")
    #expect(try repository.config("mulu.registry") == nil)
    try repository.setConfig("mulu.registry", "国家目录")
    #expect(try repository.config("mulu.registry") == "国家目录")
    #expect(try fixture.git("config", "mulu.registry") == "国家目录\n")
    #expect(throws: GitError.self) { try repository.setConfig("no-section", "x") }

    try repository.setConfig("user.name", "目录管理员")
    try repository.setConfig("user.email", "admin@example.cn")
    let identity = try repository.defaultSignature()
    #expect(identity.name == "目录管理员" && identity.email == "admin@example.cn")
  }

  @Test func seesUncommittedChanges() throws {
    let fixture = try makeRegistry()
    try fixture.write(".gitignore", "*.tmp\n")
    try fixture.commitAll("ignore")
    let repository = try fixture.open()
    #expect(try !repository.hasUncommittedChanges())

    try fixture.write("scratch.tmp", "ignored\n")
    #expect(try !repository.hasUncommittedChanges())

    try fixture.write("registry.yaml", "format: 9\n")
    #expect(try repository.hasUncommittedChanges())
    try fixture.git("checkout", "--", "registry.yaml")
    #expect(try !repository.hasUncommittedChanges())

    try fixture.write("new/file.yaml", "new\n")
    #expect(try repository.hasUncommittedChanges())
    try fixture.git("add", "new/file.yaml")
    try fixture.remove("new/file.yaml")
    #expect(try repository.hasUncommittedChanges())
    try fixture.git("rm", "-q", "--cached", "new/file.yaml")
    #expect(try !repository.hasUncommittedChanges())

    let bare = try GitFixture(bare: true)
    #expect(try !bare.open().hasUncommittedChanges())
  }
}

@Suite struct OddNameTests {
  /// A tree holding names git allows but no String literal in a command
  /// line can carry: invalid UTF-8, a newline, a tab.
  @Test func decodesEveryNameWithoutCrashing() throws {
    let fixture = try GitFixture()
    let blob = try fixture.git(["hash-object", "-w", "--stdin"], input: Array("x\n".utf8))
      .trimmingCharacters(in: .newlines)
    var listing = Data()
    for name in [Data("bad".utf8) + Data([0xff, 0xfe]) + Data(".yaml".utf8),
                 Data("line\nbreak.yaml".utf8), Data("tab\there.yaml".utf8),
                 Data("中文 名称.yaml".utf8)] {
      listing.append(Data("100644 blob \(blob)\t".utf8) + name + Data([0]))
    }
    let tree = try Program.output(
      ["git", "mktree", "-z"], in: fixture.path, environment: fixture.environment, input: Array(listing)
    ).trimmingCharacters(in: .newlines)
    let repository = try fixture.open()
    let treeID = try #require(ObjectID(hex: tree))

    let paths = try repository.treeEntries(treeID).map(\.path)
    #expect(paths == ["bad\u{FFFD}\u{FFFD}.yaml", "line\nbreak.yaml", "tab\there.yaml", "中文 名称.yaml"])
    #expect(try repository.diffTrees(nil, treeID).map(\.path) == paths)
    #expect(try repository.entry(at: "line\nbreak.yaml", inTree: treeID) != nil)
  }
}

@Suite struct WorkingTreeTests {
  @Test func listsWhatDiffersFromATreeInTheWorkingTree() throws {
    let fixture = try makeRegistry()
    try fixture.write(".gitignore", "*.tmp\n")
    let head = try fixture.commitAll("ignore")
    let repository = try fixture.open()
    let tree = try repository.commit(head).tree
    #expect(try repository.workingTreeChanges(from: tree).isEmpty)

    try fixture.write("catalogs/a.yaml", "a changed\n")
    try fixture.remove("catalogs.yaml")
    try fixture.write("catalogs/11100000000000009X/303009001-000001.yaml", "untracked\n")
    try fixture.write("staged.yaml", "staged\n")
    try fixture.git("add", "staged.yaml")
    try fixture.write("tools/run.sh", "#!/bin/sh\necho 目录\n")  // loses its executable bit
    try fixture.remove("registry.yaml")
    try FileManager.default.createSymbolicLink(
      atPath: fixture.path + "/registry.yaml", withDestinationPath: "catalogs/a.yaml")
    try fixture.write("scratch.tmp", "ignored\n")

    let changes = try repository.workingTreeChanges(from: tree)
    #expect(changes.map(\.path) == [
      "catalogs.yaml", "catalogs/11100000000000009X/303009001-000001.yaml", "catalogs/a.yaml",
      "registry.yaml", "staged.yaml", "tools/run.sh",
    ])
    let byPath = Dictionary(uniqueKeysWithValues: changes.map { ($0.path, $0) })
    #expect(byPath["catalogs.yaml"]?.status == .deleted)
    #expect(byPath["catalogs.yaml"]?.oldID == (try fixture.id("HEAD:catalogs.yaml")))
    #expect(byPath["catalogs/11100000000000009X/303009001-000001.yaml"]?.status == .added)
    #expect(byPath["catalogs/a.yaml"]?.status == .modified)
    #expect(byPath["registry.yaml"]?.status == .typeChanged)
    #expect(byPath["registry.yaml"]?.newMode == .symlink)
    #expect(byPath["staged.yaml"]?.status == .added)
    #expect(byPath["tools/run.sh"]?.status == .modified)
    #expect(byPath["tools/run.sh"]?.oldMode == .executable && byPath["tools/run.sh"]?.newMode == .regular)
    #expect(changes.allSatisfy { $0.newID == nil })

    let everything = try repository.workingTreeChanges(from: nil)
    #expect(everything.allSatisfy { $0.status == .added })
    #expect(everything.contains { $0.path == "catalogs/11100000000000009X/303009001-000001.yaml" })
    #expect(!everything.contains { $0.path == "scratch.tmp" })

    let bare = try GitFixture(bare: true)
    #expect(throws: GitError.self) { try bare.open().workingTreeChanges(from: nil) }
  }
}
