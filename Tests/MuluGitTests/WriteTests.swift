import Foundation
import MuluGit
import MuluTestSupport
import Testing

private let zhang = Signature(
  name: "张三", email: "zhangsan@example.cn", time: 1_767_225_600, offsetMinutes: 480)
private let wang = Signature(
  name: "王五", email: "wangwu@example.cn", time: 1_767_229_200, offsetMinutes: -90)

private func makeBase() throws -> GitFixture {
  let fixture = try GitFixture()
  try fixture.write("registry.yaml", "format: 1\n")
  try fixture.write("catalogs/11100000000000001M/303001001-000001.yaml", "code: 1\n")
  try fixture.write("catalogs/11100000000000001M/303001001-000002.yaml", "code: 2\n")
  try fixture.write("catalogs/11100000000000002K/303002001-000001.yaml", "code: 3\n")
  try fixture.write("dictionaries/departments.yaml", "departments: []\n")
  try fixture.commitAll("base")
  return fixture
}

@Suite struct BlobAndTreeWriteTests {
  @Test func writesBlobsAsGitHashesThem() throws {
    let fixture = try GitFixture()
    let repository = try fixture.open()
    let contents = Array("name: 企业投资项目核准信息\n".utf8)
    let id = try repository.writeBlob(contents)
    let gitID = try fixture.git(["hash-object", "--stdin"], input: Array("name: 企业投资项目核准信息\n".utf8))
    #expect(id.hex + "\n" == gitID)
    #expect(try repository.blob(id) == contents)
    let empty = try repository.writeBlob([])
    #expect(empty.hex == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
  }

  @Test func buildsTheSameTreeAsGitFromABaseAndEdits() throws {
    let fixture = try makeBase()
    let repository = try fixture.open()
    let base = try fixture.id("HEAD^{tree}")
    let changed = try repository.writeBlob(Array("code: 2 changed\n".utf8))
    let added = try repository.writeBlob(Array("code: new\n".utf8))
    let script = try repository.writeBlob(Array("#!/bin/sh\n".utf8))
    let subtree = try fixture.id("HEAD:catalogs/11100000000000002K")

    let tree = try repository.buildTree(
      from: base,
      applying: [
        "catalogs/11100000000000001M/303001001-000002.yaml": .upsert(changed, .regular),
        "catalogs/11100000000000001M/303001001-000001.yaml": .remove,
        "catalogs/11100000000000003X/deep/er/303003001-000001.yaml": .upsert(added, .regular),
        "catalogs/11100000000000002K": .remove,
        "dictionaries/departments.yaml": .remove,
        "tools/run.sh": .upsert(script, .executable),
        "copy/of/2K": .upsert(subtree, .tree),
        "not/there.yaml": .remove,
      ])

    // The same edits through a scratch index.
    var environment = fixture.environment
    environment["GIT_INDEX_FILE"] = fixture.sandbox.path + "/scratch-index"
    @discardableResult
    func git(_ arguments: String...) throws -> String {
      try Program.output(["git"] + arguments, in: fixture.path, environment: environment)
    }
    try git("read-tree", base.hex)
    try git(
      "update-index", "--add", "--cacheinfo",
      "100644,\(changed.hex),catalogs/11100000000000001M/303001001-000002.yaml")
    try git("update-index", "--force-remove", "catalogs/11100000000000001M/303001001-000001.yaml")
    try git(
      "update-index", "--add", "--cacheinfo",
      "100644,\(added.hex),catalogs/11100000000000003X/deep/er/303003001-000001.yaml")
    try git("rm", "-q", "-r", "--cached", "catalogs/11100000000000002K")
    try git("rm", "-q", "--cached", "dictionaries/departments.yaml")
    try git("update-index", "--add", "--cacheinfo", "100755,\(script.hex),tools/run.sh")
    try git("read-tree", "--prefix=copy/of/2K/", subtree.hex)
    let expected = try git("write-tree").trimmingCharacters(in: .newlines)

    #expect(tree.hex == expected)
    #expect(try repository.entry(at: "dictionaries", inTree: tree) == nil)
    #expect(try repository.buildTree(from: base, applying: [:]) == base)
  }

  @Test func removingEverythingGivesTheEmptyTree() throws {
    let fixture = try makeBase()
    let repository = try fixture.open()
    let base = try fixture.id("HEAD^{tree}")
    let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    let removed = try repository.buildTree(
      from: base,
      applying: ["registry.yaml": .remove, "catalogs": .remove, "dictionaries": .remove])
    #expect(removed.hex == emptyTree)
    #expect(try repository.buildTree(from: nil, applying: [:]).hex == emptyTree)
    let blob = try repository.writeBlob(Array("x\n".utf8))
    let fresh = try repository.buildTree(from: nil, applying: ["a/b/c.yaml": .upsert(blob, .regular)])
    #expect(try repository.treeEntries(fresh) == [TreeEntry(path: "a/b/c.yaml", mode: .regular, id: blob)])
  }

