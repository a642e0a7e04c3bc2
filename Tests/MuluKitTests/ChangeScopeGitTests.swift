import Foundation
import MuluCatalog
import MuluGit
import MuluTestSupport
import Testing

@testable import MuluKit

/// Change validation on a commit read from Git, where a provider folder is read from its
/// tree's bytes for the few names a change asks about.
@Suite("Change verdict on a commit's large folder")
struct ChangeScopeGitTests {
  static let folder = "catalogs/11100000000000001M/"

  @Test("a name that collides by case with an unchanged one among hundreds gets the full verdict", arguments: [
    ("NOTES-0432.TXT", "notes-0432.txt"),  // ASCII, beside hundreds of names of its length
    ("notes-0001.txt", "Notes-0001.txt"),
    ("\u{212A}elvin.txt", "kelvin.txt"),  // the Kelvin sign is k in lower case
    ("Caf\u{E9}.txt", "cafe\u{301}.txt"),  // one text in two normalisations
    ("数据.TXT", "数据.txt"),
    ("NOTES-0432.TXT", "notes-0600.txt"),  // no collision
  ])
  func caseCollision(unchanged: String, added: String) throws {
    try expectFullVerdict(filler: "NOTES-%04d.TXT", unchanged: unchanged, added: added)
  }

  /// In a folder of lower-case ASCII names, which a tree answers for all at once when the
  /// asked names are lower-case ASCII too, one upper-case or non-ASCII name anywhere in a name
  /// (its first bytes, its last, a name shorter than a word) must still be found.
  @Test("a folder of lower-case names with one that is not, asked about by names that are or are not", arguments: [
    ("Notes-0001.txt", "notes-0001.txt"),
    ("notes-0001.txT", "notes-0001.txt"),
    ("notes-00X1.txt", "notes-00x1.txt"),
    ("A", "a"),
    ("\u{212A}elvin.txt", "kelvin.txt"),
    ("数据.TXT", "数据.txt"),
    ("notes-0001.txt", "Notes-0001.txt"),
    ("extra-0001.txt", "extra-0002.txt"),  // no collision: nothing to list
  ])
  func caseCollisionInLowerCaseFolder(unchanged: String, added: String) throws {
    try expectFullVerdict(filler: "notes-%04d.txt", unchanged: unchanged, added: added)
  }

  private func expectFullVerdict(filler: String, unchanged: String, added: String) throws {
    var files = Baseline.files
    for number in 0..<600 { files[Self.folder + String(format: filler, number)] = "\(number)\n" }
    files[Self.folder + unchanged] = "unchanged\n"
    let registry = try RegistryBuilder(files: files, at: "work")
    let old = try registry.commit("many names")
    try registry.write(Self.folder + added, "added\n")
    let new = try registry.commit("one more")

    let repository = try Repository.open(at: registry.path)
    let snapshot = try GitSnapshot(repository: repository, commit: try #require(ObjectID(hex: new)))
    let previous = try GitSnapshot(repository: repository, commit: try #require(ObjectID(hex: old)))
    let path = Self.folder + added
    let change = try ChangeValidator.validate(snapshot, changed: [path], previous: previous).findings
    let full = try Validator.validate(snapshot).limited(to: [path]).findings.filter { $0.rule != ItemsOverlapsBase.id }
    // Swift compares text by canonical equivalence: two normalisations are one text.
    let collides = unchanged.lowercased() == added.lowercased()
    #expect(full.contains { $0.rule == TreeCaseCollision.id } == collides)
    #expect(change == full)

    // Several paths looked up together, as one by one.
    let paths = [path, Self.folder + unchanged, Self.folder + "nothing", "registry.yaml", "catalogs", "nowhere/x", Baseline.departmentResourcePath]
    #expect(try snapshot.entries(at: paths) == paths.map { try snapshot.entry(at: $0) })

    // A folder's names read from the tree's bytes, all or some, as listed by name.
    let names = try snapshot.names(in: String(Self.folder.dropLast()))
    let listing = try snapshot.listing(of: String(Self.folder.dropLast()))
    #expect((0..<listing.count).map { listing[$0] } == names)
    let kept = try snapshot.listing(of: String(Self.folder.dropLast())) { $0.first == UInt8(ascii: "N") }
    #expect((0..<kept.count).map { kept[$0] } == names.filter { $0.hasPrefix("N") })
    let lowerCase = names.allSatisfy { name in name.utf8.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } }
    #expect(try snapshot.namesAreLowerCaseASCII(in: String(Self.folder.dropLast())) == lowerCase)
  }
}
