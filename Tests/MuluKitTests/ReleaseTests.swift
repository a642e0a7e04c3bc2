import Foundation
import MuluCatalog
import MuluGit
import MuluKit
import MuluTestSupport
import Testing

extension Release.Outcome {
  var cut: Release.Cut? {
    if case .cut(let cut) = self { return cut }
    return nil
  }

  var refusal: Release.Refusal? {
    if case .refused(let refusal) = self { return refusal }
    return nil
  }
}

extension RegistryLab {
  func cut(_ version: String? = nil, in folder: String = "national.git", allowEmpty: Bool = false, key: String? = nil)
    throws -> Release.Outcome
  {
    try Release.cut(
      in: workspace(folder),
      Release.CutRequest(
        version: version, signingKey: key, allowEmpty: allowEmpty, language: .en, environment: environment))
  }

  /// Retires the baseline's department resource in the national registry.
  func retireNdrcResource() throws {
    try commitNational("国家：注销企业投资项目核准信息") {
      try edit(
        "work", Baseline.departmentResourcePath, replacing: "related: [101001001/000001]\n",
        with: "related: [101001001/000001]\nretired:\n  date: 2026-05-02\n  reason: 职能划转\n")
    }
  }
}

@Suite struct ReleaseTests {
  /// One history of releases: the national registry released (v2026.05.1), released again with
  /// nothing new (refused, then allowed empty: v2026.05.2), then a resource retired and released
  /// (v2026.05.3); what each step answered. Made once for the tests that read it.
  struct Releases: Sendable {
    let first: Release.Cut?
    /// The first tag's object type, whether it tags main, and its tagger and message.
    let firstType: String
    let firstTagsMain: Bool
    let firstMessage: String
    let nothingNew: Release.Outcome
    let empty: Release.Cut?
    let third: Release.Cut?
    let list: [Release.Entry]
    let notes: String
  }

  static let releases = Result<Releases, any Error> {
    let lab = try RegistryLab()
    try lab.makeNational()
    let first = try lab.cut().cut
    let firstType = try lab.git("national.git", "cat-file", "-t", "v2026.05.1")
    let firstTagsMain = try lab.rev("national.git", "v2026.05.1^{commit}") == lab.rev("national.git", "main")
    let firstMessage = try lab.git(
      "national.git", "tag", "-l", "--format=%(taggername) %(taggeremail)%0a%(contents)", "v2026.05.1")
    let nothingNew = try lab.cut()
    let empty = try lab.cut(allowEmpty: true).cut
    try lab.retireNdrcResource()
    let third = try lab.cut().cut
    return Releases(
      first: first, firstType: firstType, firstTagsMain: firstTagsMain, firstMessage: firstMessage, nothingNew: nothingNew,
      empty: empty, third: third, list: try Release.list(in: lab.workspace()),
      notes: try Release.notes(in: lab.workspace(), from: "v2026.05.1", to: "v2026.05.3", language: .en))
  }

  @Test func theFirstReleaseIsAnAnnotatedTagOfMainWithNotesAndTrailers() throws {
    let releases = try Self.releases.get()
    let first = try #require(releases.first)
    #expect(first.tag == "v2026.05.1" && first.previous == nil)
    #expect(first.resources == 4 && first.breaking == 0)
    #expect(releases.firstType == "tag\n")
    #expect(releases.firstTagsMain)
    let message = releases.firstMessage
    #expect(message.hasPrefix("李四 <lisi@example.cn>\n"))
    // for-each-ref ends each entry with a newline of its own.
    #expect(message.hasSuffix("\n\nMulu-Resources: 4\nMulu-Breaking: 0\n\n"))
    #expect(message.contains("# Catalog changes: (empty registry) → v2026.05.1\n"))
    #expect(message.contains("303001001/000001") && message.contains("307002001/000001"))
  }

  @Test func nothingNewIsRefusedUnlessAnEmptyReleaseIsAskedFor() throws {
    let releases = try Self.releases.get()
    // Nothing new: refused, unless asked for.
    #expect(releases.nothingNew.refusal == .nothingNew(previous: "v2026.05.1"))
    let empty = try #require(releases.empty)
    #expect(empty.tag == "v2026.05.2" && empty.previous == "v2026.05.1")
  }