  @Test func refusesEditsThatCannotApply() throws {
    let fixture = try makeBase()
    let repository = try fixture.open()
    let base = try fixture.id("HEAD^{tree}")
    let blob = try repository.writeBlob(Array("x\n".utf8))
    let missing = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))

    for path in ["", "/registry.yaml", "catalogs//x.yaml", "catalogs/", ".git/config", "a/../b", "."] {
      #expect(throws: GitError.self, "\(path)") {
        try repository.buildTree(from: base, applying: [path: .upsert(blob, .regular)])
      }
    }
    let underFile = try #require(throws: GitError.self) {
      try repository.buildTree(from: base, applying: ["registry.yaml/x": .upsert(blob, .regular)])
    }
    #expect(underFile.message.contains("registry.yaml"))
    #expect(throws: GitError.self) {
      try repository.buildTree(
        from: base, applying: ["catalogs": .upsert(blob, .regular), "catalogs/x": .upsert(blob, .regular)])
    }
    #expect(throws: GitError.self) {
      try repository.buildTree(from: base, applying: ["new.yaml": .upsert(missing, .regular)])
    }
    #expect(throws: GitError.self) {
      try repository.buildTree(from: base, applying: ["new.yaml": .upsert(blob, .tree)])
    }

    // Removing the file first makes room for a directory.
    let replaced = try repository.buildTree(
      from: base, applying: ["registry.yaml": .remove, "registry.yaml/x": .upsert(blob, .regular)])
    #expect(try repository.entry(at: "registry.yaml/x", inTree: replaced)?.id == blob)
  }
}

@Suite struct CommitWriteTests {
  @Test func writesCommitsWithoutMovingAnyReference() throws {
    let fixture = try makeBase()
    let repository = try fixture.open()
    let head = try fixture.id("HEAD")
    let tree = try repository.buildTree(
      from: repository.commit(head).tree,
      applying: ["registry.yaml": .upsert(try repository.writeBlob(Array("format: 2\n".utf8)), .regular)])

    let id = try repository.createCommit(
      tree: tree, parents: [head], author: zhang, committer: wang, message: "同步 ndrc\n\n正文\n")
    #expect(try fixture.id("HEAD") == head)
    let commit = try repository.commit(id)
    #expect(commit.parents == [head])
    #expect(commit.tree == tree)
    #expect(commit.author == zhang)
    #expect(commit.committer == wang)
    #expect(commit.message == "同步 ndrc\n\n正文\n")
    let raw = try fixture.git("cat-file", "commit", id.hex)
    #expect(raw.contains("author 张三 <zhangsan@example.cn> 1767225600 +0800\n"))
    #expect(raw.contains("committer 王五 <wangwu@example.cn> 1767229200 -0130\n"))
    try fixture.git("fsck", "--strict", "--no-dangling", "--no-progress")

    let other = try repository.createCommit(
      tree: tree, parents: [], author: zhang, committer: zhang, message: "root\n")
    let merge = try repository.createCommit(
      tree: tree, parents: [id, other], author: zhang, committer: zhang, message: "merge\n")
    #expect(try repository.commit(merge).parents == [id, other])
    #expect(try repository.mergeBase(id, other) == nil)
  }

  @Test func refusesBadInputs() throws {
    let fixture = try makeBase()
    let repository = try fixture.open()
    let head = try fixture.id("HEAD")
    let tree = try repository.commit(head).tree
    let missing = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
    #expect(throws: GitError.self) {
      try repository.createCommit(tree: tree, parents: [missing], author: zhang, committer: zhang, message: "x\n")
    }
    #expect(throws: GitError.self) {
      try repository.createCommit(tree: head, parents: [], author: zhang, committer: zhang, message: "x\n")
    }
    for name in ["", "a <b>", "line\nbreak"] {
      var bad = zhang
      bad.name = name
      #expect(throws: GitError.self, "\(name)") {
        try repository.createCommit(tree: tree, parents: [], author: bad, committer: zhang, message: "x\n")
      }
    }
  }
}

@Suite struct ReferenceUpdateTests {
  @Test func updatesReferencesOnlyFromTheExpectedValue() throws {
    let fixture = try makeBase()
    let repository = try fixture.open()
    let first = try fixture.id("HEAD")
    try fixture.write("registry.yaml", "format: 2\n")
    let second = try fixture.commitAll("second")
    let name = "refs/heads/sync/ndrc"

    try repository.updateReference(name: name, to: first, expected: nil, message: "sync: start")
    #expect(try repository.referenceTarget(name) == first)
    let exists = try #require(throws: GitError.self) {
      try repository.updateReference(name: name, to: second, expected: nil, message: "again")
    }
    #expect(exists.isConcurrentUpdate)

