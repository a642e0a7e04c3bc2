import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

/// `mulu fmt [--check]`: canonical form (docs/format.md field order and quoting), same meaning, idempotent,
/// and never a file it would damage.
@Suite("mulu fmt")
struct FmtTests {
  /// The approval resource of the small registry, pointing at the retired filing resource (one
  /// warning), with its fields shuffled, odd quoting and block-style items.
  static let scrambled = Baseline.scrambledDepartmentResource
    .edited(replacing: "  - 101001001/000001\n", with: "  - 101001/000001\n  - \"303001001/000002\"\n")
    .edited(replacing: Baseline.ndrc, with: SmallRegistry.ndrc)
    .edited(replacing: "name: 统一社会信用代码", with: "name: 项目代码")
    .edited(replacing: "length: 18", with: "length: 24")

  /// The same, pointing only at the base resource: the small registry's approval resource, scrambled.
  static let scrambledAlone = scrambled.replacingOccurrences(of: "  - \"303001001/000002\"\n", with: "")

  /// Findings without their positions, which move when a file is rewritten.
  func meaning(_ outcome: Outcome) throws -> [String] {
    let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    return findings.map { finding in
      ["rule", "severity", "path", "code", "message"].map { "\(finding[$0] ?? "")" }.joined(separator: " | ")
    }
  }

