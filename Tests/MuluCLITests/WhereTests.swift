import MuluTestSupport
import Testing

/// `-C DIR`, the registry found upward from a sub-folder, and PATHs that limit the report
/// while the rules still see the whole registry (docs/commands.md).
@Suite("Where mulu runs")
struct WhereTests {
  /// The small registry with one resource copied into 公安部's folder: the code twice, and a
  /// provider that is not the folder's.
  func duplicated() throws -> Sandbox {
    let sandbox = try Sandbox()
    try SmallRegistry.write(into: sandbox)
    try sandbox.write(
      "registry/catalogs/\(SmallRegistry.mps)/303001001-000001.yaml", try sandbox.read("registry/" + SmallRegistry.approval))
    return sandbox
  }

  static let duplicateInNDRC =
    "catalogs/11100000000090114B/303001001-000001.yaml:2:7: error[code.duplicate]: two resources share a code: catalogs/11100000000090379C/303001001-000001.yaml (hint: codes are unique; get the next free 顺序码 with mulu new)\n"
  static let duplicateInMPS =
    "catalogs/11100000000090379C/303001001-000001.yaml:2:7: error[code.duplicate]: two resources share a code: catalogs/11100000000090114B/303001001-000001.yaml (hint: codes are unique; get the next free 顺序码 with mulu new)\n"
  static let mismatchInMPS =
    "catalogs/11100000000090379C/303001001-000001.yaml:5:9: error[provider.mismatch]: the provider does not match its folder or the departments dictionary: code 11100000000090114B, folder 11100000000090379C (hint: provider.code equals the folder name; provider.name equals the name in departments.yaml exactly)\n"

  @Test("the whole registry: both copies reported")
  func whole() throws {
    let sandbox = try duplicated()
    let outcome = try Mulu.run("validate", in: sandbox("registry"))
    #expect(outcome.status == 1)
    #expect(outcome.stdout == Self.duplicateInNDRC + Self.duplicateInMPS + Self.mismatchInMPS)
    #expect(outcome.stderr == "3 errors, 0 warnings\n")
  }

  @Test("a file PATH: only that file's findings, the duplicate still seen")
  func filePath() throws {
    let sandbox = try duplicated()
    let outcome = try Mulu.run("validate", SmallRegistry.approval, in: sandbox("registry"))
    #expect(outcome.status == 1)
    #expect(outcome.stdout == Self.duplicateInNDRC)
    #expect(outcome.stderr == "1 error, 0 warnings\n")
    let clean = try Mulu.run("validate", SmallRegistry.filing, in: sandbox("registry"))
    #expect(clean.status == 0)
    #expect(clean.stdout == "")
    let both = try Mulu.run("validate", SmallRegistry.filing, SmallRegistry.approval, in: sandbox("registry"))
    #expect(both.stdout == Self.duplicateInNDRC)
  }

  @Test("a folder PATH, with or without the slash")
  func folderPath() throws {
    let sandbox = try duplicated()
    for folder in ["catalogs/\(SmallRegistry.mps)", "catalogs/\(SmallRegistry.mps)/"] {
      let outcome = try Mulu.run("validate", folder, in: sandbox("registry"))
      #expect(outcome.status == 1)
      #expect(outcome.stdout == Self.duplicateInMPS + Self.mismatchInMPS, "\(folder)")
    }
    let catalogs = try Mulu.run("validate", "catalogs", in: sandbox("registry"))
    #expect(catalogs.stdout == Self.duplicateInNDRC + Self.duplicateInMPS + Self.mismatchInMPS)
  }

  @Test("from a sub-folder: registry.yaml is found upward; PATHs are relative to where mulu started")
  func subFolder() throws {
    let sandbox = try duplicated()
    let folder = sandbox("registry/catalogs/\(SmallRegistry.ndrc)")
    let whole = try Mulu.run("validate", in: folder)
    #expect(whole.status == 1)
    #expect(whole.stdout == Self.duplicateInNDRC + Self.duplicateInMPS + Self.mismatchInMPS)
    let file = try Mulu.run("validate", "303001001-000001.yaml", in: folder)
    #expect(file.stdout == Self.duplicateInNDRC)
    let here = try Mulu.run("validate", ".", in: folder)
    #expect(here.stdout == Self.duplicateInNDRC)
    let sibling = try Mulu.run("validate", "../\(SmallRegistry.mps)", in: folder)
    #expect(sibling.stdout == Self.duplicateInMPS + Self.mismatchInMPS)
    let clean = try Mulu.run("validate", "303001001-000002.yaml", in: folder)
    #expect(clean.status == 0)
  }

  @Test("-C DIR: as if started in DIR, relative or absolute, and PATHs relative to it")
  func dashC() throws {
    let sandbox = try duplicated()
    let relative = try Mulu.run("validate", "-C", "registry", in: sandbox.path)
    #expect(relative.status == 1)
    #expect(relative.stdout == Self.duplicateInNDRC + Self.duplicateInMPS + Self.mismatchInMPS)
    let absolute = try Mulu.run("validate", "-C", sandbox("registry/catalogs"), SmallRegistry.ndrc, in: "/")
    #expect(absolute.stdout == Self.duplicateInNDRC)
    // A PATH relative to where the shell is, not to DIR, is not in the registry.
    let wrong = try Mulu.run("validate", "-C", "registry", "registry/" + SmallRegistry.approval, in: sandbox.path)
    #expect(wrong.status == 2)
    #expect(wrong.stderr == "mulu: error: registry/\(SmallRegistry.approval) is not in the registry\n")
  }
}