    try repository.updateReference(name: name, to: second, expected: first, message: "sync: move")
    #expect(try repository.referenceTarget(name) == second)

    // Someone else moved it back meanwhile: the stale update must fail.
    let other = try repository.reopen()
    try other.updateReference(name: name, to: first, expected: second, message: "someone else")
    let stale = try #require(throws: GitError.self) {
      try repository.updateReference(name: name, to: second, expected: second, message: "stale")
    }
    #expect(stale.isConcurrentUpdate)
    #expect(try fixture.id(name) == first)

    let missing = try #require(throws: GitError.self) {
      try repository.updateReference(name: "refs/heads/none", to: first, expected: second, message: "")
    }
    #expect(missing.isConcurrentUpdate)
    #expect(try repository.referenceTarget("refs/heads/none") == nil)

    #expect(throws: GitError.self) {
      try repository.updateReference(name: "HEAD", to: first, expected: second, message: "")
    }
    #expect(repository.headReference == "refs/heads/main")
    #expect(throws: GitError.self) {
      try repository.updateReference(name: "refs/heads/bad..name", to: first, expected: nil, message: "")
    }
  }

  @Test func updatesTheCheckedOutBranchLikeUpdateRef() throws {
    let fixture = try makeBase()
    let repository = try fixture.open()
    let head = try fixture.id("HEAD")
    let tree = try repository.commit(head).tree
    let next = try repository.createCommit(
      tree: tree, parents: [head], author: zhang, committer: zhang, message: "empty\n")
    let branch = try #require(repository.headReference)
    try repository.updateReference(name: branch, to: next, expected: head, message: "sync")
    #expect(try fixture.id("HEAD") == next)
    #expect(try fixture.git("reflog", "-1", "--format=%gs", branch) == "sync\n")
  }

  @Test func deletesReferencesOnlyFromTheExpectedValue() throws {
    let fixture = try makeBase()
    let repository = try fixture.open()
    let head = try fixture.id("HEAD")
    try fixture.write("registry.yaml", "format: 2\n")
    let second = try fixture.commitAll("second")
    try fixture.git("branch", "old", head.hex)

    let moved = try #require(throws: GitError.self) {
      try repository.deleteReference(name: "refs/heads/old", expected: second)
    }
    #expect(moved.isConcurrentUpdate)
    try repository.deleteReference(name: "refs/heads/old", expected: head)
    #expect(try repository.referenceTarget("refs/heads/old") == nil)
    let gone = try #require(throws: GitError.self) {
      try repository.deleteReference(name: "refs/heads/old", expected: head)
    }
    #expect(gone.isNotFound)
  }
}

@Suite struct TagWriteTests {
  @Test func writesTheSameTagObjectAsGit() throws {
    let fixture = try makeBase()
    try fixture.git("tag", "-a", "v2026.01.1", "-m", "2026 年 1 月\n\nMulu-Resources: 3")
    let repository = try fixture.open()
    let gitTagID = try #require(try repository.referenceTarget("refs/tags/v2026.01.1"))
    let gitTag = try #require(try repository.annotatedTag(gitTagID))

    let id = try repository.createAnnotatedTag(
      name: gitTag.name, target: gitTag.target, tagger: #require(gitTag.tagger),
      message: gitTag.message)
    #expect(id == gitTagID)
  }

  @Test func trimsTheTaggerAsGitTrimsACommitter() throws {
    let fixture = try makeBase()
    let repository = try fixture.open()
    var padded = wang
    padded.name = "  " + wang.name + " "
    padded.email = " " + wang.email
    let id = try repository.createAnnotatedTag(
      name: "v1", target: fixture.id("HEAD"), tagger: padded, message: "发布\n", createReference: true)
    let object = try fixture.git("cat-file", "tag", id.hex)
    #expect(object.contains("\ntagger \(wang.name) <\(wang.email)> "), "\(object)")
    try fixture.git("fsck", "--strict", "--no-progress")
  }