  @Test func aRetirementIsABreakingChangeAndOneResourceFewerInForce() throws {
    let third = try #require(try Self.releases.get().third)
    #expect(third.tag == "v2026.05.3" && third.previous == "v2026.05.2")
    #expect(third.resources == 3 && third.breaking == 1)
    #expect(third.message.contains("303001001/000001"))
    #expect(!third.message.contains("307002001/000001"))
    #expect(third.message.hasSuffix("\n\nMulu-Resources: 3\nMulu-Breaking: 1\n"))
  }

  @Test func releasesAreListedNewestFirstWithTheTrailersCounts() throws {
    let list = try Self.releases.get().list
    #expect(list.map(\.tag) == ["v2026.05.3", "v2026.05.2", "v2026.05.1"])
    #expect(list.map(\.resources) == [3, 4, 4] && list.map(\.breaking) == [1, 0, 0])
    #expect(list.allSatisfy { $0.onBranch && !$0.signed })
  }

  @Test func theNotesBetweenTwoReleasesNameTheChangesWithoutTrailers() throws {
    let notes = try Self.releases.get().notes
    #expect(notes.contains("303001001/000001"))
    #expect(!notes.contains("Mulu-Resources"))
  }

  @Test func anInvalidMainGetsNoTag() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.commitNational("国家：误删共享条件") {
      try lab.edit("work", Baseline.departmentResourcePath, replacing: "  condition: 仅向投资审批、统计部门提供\n", with: "")
    }
    let refusal = try #require(try lab.cut().refusal)
    guard case .invalid(let report) = refusal else {
      Issue.record("expected findings, got \(refusal)")
      return
    }
    #expect(report.findings.map(\.rule).contains("sharing.condition-required"))
    #expect(try lab.git("national.git", "tag", "-l") == "")
  }

  @Test func anExistingVersionIsRefusedAndLeftAsItIs() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    let first = try #require(try lab.cut("2026.1").cut)
    #expect(first.tag == "v2026.1")
    try lab.retireNdrcResource()
    #expect(try lab.cut("2026.1").refusal == .exists(tag: "v2026.1"))
    #expect(try lab.cut("v2026.1").refusal == .exists(tag: "v2026.1"))
    #expect(try lab.git("national.git", "rev-parse", "v2026.1") == first.tagObject.hex + "\n")
    #expect(try lab.cut("2026 1").refusal == .badVersion(tag: "v2026 1", pattern: "v*"))
  }

  @Test func releaseTagsAreMatchedAsTheHookMatchesThem() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    // A character class, and blanks around the pattern that access.yaml's reader trims.
    try lab.commitNational("国家：发布标签须以数字版本开头") {
      try lab.write(
        "work", "access.yaml",
        "maintainers: [ndrc-catalog-admin]\nidentities: []\nprotected_branches: [main]\n"
          + "release_tags: \" v[0-9]* \"\nrequire_signed_commits: false\n")
    }
    let cut = try #require(try lab.cut().cut)
    #expect(cut.tag == "v2026.05.1")
    #expect(try lab.cut("beta", allowEmpty: true).refusal == .badVersion(tag: "vbeta", pattern: "v[0-9]*"))

    // A tag the pattern does not match is no release: not listed, not the previous one.
    try lab.git("work", "pull", "-q", "--ff-only")
    try lab.git("work", "tag", "-a", "vbeta", "-m", "not a release")
    try lab.git("work", "push", "-q", "origin", "vbeta")
    #expect(try Release.list(in: lab.workspace()).map(\.tag) == ["v2026.05.1"])
    #expect(try lab.cut(allowEmpty: true).cut?.previous == "v2026.05.1")

    #expect(ReleasePolicy.matches("v2026.05.1", pattern: "v[0-9]*"))
    #expect(!ReleasePolicy.matches("vbeta", pattern: "v[0-9]*"))
    #expect(ReleasePolicy.matches("v1/rc", pattern: "v*"))
  }

  @Test func aStaleTagLockIsNamedNotTakenForAnExistingTag() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.write("national.git", "refs/tags/v2026.1.lock", "")
    let refusal = try #require(try lab.cut("2026.1").refusal)
    guard case .locked(let tag, let lock) = refusal, let lockFile = lock?.path else {
      Issue.record("expected a lock, got \(refusal)")
      return
    }
    #expect(tag == "v2026.1" && lockFile.hasSuffix("national.git/refs/tags/v2026.1.lock"))
    #expect(lock!.age < 60)
    #expect(FileManager.default.fileExists(atPath: lockFile))
    #expect(try lab.git("national.git", "tag", "-l") == "")

    // Once the lock is gone, the release is cut.
    try FileManager.default.removeItem(atPath: lockFile)
    #expect(try lab.cut("2026.1").cut?.tag == "v2026.1")
  }

  @Test func thePreviousReleaseIsTheNewestTagInMain() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    _ = try #require(try lab.cut().cut)
    // A release-looking tag on a side branch is not a release of main.
    try lab.git("work", "checkout", "-q", "-b", "side")
    try lab.write("work", "README.md", "旁支\n")
    try lab.commitAll("work", "旁支")
    try lab.git("work", "tag", "-a", "v2026.05.7", "-m", "not on main")
    try lab.git("work", "push", "-q", "origin", "side", "v2026.05.7")
    try lab.git("work", "checkout", "-q", "main")
    try lab.retireNdrcResource()

    let next = try #require(try lab.cut().cut)
    #expect(next.previous == "v2026.05.1")
    #expect(next.tag == "v2026.05.8")
    let list = try Release.list(in: lab.workspace())
    #expect(list.first { $0.tag == "v2026.05.7" }?.onBranch == false)
  }

  @Test func aSignedTagVerifiesWithGit() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.git("", "clone", "-q", "national.git", "national")
    let key = try SSHKey(at: lab.path("release-key"), comment: "lisi@example.cn", environment: lab.environment)
    try lab.write("", "allowed_signers", key.allowedSigner("lisi@example.cn", namespaces: "git"))

    let cut = try #require(try lab.cut(in: "national", key: key.privateKey).cut)
    #expect(cut.signed)
    let verified = try Program.run(
      ["git", "-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=\(lab.path("allowed_signers"))", "tag", "-v",
       cut.tag],
      in: lab.path("national"), environment: lab.environment)
    #expect(verified.status == 0, "\(verified.stderr)")
    #expect(verified.stderr.contains("Good \"git\" signature for lisi@example.cn"))
    // The trailers are read before the signature.
    let entry = try #require(try Release.list(in: lab.workspace("national")).first)
    #expect(entry.signed && entry.resources == 4 && entry.breaking == 0)

    // Tampering with the message breaks the signature.
    let raw = try lab.git("national", "cat-file", "tag", cut.tag).edited(
      replacing: "Mulu-Resources: 4", with: "Mulu-Resources: 5")
    let forged = try Program.run(
      ["git", "hash-object", "-t", "tag", "-w", "--stdin"], in: lab.path("national"), environment: lab.environment,
      input: Array(raw.utf8)
    ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    try lab.git("national", "tag", "forged", forged)
    let rejected = try Program.run(
      ["git", "-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=\(lab.path("allowed_signers"))", "tag", "-v",
       "forged"],
      in: lab.path("national"), environment: lab.environment)
    #expect(rejected.status != 0)
  }

  @Test func aMissingKeyIsAFailureAndNoTagIsWritten() throws {
    let lab = try RegistryLab()
    try lab.makeNational()
    #expect {
      try lab.cut(key: lab.path("no-such-key"))
    } throws: { error in
      guard case .signing = error as? Release.Failure else { return false }
      return true
    }
    #expect(try lab.git("national.git", "tag", "-l") == "")
  }

  @Test func versionsCountTheMonthsReleasesInTheTaggersTimeZone() {
    // 2026-05-31 16:30 UTC is 2026-06-01 00:30 in Beijing.
    let beijing = Signature(name: "李四", email: "lisi@example.cn", time: 1_780_245_000, offsetMinutes: 480)
    let utc = Signature(name: "李四", email: "lisi@example.cn", time: 1_780_245_000, offsetMinutes: 0)
    let tags = ["v2026.05.1", "v2026.05.9", "v2026.05.10", "v2026.06.x", "v2026.04.30"]
    #expect(Release.nextVersion(after: tags, on: utc) == "2026.05.11")
    #expect(Release.nextVersion(after: tags, on: beijing) == "2026.06.1")
    #expect(Release.trailers("notes\n\nMulu-Resources: 12\nMulu-Breaking: 3\n-----BEGIN SSH SIGNATURE-----\nMulu-Breaking: 9\n") == (12, 3))
  }
}
