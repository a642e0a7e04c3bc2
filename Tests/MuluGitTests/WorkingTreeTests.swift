import Foundation
import MuluGit
import Testing

@Suite struct WorkingTreeTests {
  @Test func changesAgainstATreeAsGitSeesThem() throws {
    let fixture = try GitFixture()
    try fixture.write("registry.yaml", "format: 1\n")
    try fixture.write("catalogs/A/1.yaml", "one\n")
    try fixture.write("catalogs/A/2.yaml", "two\n")
    try fixture.write("catalogs/A/3.yaml", "three\n")
    try fixture.write("catalogs/B/4.yaml", "four\n")
    try fixture.write("catalogs/B/5.yaml", "five\n")
    try fixture.write(".gitignore", "*.tmp\n")
    let commit = try fixture.commitAll("v1")
    let repository = try fixture.open()
    let tree = try repository.commit(commit).tree

    try fixture.write("catalogs/A/1.yaml", "one, edited\n")  // modified, not staged
    try fixture.write("catalogs/A/2.yaml", "two, staged\n")  // modified and staged
    try fixture.git("add", "catalogs/A/2.yaml")
    try fixture.write("catalogs/A/3.yaml", "three\n")  // rewritten with the same bytes
    try fixture.remove("catalogs/B/4.yaml")  // deleted
    try fixture.write("catalogs/C/6.yaml", "six\n")  // untracked, in a new folder
    try fixture.write("catalogs/C/7.tmp", "ignored\n")  // ignored
    try fixture.remove("catalogs/B/5.yaml")
    try FileManager.default.createSymbolicLink(atPath: fixture.path + "/catalogs/B/5.yaml", withDestinationPath: "4.yaml")
    try fixture.write("registry.yaml", "format: 2\n")  // outside the paths asked for

    let changes = try repository.diffTreeToWorkingTree(tree, paths: ["catalogs"])
    #expect(changes.map(\.path) == [
      "catalogs/A/1.yaml", "catalogs/A/2.yaml", "catalogs/B/4.yaml", "catalogs/B/5.yaml", "catalogs/C/6.yaml",
      "catalogs/C/7.tmp",
    ])
    #expect(changes.map(\.status) == [.modified, .modified, .deleted, .typeChanged, .added, .added])
    #expect(changes.allSatisfy { $0.newID == nil })
    let blobs = try repository.treeEntries(tree)
    #expect(changes[0].oldID == blobs.first { $0.path == "catalogs/A/1.yaml" }?.id)
    #expect(changes[0].oldMode == .regular && changes[0].newMode == .regular)
    #expect(changes[2].newMode == nil)
    #expect(changes[3].newMode == .symlink)
    #expect(changes[4].oldID == nil && changes[4].oldMode == nil)

    let everything = try repository.diffTreeToWorkingTree(tree)
    #expect(everything.map(\.path).contains("registry.yaml"))
    let fromNothing = try repository.diffTreeToWorkingTree(nil, paths: ["catalogs/A"])
    #expect(fromNothing.map(\.status) == [.added, .added, .added])
  }

  @Test func aBareRepositoryHasNoWorkingTree() throws {
    let fixture = try GitFixture(bare: true)
    let repository = try fixture.open()
    #expect {
      try repository.diffTreeToWorkingTree(nil)
    } throws: { error in
      (error as? GitError)?.isBareRepository == true
    }
  }

  @Test func oneLevelOfATreeAndShortIDs() throws {
    let fixture = try GitFixture()
    try fixture.write("catalogs/B/2.yaml", "two\n")
    try fixture.write("catalogs/A/1.yaml", "one\n")
    try fixture.write("catalogs/readme", "text\n")
    let commit = try fixture.commitAll("v1")
    let repository = try fixture.open()
    let catalogs = try #require(try repository.entry(at: "catalogs", inTree: repository.commit(commit).tree))
    let children = try repository.treeChildren(catalogs.id)
    #expect(children.map(\.path) == ["A", "B", "readme"])
    #expect(children.map(\.mode) == [.tree, .tree, .regular])
    #expect(children[0].id == (try repository.entry(at: "catalogs/A", inTree: repository.commit(commit).tree))?.id)

    let short = try repository.abbreviatedID(commit)
    #expect(short == (try fixture.git("rev-parse", "--short", "HEAD")).trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