  @Test func createsTagsWithOrWithoutTheirReference() throws {
    let fixture = try makeBase()
    let repository = try fixture.open()
    let head = try fixture.id("HEAD")

    let loose = try repository.createAnnotatedTag(
      name: "v1", target: head, tagger: wang, message: "发布\n")
    #expect(try repository.referenceTarget("refs/tags/v1") == nil)
    let tag = try #require(try repository.annotatedTag(loose))
    #expect(tag.target == head && tag.targetKind == .commit && tag.tagger == wang)

    let published = try repository.createAnnotatedTag(
      name: "v2", target: head, tagger: wang, message: "发布\n", createReference: true)
    #expect(try repository.referenceTarget("refs/tags/v2") == published)
    #expect(try fixture.git("describe", "--tags", "--exact-match", head.hex) == "v2\n")
    let again = try #require(throws: GitError.self) {
      try repository.createAnnotatedTag(
        name: "v2", target: head, tagger: wang, message: "again\n", createReference: true)
    }
    #expect(again.isConcurrentUpdate)

    let treeTag = try repository.createAnnotatedTag(
      name: "tree", target: fixture.id("HEAD^{tree}"), tagger: wang, message: "tree\n")
    #expect(try repository.annotatedTag(treeTag)?.targetKind == .tree)
    try fixture.git("fsck", "--strict", "--no-progress")

    let missing = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
    #expect(throws: GitError.self) {
      try repository.createAnnotatedTag(name: "x", target: missing, tagger: wang, message: "x\n")
    }
    for name in ["bad..name", "", "with space", "end."] {
      #expect(throws: GitError.self, "\(name)") {
        try repository.createAnnotatedTag(name: name, target: head, tagger: wang, message: "x\n")
      }
    }
  }
}

@Suite struct CheckoutTests {
  /// A commit on top of the fixture's HEAD changing one file, deleting one
  /// and adding one, with the checked-out branch moved to it.
  private func advance(_ fixture: GitFixture, _ repository: Repository) throws -> (
    old: ObjectID, new: ObjectID
  ) {
    let head = try fixture.id("HEAD")
    let old = try repository.commit(head).tree
    let new = try repository.buildTree(
      from: old,
      applying: [
        "catalogs/11100000000000001M/303001001-000002.yaml":
          .upsert(try repository.writeBlob(Array("code: 2 synced\n".utf8)), .regular),
        "catalogs/11100000000000001M/303001001-000001.yaml": .remove,
        "catalogs/11100000000000003X/303003001-000001.yaml":
          .upsert(try repository.writeBlob(Array("code: new\n".utf8)), .regular),
      ])
    let commit = try repository.createCommit(
      tree: new, parents: [head], author: zhang, committer: zhang, message: "sync\n")
    try repository.updateReference(
      name: #require(repository.headReference), to: commit, expected: head, message: "sync")
    return (old, new)
  }

  @Test func followsAMovedBranchInTheWorkingTree() throws {
    let fixture = try makeBase()
    try fixture.write("registry.yaml", "format: 1 (local edit)\n")
    let repository = try fixture.open()
    let (old, new) = try advance(fixture, repository)

    try repository.checkout(from: old, to: new)
    func read(_ path: String) -> String? {
      FileManager.default.contents(atPath: fixture.path + "/" + path).map {
        String(decoding: $0, as: UTF8.self)
      }
    }
    #expect(read("catalogs/11100000000000001M/303001001-000002.yaml") == "code: 2 synced\n")
    #expect(read("catalogs/11100000000000001M/303001001-000001.yaml") == nil)
    #expect(read("catalogs/11100000000000003X/303003001-000001.yaml") == "code: new\n")
    #expect(read("registry.yaml") == "format: 1 (local edit)\n")
    #expect(try fixture.git("status", "--porcelain") == " M registry.yaml\n")
  }

  @Test func refusesToOverwriteLocalChangesAndWritesNothing() throws {
    let fixture = try makeBase()
    try fixture.write("catalogs/11100000000000001M/303001001-000002.yaml", "local edit\n")
    let repository = try fixture.open()
    let (old, new) = try advance(fixture, repository)

    let error = try #require(throws: GitError.self) { try repository.checkout(from: old, to: new) }
    #expect(error.isCheckoutConflict)
    #expect(error.function == "git_checkout_tree")
    #expect(!FileManager.default.fileExists(
      atPath: fixture.path + "/catalogs/11100000000000003X/303003001-000001.yaml"))
    #expect(FileManager.default.fileExists(
      atPath: fixture.path + "/catalogs/11100000000000001M/303001001-000001.yaml"))
  }

  @Test func refusesToOverwriteAnUntrackedFile() throws {
    let fixture = try makeBase()
    try fixture.write("catalogs/11100000000000003X/303003001-000001.yaml", "untracked\n")
    let repository = try fixture.open()
    let (old, new) = try advance(fixture, repository)
    let error = try #require(throws: GitError.self) { try repository.checkout(from: old, to: new) }
    #expect(error.isCheckoutConflict)
    #expect(
      FileManager.default.contents(
        atPath: fixture.path + "/catalogs/11100000000000003X/303003001-000001.yaml")
        == Data("untracked\n".utf8))
  }
}
