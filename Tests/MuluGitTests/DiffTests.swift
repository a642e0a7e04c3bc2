import Foundation
import MuluGit
import Testing

/// `git diff-tree -r --no-renames` between two trees (nil: the empty tree),
/// as tree changes.
private func gitDiffTree(_ fixture: GitFixture, _ old: ObjectID?, _ new: ObjectID?) throws
  -> [TreeChange]
{
  let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
  let output = try fixture.git(
    "diff-tree", "-r", "-z", "--no-renames", old?.hex ?? emptyTree, new?.hex ?? emptyTree)
  var fields = output.split(separator: "\0", omittingEmptySubsequences: false)[...]
  var changes: [TreeChange] = []
  while let header = fields.popFirst(), !header.isEmpty, let path = fields.popFirst() {
    let parts = header.dropFirst().split(separator: " ")
    let oldMode = UInt32(parts[0], radix: 8)!
    let newMode = UInt32(parts[1], radix: 8)!
    let status: ChangeStatus =
      switch parts[4] {
      case "A": .added
      case "D": .deleted
      case "T": .typeChanged
      default: .modified
      }
    changes.append(
      TreeChange(
        path: String(path), status: status,
        oldID: oldMode == 0 ? nil : ObjectID(hex: String(parts[2])),
        newID: newMode == 0 ? nil : ObjectID(hex: String(parts[3])),
        oldMode: oldMode == 0 ? nil : FileMode(rawValue: oldMode),
        newMode: newMode == 0 ? nil : FileMode(rawValue: newMode)))
  }
  return changes
}

@Suite struct DiffTests {
  /// Two commits with every kind of change between them.
  private func makeHistory() throws -> (GitFixture, ObjectID, ObjectID) {
    let fixture = try GitFixture()
    try fixture.write("registry.yaml", "format: 1\n")
    try fixture.write("catalogs/11100000000000001M/303001001-000001.yaml", "code: 1\n")
    try fixture.write("catalogs/11100000000000001M/303001001-000002.yaml", "code: 2\n")
    try fixture.write("catalogs/11100000000000002K/303002001-000001.yaml", "code: 3\n")
    for index in 0..<30 {
      try fixture.write("unchanged/dir\(index)/file.yaml", "\(index)\n")
    }
    try fixture.write("mode.sh", "#!/bin/sh\n")
    try fixture.write("becomes-link", "target\n")
    try fixture.write("becomes-dir", "file\n")
    try fixture.write("was-dir/inner.yaml", "inner\n")
    try fixture.write("a", "a\n")
    try fixture.write("a-b", "a-b\n")
    try fixture.write("a.b/c", "c\n")
    try fixture.write("删除 我.yaml", "gone\n")
    let old = try fixture.commitAll("old")

    try fixture.write("catalogs/11100000000000001M/303001001-000002.yaml", "code: 2 changed\n")
    try fixture.write("catalogs/11100000000000001M/303001001-000003.yaml", "code: new\n")
    try fixture.remove("catalogs/11100000000000002K")
    try fixture.write("mode.sh", "#!/bin/sh\n", executable: true)
    try fixture.remove("becomes-link")
    try FileManager.default.createSymbolicLink(
      atPath: fixture.path + "/becomes-link", withDestinationPath: "registry.yaml")
    try fixture.remove("becomes-dir")
    try fixture.write("becomes-dir/now.yaml", "dir\n")
    try fixture.remove("was-dir")
    try fixture.write("was-dir", "now a file\n")
    try fixture.remove("a")
    try fixture.write("a/inside", "a is a directory\n")
    try fixture.write("a.b/c", "c changed\n")
    try fixture.remove("删除 我.yaml")
    try fixture.git("add", "-A")
    try fixture.git(
      "update-index", "--add", "--cacheinfo",
      "160000,0123456789abcdef0123456789abcdef01234567,vendor/lib")
    try fixture.git("commit", "-q", "-m", "new")
    return (fixture, old, try fixture.id("HEAD"))
  }

  @Test func agreesWithGitDiffTreeInBothDirectionsAndAgainstNothing() throws {
    let (fixture, oldCommit, newCommit) = try makeHistory()
    let repository = try fixture.open()
    let old = try repository.commit(oldCommit).tree
    let new = try repository.commit(newCommit).tree

    for (from, to) in [(old, new), (new, old), (nil, new), (old, nil)] as [(ObjectID?, ObjectID?)] {
      let changes = try repository.diffTrees(from, to)
      #expect(changes == (try gitDiffTree(fixture, from, to)), "\(String(describing: from)) → \(String(describing: to))")
    }
    #expect(try repository.diffTrees(old, old).isEmpty)
    #expect(try repository.diffTrees(nil, nil).isEmpty)
  }

