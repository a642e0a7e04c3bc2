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
  static let scrambledAlone = scrambled.edited(replacing: "  - \"303001001/000002\"\n", with: "")

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

  /// The small registry (one warning) with its approval resource scrambled; its folder, the
  /// resource's canonical text, and `validate --format json` before the scrambling.
  func scrambledRegistry(_ sandbox: Sandbox) throws -> (registry: String, canonical: String, before: Outcome) {
    let registry = try SmallRegistry.write(into: sandbox)
    try SmallRegistry.warnOnly(in: sandbox)
    let canonical = try sandbox.read("registry/" + SmallRegistry.approval)
    let before = try Mulu.run("validate", "--format", "json", in: registry)
    try sandbox.write("registry/" + SmallRegistry.approval, Self.scrambled)
    return (registry, canonical, before)
  }

  @Test("a scrambled file means what it meant; fmt --check names it and leaves it")
  func checkNamesAScrambledFile() throws {
    let sandbox = try Sandbox()
    let (registry, _, before) = try scrambledRegistry(sandbox)
    #expect(before.status == 0)
    #expect(try meaning(before).count == 1)
    let scrambled = try Mulu.run("validate", "--format", "json", in: registry)
    #expect(try meaning(scrambled) == meaning(before))

    let check = try Mulu.run("fmt", "--check", in: registry)
    #expect(check.status == 1, "\(check)")
    #expect(check.stdout == SmallRegistry.approval + "\n")
    #expect(check.stderr == "mulu: 1 file(s) not in canonical form\n")
    #expect(try sandbox.read("registry/" + SmallRegistry.approval) == Self.scrambled)
  }

  @Test("a scrambled file is rewritten to canonical form; its meaning is unchanged, for mulu and for another reader")
  func rewrite() throws {
    let sandbox = try Sandbox()
    let (registry, canonical, before) = try scrambledRegistry(sandbox)
    try sandbox.write("before.yaml", canonical)
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
  }

  @Test("fmt is idempotent: a second run writes nothing")
  func idempotent() throws {
    let sandbox = try Sandbox()
    let (registry, _, _) = try scrambledRegistry(sandbox)
    #expect(try Mulu.run("fmt", in: registry).status == 0)
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
      .edited(replacing: "update_cycle: 实时\n", with: "")
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
        + "mulu: formatted 1 file(s), 1 file(s) cannot be formatted (reasons above)\n")
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
        == "mulu: \(SmallRegistry.filing): not formatted, the file does not read; fix its yaml.* errors first "
        + "(3:8 yaml.syntax: not a parseable UTF-8 YAML file: did not find expected ',' or ']')\n"
        + "mulu: \(SmallRegistry.base): not formatted, the file does not read; fix its yaml.* errors first "
        + "(2:7 yaml.syntax: not a parseable UTF-8 YAML file: invalid UTF-8 byte 0xC8)\n"
        + "mulu: formatted 0 file(s), 2 file(s) cannot be formatted (reasons above)\n")
    let check = try Mulu.run(["fmt", "--check", "--lang", "zh"], in: registry)
    #expect(check.status == 1)
    #expect(
      check.stderr.hasSuffix(
        "mulu: \(SmallRegistry.base)：未格式化，文件无法读取，先修正 yaml.* 错误（2:7 yaml.syntax：不是可解析的 UTF-8 YAML 文件：无效的 UTF-8 字节 0xC8）\n"
          + "mulu: 0 个文件需要格式化，2 个文件无法格式化（原因见上）\n"))
    #expect(try sandbox.bytes("registry/" + SmallRegistry.filing) == broken)
    #expect(try sandbox.bytes("registry/" + SmallRegistry.base) == gbk)
  }

  /// The small registry committed without a .gitattributes, cloned as a Windows user clones it.
  func windowsClone() throws -> (Sandbox, String, RegistryBuilder) {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录")
    // Not through the runner, whose settings keep core.autocrlf off.
    let clone = try Program.run(
      ["git", "clone", "-q", "-c", "core.autocrlf=true", registry, sandbox("windows")], in: sandbox.path,
      environment: repo.runner.environment)
    try #require(clone.status == 0, "\(clone)")
    #expect(try sandbox.read("windows/" + SmallRegistry.filing).contains("\r\n"))
    return (sandbox, sandbox("windows"), repo)
  }

  /// `git status --porcelain` in the clone, with its own core.autocrlf.
  func status(_ clone: String, _ repo: RegistryBuilder) throws -> String {
    try Program.run(["git", "status", "--porcelain"], in: clone, environment: repo.runner.environment).stdout
  }

  @Test("a core.autocrlf=true clone: CRLF is no difference of form; named once, exit 0; fmt keeps it")
  func crlfClone() throws {
    let (sandbox, clone, repo) = try windowsClone()
    let check = try Mulu.run("fmt", "--check", in: clone)
    #expect(check.status == 0, "\(check)")
    #expect(check.stdout == "")
    #expect(
      check.stderr == """
        mulu: 0 file(s) not in canonical form
        mulu: 3 file(s) have CRLF line endings (a clone with core.autocrlf=true, say): line endings are no difference \
        of form and are kept; git stores them with LF, as core.autocrlf or .gitattributes says

        """)
    let before = try sandbox.bytes("windows/" + SmallRegistry.filing)
    let format = try Mulu.run("fmt", in: clone)
    #expect(format.status == 0, "\(format)")
    #expect(try sandbox.bytes("windows/" + SmallRegistry.filing) == before)
    #expect(try status(clone, repo) == "")
  }

  @Test("UTF-16 and UTF-8 with a BOM, as Windows editors save: converted to UTF-8, the meaning unchanged")
  func encodings() throws {
    let (sandbox, clone, repo) = try windowsClone()
    let filing = try sandbox.read("windows/" + SmallRegistry.filing)
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in filing.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    try sandbox.write("windows/" + SmallRegistry.filing, bytes: utf16)
    let approval = try sandbox.bytes("windows/" + SmallRegistry.approval)
    try sandbox.write("windows/" + SmallRegistry.approval, bytes: [0xEF, 0xBB, 0xBF] + approval)
    let check = try Mulu.run(["fmt", "--check", "--lang", "zh"], in: clone)
    #expect(check.status == 1)
    #expect(check.stdout == SmallRegistry.approval + "\n" + SmallRegistry.filing + "\n")
    #expect(check.stderr.hasPrefix("""
      mulu: \(SmallRegistry.approval)：UTF-8 with BOM，应转为 UTF-8
      mulu: \(SmallRegistry.filing)：UTF-16LE，应转为 UTF-8
      mulu: 2 个文件需要格式化

      """))
    let validate = try Mulu.run("validate", SmallRegistry.approval, in: clone)
    #expect(validate.stdout.contains(":1:1: error[yaml.syntax]: not a parseable UTF-8 YAML file: byte order mark at start of file; mulu fmt converts it to UTF-8 without one"))
    let format = try Mulu.run("fmt", in: clone)
    #expect(format.status == 0, "\(format)")
    #expect(format.stderr.hasPrefix("mulu: \(SmallRegistry.approval): converted from UTF-8 with BOM to UTF-8\n"))
    #expect(try sandbox.read("windows/" + SmallRegistry.filing) == filing)
    #expect(try sandbox.bytes("windows/" + SmallRegistry.approval) == approval)
    #expect(try status(clone, repo) == "")
  }

  @Test("the sample registry and mulu init ship .gitattributes: * text=auto eol=lf")
  func gitattributes() throws {
    #expect(try String(contentsOfFile: packageRoot + "/registry/.gitattributes", encoding: .utf8) == "* text=auto eol=lf\n")
    let sandbox = try Sandbox()
    let outcome = try Mulu.run("init", "new", in: sandbox.path)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(try sandbox.read("new/.gitattributes") == "* text=auto eol=lf\n")
  }
}