  @Test("the sample registry is canonical: --check exits 0 and names nothing")
  func sampleIsCanonical() throws {
    let outcome = try Mulu.run("fmt", "--check", "-C", packageRoot + "/registry", in: "/")
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout == "")
    #expect(outcome.stderr == "mulu: 0 file(s) not in canonical form\n")
  }

  @Test("a scrambled file is rewritten to canonical form; its meaning is unchanged; fmt is idempotent")
  func rewrite() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    try SmallRegistry.warnOnly(in: sandbox)
    let canonical = try sandbox.read("registry/" + SmallRegistry.approval)
    let before = try Mulu.run("validate", "--format", "json", in: registry)
    #expect(before.status == 0)
    #expect(try meaning(before).count == 1)
    try sandbox.write("before.yaml", canonical)

    try sandbox.write("registry/" + SmallRegistry.approval, Self.scrambled)
    let scrambled = try Mulu.run("validate", "--format", "json", in: registry)
    #expect(try meaning(scrambled) == meaning(before))

    let check = try Mulu.run("fmt", "--check", in: registry)
    #expect(check.status == 1, "\(check)")
    #expect(check.stdout == SmallRegistry.approval + "\n")
    #expect(check.stderr == "mulu: 1 file(s) not in canonical form\n")
    #expect(try sandbox.read("registry/" + SmallRegistry.approval) == Self.scrambled)

    let format = try Mulu.run("fmt", in: registry)
    #expect(format.status == 0, "\(format)")
    #expect(format.stdout == SmallRegistry.approval + "\n")
    #expect(format.stderr == "mulu: formatted 1 file(s)\n")
    #expect(try sandbox.read("registry/" + SmallRegistry.approval) == canonical)
    #expect(try Mulu.run("fmt", "--check", in: registry).status == 0)

    let after = try Mulu.run("validate", "--format", "json", in: registry)
    #expect(after.status == 0)
    #expect(try meaning(after) == meaning(before))

    // Another reader agrees the data is the same.
    try sandbox.write("scrambled.yaml", Self.scrambled)
    let same = try Python.run(
      "import sys\nprint(load(sys.argv[1]) == load(sys.argv[2]) == load(sys.argv[3]))\n",
      [sandbox("scrambled.yaml"), sandbox("registry/" + SmallRegistry.approval), sandbox("before.yaml")], in: sandbox)
    #expect(same.stdout == "True\n")

    let files = try sandbox.snapshot("registry")
    let again = try Mulu.run("fmt", in: registry)
    #expect(again.status == 0)
    #expect(again.stdout == "")
    #expect(again.stderr == "mulu: formatted 0 file(s)\n")
    #expect(try sandbox.snapshot("registry") == files)
  }

  @Test("fmt PATH formats only the files named")
  func limited() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let scrambledBase = "update_cycle: 实时\n" + (try sandbox.read("registry/" + SmallRegistry.base))
      .replacingOccurrences(of: "update_cycle: 实时\n", with: "")
    try sandbox.write("registry/" + SmallRegistry.base, scrambledBase)
    try sandbox.write("registry/" + SmallRegistry.approval, Self.scrambledAlone)
    let outcome = try Mulu.run("fmt", SmallRegistry.approval, in: registry)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout == SmallRegistry.approval + "\n")
    #expect(try sandbox.read("registry/" + SmallRegistry.base) == scrambledBase)
    let canonical = SmallRegistry.files[SmallRegistry.approval]
    #expect(try sandbox.read("registry/" + SmallRegistry.approval) == canonical)
  }

  @Test(
    "a comment other than the first-line modeline: refused, byte for byte unchanged, exit 1",
    arguments: [
      ("update_cycle: 每日\n", "update_cycle: 每日  # 工作日更新\n", 22),
      ("# yaml-language-server: $schema=https://mulu.example/schema/resource-1.json\n", "# 国家发展和改革委员会 投资司\n", 1),
      ("summary: 企业投资项目备案信息。\n", "summary: 企业投资项目备案信息。\n# 待补充：备案机关\n", 8),
    ])
  func comments(old: String, new: String, line: Int) throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    try sandbox.edit("registry/" + SmallRegistry.filing, replacing: old, with: new)
    // A scrambled neighbour is still formatted.
    try sandbox.write("registry/" + SmallRegistry.approval, Self.scrambledAlone)
    let commented = try sandbox.bytes("registry/" + SmallRegistry.filing)
    let outcome = try Mulu.run("fmt", in: registry)
    #expect(outcome.status == 1, "\(outcome)")
    #expect(outcome.stdout == SmallRegistry.approval + "\n")
    #expect(
      outcome.stderr
        == "mulu: \(SmallRegistry.filing): not formatted, comments at line \(line) would be lost; move them into fields or remove them\n"
        + "mulu: formatted 1 file(s)\n")
    #expect(try sandbox.bytes("registry/" + SmallRegistry.filing) == commented)
    let check = try Mulu.run("fmt", "--check", in: registry)
    #expect(check.status == 1)
    #expect(try sandbox.bytes("registry/" + SmallRegistry.filing) == commented)
  }

  @Test("a PATH that names nothing in the registry: exit 2, as for validate")
  func unknownPath() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    for arguments in [["fmt", "--check", "catalogs/typo.yaml"], ["fmt", "catalogs/typo.yaml"], ["validate", "catalogs/typo.yaml"]] {
      let outcome = try Mulu.run(arguments, in: registry)
      #expect(outcome.status == 2, "\(arguments): \(outcome)")
      #expect(outcome.stderr == "mulu: error: catalogs/typo.yaml is not in the registry\n", "\(arguments)")
    }
  }

  @Test("a file fmt cannot read, or cannot write: named, exit 2")
  func unreadableAndUnwritable() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    try sandbox.write("registry/" + SmallRegistry.approval, Self.scrambledAlone)
    let folder = sandbox("registry/catalogs/\(SmallRegistry.ndrc)")
    #expect(chmod(sandbox("registry/" + SmallRegistry.filing), 0) == 0)
    #expect(chmod(folder, 0o555) == 0)
    defer { _ = chmod(folder, 0o755) }
    // Not as root, which reads and writes whatever the modes say.
    let user = geteuid() == 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    func fmt(_ arguments: String...) throws -> Outcome {
      try Program.run(
        user + [try MuluBinary.require(), "fmt"] + arguments, in: registry, environment: Mulu.environment(language: "C"))
    }
    let format = try fmt()
    #expect(format.status == 2, "\(format)")
    #expect(
      format.stderr == """
        mulu: error: cannot write \(SmallRegistry.approval): Permission denied
        mulu: error: cannot read \(SmallRegistry.filing): Permission denied
        mulu: formatted 0 file(s)

        """)
    #expect(try sandbox.read("registry/" + SmallRegistry.approval) == Self.scrambledAlone)
    let check = try fmt("--check")
    #expect(check.status == 2, "\(check)")
    #expect(check.stdout == SmallRegistry.approval + "\n")
    #expect(check.stderr.hasPrefix("mulu: error: cannot read \(SmallRegistry.filing): Permission denied\n"))
  }

  @Test("a file with a YAML error is left unchanged, exit 1")
  func yamlError() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let broken: [UInt8] = Array("code: 303001001/000002\nname: [未闭合\nsummary: x\n".utf8)
    try sandbox.write("registry/" + SmallRegistry.filing, bytes: broken)
    let gbk: [UInt8] = Array("code: 101001/000001\nname: ".utf8) + [0xC8, 0xCB, 0xBF, 0xDA] + [0x0A]  // 人口, in GBK
    try sandbox.write("registry/" + SmallRegistry.base, bytes: gbk)
    let outcome = try Mulu.run("fmt", in: registry)
    #expect(outcome.status == 1, "\(outcome)")
    #expect(outcome.stdout == "")
    #expect(
      outcome.stderr
        == "mulu: \(SmallRegistry.filing): not formatted, the file does not read; fix its yaml.* errors first\n"
        + "mulu: \(SmallRegistry.base): not formatted, the file does not read; fix its yaml.* errors first\n"
        + "mulu: formatted 0 file(s)\n")
    #expect(try sandbox.bytes("registry/" + SmallRegistry.filing) == broken)
    #expect(try sandbox.bytes("registry/" + SmallRegistry.base) == gbk)
  }
}