  @Test func reportsEachKindOfChange() throws {
    let (fixture, oldCommit, newCommit) = try makeHistory()
    let repository = try fixture.open()
    let changes = try repository.diffTrees(
      repository.commit(oldCommit).tree, repository.commit(newCommit).tree)
    let status = Dictionary(uniqueKeysWithValues: changes.map { ($0.path, $0.status) })

    #expect(status["catalogs/11100000000000001M/303001001-000002.yaml"] == .modified)
    #expect(status["catalogs/11100000000000001M/303001001-000003.yaml"] == .added)
    #expect(status["catalogs/11100000000000002K/303002001-000001.yaml"] == .deleted)
    #expect(status["mode.sh"] == .modified)
    #expect(status["becomes-link"] == .typeChanged)
    #expect(status["becomes-dir"] == .deleted)
    #expect(status["becomes-dir/now.yaml"] == .added)
    #expect(status["was-dir/inner.yaml"] == .deleted)
    #expect(status["was-dir"] == .added)
    #expect(status["删除 我.yaml"] == .deleted)
    #expect(status["vendor/lib"] == .added)
    #expect(!status.keys.contains { $0.hasPrefix("unchanged/") })

    let mode = try #require(changes.first { $0.path == "mode.sh" })
    #expect(mode.oldID == mode.newID)
    #expect(mode.oldMode == .regular && mode.newMode == .executable)
    let link = try #require(changes.first { $0.path == "becomes-link" })
    #expect(link.newMode == .symlink)
  }

  @Test func streamsChangesWithoutCollectingThem() throws {
    let (fixture, oldCommit, newCommit) = try makeHistory()
    let repository = try fixture.open()
    let old = try repository.commit(oldCommit).tree
    let new = try repository.commit(newCommit).tree
    var seen: [String] = []
    try repository.forEachChange(old, new) { seen.append($0.path) }
    #expect(seen == (try repository.diffTrees(old, new).map(\.path)))

    struct Stop: Error {}
    var calls = 0
    #expect(throws: Stop.self) {
      try repository.forEachChange(old, new) { _ in
        calls += 1
        throw Stop()
      }
    }
    #expect(calls == 1)
  }

  @Test("a folder of thousands of files with a few changed, near names and kinds among them")
  func largeFolder() throws {
    let fixture = try GitFixture()
    let folder = "catalogs/111000000000900008/"
    func file(_ number: Int) -> String { folder + "303001001-\(String(format: "%06d", number)).yaml" }
    var files = (0..<3000).map { (file($0), "\($0)\n") }
    files += [(folder + "303001001-000100.yaml.bak", "x\n"), (folder + "303001001-0001/inner", "y\n"), ("other/a", "a\n")]
    let old = try fixture.importFiles(files, message: "old")
    let changed = [
      (file(0), "changed\n"), (file(1234), "changed\n"), (file(2999), "changed\n"), (file(3000), "new\n"),
      (folder + "303001001-000100", "now a file beside the folder 303001001-0001/\n"),
      (folder + "303001001-0001/inner2", "z\n"), ("other/b", "b\n"),
    ]
    try fixture.importFiles(changed, message: "new")
    try fixture.git("read-tree", "main")
    try fixture.git("rm", "-q", "--cached", file(1500), folder + "303001001-000100.yaml.bak")
    try fixture.git(
      "update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,\(file(17))")
    try fixture.git(
      "update-index", "--cacheinfo", "100755,\(try fixture.id("main:" + file(18)).hex),\(file(18))")
    let tree = try fixture.git("write-tree").trimmingCharacters(in: .whitespacesAndNewlines)
    let new = try #require(ObjectID(hex: tree))
    let repository = try fixture.open()
    let oldTree = try repository.commit(old).tree
    for (from, to) in [(oldTree, new), (new, oldTree)] {
      let changes = try repository.diffTrees(from, to)
      #expect(changes == (try gitDiffTree(fixture, from, to)))
    }
    let changes = try repository.diffTrees(oldTree, new)
    #expect(changes.count == 11)
    #expect(changes.first { $0.path == file(17) }?.status == .typeChanged)
    #expect(changes.first { $0.path == file(18) }?.status == .modified)
  }
}

extension DiffTests {
  /// Runs of unchanged entries are passed over by comparing bytes in blocks: changes next to
  /// each other, at the ends, and anywhere among the blocks, with names growing and shrinking.
  @Test("random changes in a large folder, as git diff-tree finds them", arguments: [1, 2, 3, 4])
  func randomChanges(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    let fixture = try GitFixture()
    let folder = "catalogs/111000000000900008/"
    func file(_ number: Int) -> String { folder + "303001001-\(String(format: "%06d", number)).yaml" }
    let count = 2500
    let old = try fixture.importFiles((0..<count).map { (file($0), "\($0)\n") }, message: "old")
    var changed: [(String, String)] = []
    var removed: [String] = []
    var number = Int.random(in: 0..<3, using: &random)
    while number < count + 3 {
      switch Int.random(in: 0..<4, using: &random) {
      case 0: changed.append((file(number), "changed \(seed)\n"))
      case 1: changed.append((file(number) + "x", "a longer name\n"))
      case 2 where number < count: removed.append(file(number))
      default: changed.append((folder + "303001001-\(number).yaml", "a shorter name\n"))
      }
      // Often the next entry, sometimes far on.
      number += Bool.random(using: &random) ? 1 : Int.random(in: 2..<400, using: &random)
    }
    try fixture.importFiles(changed, message: "new")
    try fixture.git("read-tree", "main")
    if !removed.isEmpty { try fixture.git(["rm", "-q", "--cached"] + removed) }
    let tree = try fixture.git("write-tree").trimmingCharacters(in: .whitespacesAndNewlines)
    let new = try #require(ObjectID(hex: tree))
    let repository = try fixture.open()
    let oldTree = try repository.commit(old).tree
    for (from, to) in [(oldTree, new), (new, oldTree)] {
      #expect(try repository.diffTrees(from, to) == (try gitDiffTree(fixture, from, to)))
    }
  }
}

/// SplitMix64: the same changes for a seed on every run.
private struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
