import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

/// `mulu release`, run as the built binary.
@Suite struct ReleaseCLITests {
  /// What the commands print over one history: the national registry released (v2026.05.1),
  /// released again with nothing new, a resource retired and released in Chinese (v2026.05.2),
  /// a release cut to an existing tag, the list in text and JSON, and the notes between the tags.
  struct Releases: Sendable {
    let first, nothing, second, exists, list, json, notes, unknown: Outcome
    /// main at the first and at the second release, and the first tag's object.
    let main, secondMain, firstTag: String
  }

  static let releases = Result<Releases, any Error> {
    let lab = try RegistryLab()
    try lab.makeNational()
    let main = try lab.rev("national.git", "main")
    let first = try lab.mulu("release", "cut")
    let firstTag = try lab.git("national.git", "cat-file", "tag", "v2026.05.1")
    let nothing = try lab.mulu("release", "cut")
    try lab.commitNational("国家：注销企业投资项目核准信息") {
      try lab.edit(
        "work", Baseline.departmentResourcePath, replacing: "related: [101001001/000001]\n",
        with: "related: [101001001/000001]\nretired:\n  date: 2026-05-02\n  reason: 职能划转\n")
    }
    let second = try lab.mulu("release", "cut", language: "zh_CN.UTF-8")
    return Releases(
      first: first, nothing: nothing, second: second,
      exists: try lab.mulu("release", "cut", "2026.05.2", "--allow-empty"),
      list: try lab.mulu("release", "list"), json: try lab.mulu("release", "list", "--format", "json"),
      notes: try lab.mulu("release", "notes", "v2026.05.1", "v2026.05.2"),
      unknown: try lab.mulu("release", "notes", "v2026.05.1", "v9"),
      main: main, secondMain: try lab.rev("national.git", "main"), firstTag: firstTag)
  }

