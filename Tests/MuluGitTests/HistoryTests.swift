import Foundation
import MuluGit
import Testing

private func ids(_ output: String) -> [ObjectID] {
  output.split(separator: "\n").compactMap { ObjectID(hex: String($0)) }
}

@Suite struct HistoryTests {
  /// main: A - B - C, feature: B - D - E, and an unrelated orphan branch.
  private func makeBranches() throws -> (GitFixture, [String: ObjectID]) {
    let fixture = try GitFixture()
    var commits: [String: ObjectID] = [:]
    try fixture.write("registry.yaml", "A\n")
    commits["A"] = try fixture.commitAll("A")
    try fixture.write("registry.yaml", "B\n")
    commits["B"] = try fixture.commitAll("B")
    try fixture.write("registry.yaml", "C\n")
    commits["C"] = try fixture.commitAll("C")
    try fixture.git("checkout", "-q", "-b", "feature", commits["B"]!.hex)
    try fixture.write("catalogs/x.yaml", "D\n")
    commits["D"] = try fixture.commitAll("D")
    try fixture.write("catalogs/x.yaml", "E\n")
    commits["E"] = try fixture.commitAll("E")
    try fixture.git("checkout", "-q", "--orphan", "orphan")
    try fixture.write("other.yaml", "O\n")
    commits["O"] = try fixture.commitAll("O")
    try fixture.git("checkout", "-q", "main")
    return (fixture, commits)
  }

  @Test func findsMergeBases() throws {
    let (fixture, c) = try makeBranches()
    let repository = try fixture.open()
    #expect(try repository.mergeBase(c["C"]!, c["E"]!) == c["B"])
    #expect(try repository.mergeBase(c["E"]!, c["C"]!) == c["B"])
    #expect(try repository.mergeBase(c["C"]!, c["A"]!) == c["A"])
    #expect(try repository.mergeBase(c["C"]!, c["C"]!) == c["C"])
    #expect(try repository.mergeBase(c["C"]!, c["O"]!) == nil)
  }

  @Test func tellsAncestry() throws {
    let (fixture, c) = try makeBranches()
    let repository = try fixture.open()
    #expect(try repository.isDescendant(c["C"]!, of: c["A"]!))
    #expect(try repository.isDescendant(c["E"]!, of: c["B"]!))
    #expect(try repository.isDescendant(c["C"]!, of: c["C"]!))
    #expect(try !repository.isDescendant(c["A"]!, of: c["C"]!))
    #expect(try !repository.isDescendant(c["C"]!, of: c["E"]!))
    #expect(try !repository.isDescendant(c["O"]!, of: c["A"]!))
  }

  @Test func countsCommitsAheadAndBehind() throws {
    let (fixture, c) = try makeBranches()
    let repository = try fixture.open()
    let counts = try repository.aheadBehind(c["C"]!, c["E"]!)
    #expect(counts.ahead == 1 && counts.behind == 2)
    #expect(
      try fixture.git("rev-list", "--left-right", "--count", "\(c["C"]!.hex)...\(c["E"]!.hex)")
        == "1\t2\n")
    let same = try repository.aheadBehind(c["E"]!, c["E"]!)
    #expect(same.ahead == 0 && same.behind == 0)
  }

  @Test func walksNewCommitsLikeRevList() throws {
    let (fixture, c) = try makeBranches()
    let repository = try fixture.open()
    #expect(try repository.revwalk(from: [c["E"]!], hiding: [c["C"]!]) == [c["E"]!, c["D"]!])
    #expect(
      try repository.revwalk(from: [c["E"]!], hiding: [.zero], hidingReferences: ["refs/heads/main"])
        == [c["E"]!, c["D"]!])
    // Tags of trees and blobs hide nothing and are no error.
    try fixture.git("tag", "tree-tag", "main^{tree}")
    try fixture.git("tag", "-a", "-m", "blob", "blob-tag", "main:registry.yaml")
    try fixture.git("tag", "-a", "-m", "D", "d-tag", c["D"]!.hex)
    #expect(
      try repository.revwalk(from: [c["E"]!], hiding: [], hidingReferences: ["refs/tags/*"])
        == [c["E"]!])
    #expect(try repository.revwalk(from: [c["C"]!], hiding: [c["E"]!]) == [c["C"]!])
    #expect(try repository.revwalk(from: [c["C"]!], hiding: [c["C"]!]).isEmpty)
    #expect(try repository.revwalk(from: [.zero], hiding: []).isEmpty)

    let all = try repository.revwalk(from: [c["C"]!, c["E"]!], hiding: [])
    #expect(Set(all) == Set(ids(try fixture.git("rev-list", "main", "feature"))))
    #expect(all.count == 5)
    // Children before parents.
    for (child, parent) in [("C", "B"), ("E", "D"), ("D", "B"), ("B", "A")] {
      #expect(all.firstIndex(of: c[child]!)! < all.firstIndex(of: c[parent]!)!)
    }
    let missing = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
    #expect(throws: GitError.self) { try repository.revwalk(from: [missing], hiding: []) }
  }

  @Test func listsTheCommitsThatTouchAPathLikeGitLog() throws {
    let fixture = try GitFixture()
    let path = "catalogs/11100000000000001M/303001001-000001.yaml"
    try fixture.write("registry.yaml", "0\n")
    try fixture.commitAll("root without the file")
    try fixture.write(path, "v1\n")
    try fixture.commitAll("add")
    try fixture.write("registry.yaml", "1\n")
    try fixture.commitAll("unrelated")
    try fixture.write(path, "v1\n", executable: true)
    try fixture.commitAll("mode only")

    // A branch that changes the file and is merged with its version.
    try fixture.git("checkout", "-q", "-b", "taken")
    try fixture.write(path, "v2\n", executable: true)
    try fixture.commitAll("change on a branch")
    try fixture.git("checkout", "-q", "main")
    try fixture.write("registry.yaml", "2\n")
    try fixture.commitAll("unrelated on main")
    try fixture.git("merge", "-q", "--no-ff", "-m", "merge taken", "taken")

    // A branch whose change the merge throws away.
    try fixture.git("checkout", "-q", "-b", "dropped")
    try fixture.write(path, "v3 dropped\n", executable: true)
    try fixture.commitAll("change that will be dropped")
    try fixture.git("checkout", "-q", "main")
    try fixture.git("merge", "-q", "--no-ff", "-s", "ours", "-m", "merge dropped", "dropped")

    // Deleted, then added back.
    try fixture.git("rm", "-q", path)
    try fixture.commitAll("delete")
    try fixture.write(path, "v4\n")
    try fixture.commitAll("restore")
    try fixture.write("registry.yaml", "3\n")
    let tip = try fixture.commitAll("unrelated at the tip")

    let repository = try fixture.open()
    let touching = try repository.commitsTouching(path: path, from: tip)
    let expected = ids(try fixture.git("log", "--format=%H", tip.hex, "--", path))
    #expect(touching == expected)
    // add, mode only, change on a branch, delete, restore: the merges are
    // the same as one parent, and the dropped change is not followed.
    #expect(touching.count == 5)
    #expect(try repository.commitsTouching(path: "nowhere.yaml", from: tip).isEmpty)
    #expect(try repository.commitsTouching(path: "registry.yaml", from: tip)
      == ids(try fixture.git("log", "--format=%H", tip.hex, "--", "registry.yaml")))
  }
}