  @Test func cutPrintsTheNotesThatTheTagCarries() throws {
    let releases = try Self.releases.get()
    let first = releases.first
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      first.stderr
        == "mulu: created release tag v2026.05.1 (\(releases.main.prefix(12)), previous —): 4 active resources, 0 breaking\n")
    // The tag's message is exactly what was printed.
    let object = releases.firstTag
    let message = String(object[object.range(of: "\n\n")!.upperBound...])
    #expect(message == first.stdout)
    #expect(first.stdout.hasPrefix("# Catalog changes: (empty registry) → v2026.05.1\n"))
    #expect(first.stdout.hasSuffix("\n\nResources in force at v2026.05.1: 4.\n\nMulu-Resources: 4\nMulu-Breaking: 0\n"))
  }

  @Test func aCutWithNothingNewSinceThePreviousReleaseIsRefused() throws {
    let nothing = try Self.releases.get().nothing
    #expect(nothing.status == 1)
    #expect(
      nothing.stderr
        == "mulu: error: nothing changed since the previous release v2026.05.1; no tag created (pass --allow-empty to cut one anyway)\n")
  }

  @Test func aRetirementIsABreakingChangeInTheNextReleasesNotes() throws {
    let second = try Self.releases.get().second
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.hasPrefix("# 目录变更：v2026.05.1 → v2026.05.2\n"))
    #expect(second.stdout.contains("## 不兼容变更\n\n### 国家发展和改革委员会（\(Baseline.ndrc)）\n\n- **注销** `303001001/000001` 企业投资项目核准信息\n"))
  }

  @Test func aTagThatExistsIsLeftAsItIs() throws {
    let exists = try Self.releases.get().exists
    #expect(exists.status == 1)
    #expect(exists.stderr == "mulu: error: tag v2026.05.2 exists already and was left as it is\n")
  }

  @Test func theListShowsEachReleaseNewestFirstInTextAndJSON() throws {
    let releases = try Self.releases.get()
    let list = releases.list
    #expect(list.status == 0)
    let second12 = releases.secondMain.prefix(12)
    #expect(
      list.stdout == """
        v2026.05.2  2026-05-01  \(second12)  resources 3  breaking 1
        v2026.05.1  2026-05-01  \(releases.main.prefix(12))  resources 4  breaking 0

        """)
    let json = releases.json
    #expect(json.stdout.hasPrefix("{\"releases\":[{\"tag\":\"v2026.05.2\",\"date\":\"2026-05-01\",\"commit\":\""))
    #expect(json.stdout.contains("\"resources\":3,\"breaking\":1,\"signed\":false,\"on_main\":true}"))
  }

  @Test func theNotesBetweenTwoReleasesCarryNoTrailersAndAnUnknownTagIsBadUsage() throws {
    let releases = try Self.releases.get()
    let notes = releases.notes
    #expect(notes.status == 0)
    #expect(notes.stdout.hasPrefix("# Catalog changes: v2026.05.1 → v2026.05.2\n"))
    #expect(!notes.stdout.contains("Mulu-Resources"))
    #expect(releases.unknown.status == 2)
  }

  @Test("the first release: its notes and its Mulu-Resources trailer agree on what counts; a tag of a tag is no release")
  func firstReleaseWithARetiredResource() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.commitNational("国家：注销企业投资项目核准信息") {
      try lab.edit(
        "work", Baseline.departmentResourcePath, replacing: "related: [101001001/000001]\n",
        with: "related: [101001001/000001]\nretired:\n  date: 2026-05-02\n  reason: 职能划转\n")
    }
    let first = try lab.mulu("release", "cut")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("\n| 4 | 0 | 0 | 0 | 0 | 0 |\n"))
    #expect(
      first.stdout.hasSuffix(
        "\nResources in force at v2026.05.1: 3 (and 1 retired: 4 resource files).\n\nMulu-Resources: 3\nMulu-Breaking: 0\n"))
    let chinese = try lab.mulu("release", "cut", "2026.05.7", "--allow-empty", language: "zh_CN.UTF-8")
    #expect(chinese.stdout.hasSuffix("\nv2026.05.7 现行资源 3 个（另有已注销 1 个，资源文件共 4 个）。\n\nMulu-Resources: 3\nMulu-Breaking: 0\n"))
    try lab.git("national.git", "tag", "-d", "v2026.05.7")

    // A tag of the release tag (git warns of a nested tag) matches v* but is no release.
    try lab.git("national.git", "-c", "advice.nestedTag=false", "tag", "-a", "-m", "再标记", "v2026.05.9", "v2026.05.1")
    let list = try lab.mulu("release", "list")
    #expect(list.stdout.hasPrefix("v2026.05.1  "), "\(list)")
    #expect(!list.stdout.contains("v2026.05.9"))
    try lab.commitNational("国家：新增资源") {
      let resource = RegistryLab.ndrcResource(sequence: "000009", name: "企业投资项目备案信息")
      try lab.write("work", resource.path, resource.text)
    }
    let second = try lab.mulu("release", "cut")
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.hasPrefix("# Catalog changes: v2026.05.1 → v2026.05.2\n"))
  }

  @Test func anInvalidMainIsRefusedWithItsFindings() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.commitNational("国家：误删共享条件") {
      try lab.edit("work", Baseline.departmentResourcePath, replacing: "  condition: 仅向投资审批、统计部门提供\n", with: "")
    }
    let refused = try lab.mulu("release", "cut")
    #expect(refused.status == 1)
    #expect(refused.stdout.hasPrefix("\(Baseline.departmentResourcePath):"))
    #expect(refused.stdout.contains("error[sharing.condition-required]"))
    #expect(refused.stderr == "mulu: error: the registry on main has 1 error(s); no tag created\n")
    #expect(try lab.git("national.git", "tag", "-l") == "")
  }

  @Test func aTagSignedInABareRepositoryVerifies() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    let key = try SSHKey(at: lab.path("release-key"), comment: "lisi@example.cn", environment: lab.environment)
    try lab.write("", "allowed_signers", key.allowedSigner("lisi@example.cn", namespaces: "git"))

    let cut = try lab.mulu("release", "cut", "--sign", key.privateKey, "2026.05.1")
    #expect(cut.status == 0, "\(cut.stderr)")
    #expect(cut.stderr.contains(", signed)"))
    let verify = try Program.run(
      ["git", "-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=\(lab.path("allowed_signers"))", "tag", "-v",
       "v2026.05.1"],
      in: lab.path("national.git"), environment: lab.environment)
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stderr.contains("Good \"git\" signature for lisi@example.cn with ED25519 key"))
    #expect(try lab.mulu("release", "list").stdout.contains("  signed\n"))
  }
}
