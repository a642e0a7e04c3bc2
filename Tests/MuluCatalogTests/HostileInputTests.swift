import MuluCatalog
import MuluTestSupport
import Testing

/// Files a careless or hostile pusher could write: each gets a finding with its rule id, without
/// a crash. The time limit guards against a hang; how fast they are read is the benchmarks' to say.
@Suite("Hostile input", .timeLimit(.minutes(1)))
struct HostileInputTests {
  let path = Baseline.departmentResourcePath

  func validate(_ bytes: [UInt8], limit: Int? = nil) throws -> Report {
    var files = Baseline.files.mapValues { Array($0.utf8) }
    files[path] = bytes
    if let limit {
      files["registry.yaml"]! += Array("limits:\n  max_file_bytes: \(limit)\n".utf8)
    }
    return try Validator.validate(MemorySnapshot(bytes: files))
  }

  func rules(_ report: Report) -> Set<String> { Set(report.findings.filter { $0.path == path }.map(\.rule)) }

  @Test("100,000 nested flow sequences")
  func deepFlowNesting() throws {
    let report = try validate(Array(("code: " + String(repeating: "[", count: 100_000)).utf8), limit: 1 << 24)
    #expect(rules(report) == ["yaml.syntax"])
  }

  @Test("100,000 nested block sequences")
  func deepBlockNesting() throws {
    // "- - - …" opens one block sequence inside another at each dash.
    let text = "items:\n  " + String(repeating: "- ", count: 100_000) + "x\n"
    let report = try validate(Array(text.utf8), limit: 1 << 24)
    #expect(rules(report).contains("yaml.syntax"))
  }

  @Test("an alias bomb is never expanded")
  func aliasBomb() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1..<30 {
      text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let report = try validate(Array(text.utf8))
    #expect(rules(report).contains("yaml.forbidden"))
  }

  @Test("a multi-megabyte scalar: too large by default, read when allowed")
  func hugeScalar() throws {
    let text = Baseline.files[path]!.edited(replacing: "summary: 企业投资项目核准的申请、受理、批复信息。",
      with: "summary: " + String(repeating: "很长的摘要", count: 400_000))
    let byDefault = try validate(Array(text.utf8))
    #expect(rules(byDefault) == ["file.too-large"])
    let allowed = try validate(Array(text.utf8), limit: 1 << 26)
    #expect(rules(allowed).isEmpty)
  }

  @Test("a huge max_file_bytes is taken as 1 GiB, in full and in change validation", arguments: [
    "1000000000000000000", "9223372036854775807",
  ])
  func hugeLimit(limit: String) throws {
    var files = Baseline.files
    files["registry.yaml"]! += "limits:\n  max_file_bytes: \(limit)\n"
    let snapshot = MemorySnapshot(files)
    let (catalog, findings) = try Validator.load(snapshot)
    #expect(catalog.settings.maxFileBytes == RegistrySettings.maxFileBytesCeiling)
    #expect(findings.isEmpty)
    #expect(try Validator.validate(snapshot).findings.isEmpty)
    #expect(try ChangeValidator.validate(snapshot, changed: Array(files.keys)).findings.isEmpty)
  }

  @Test("encodings: BOM, UTF-16, GBK, NUL", arguments: [
    [0xEF, 0xBB, 0xBF] + Array("code: 1\n".utf8),
    [0xFF, 0xFE, 0x63, 0x00, 0x3A, 0x00],
    Array("name: ".utf8) + [0xC6, 0xF3, 0xD2, 0xB5, 0x0A],
    Array("name: a\u{0}b\n".utf8),
  ] as [[UInt8]])
  func encodings(bytes: [UInt8]) throws {
    let report = try validate(bytes)
    #expect(rules(report) == ["yaml.syntax"])
    let finding = try #require(report.findings.first { $0.path == path })
    #expect(finding.line != nil)
  }

  @Test("a syntax problem is told in Chinese too, not in libyaml's English", arguments: [
    "code 303001001/000001\nname: [\n", "name: \"open\n", "name: a: b\n",
    "name: a\n- b\n", "items:\n  - x\n y: z\n", "name: '\u{7}'\n", "name: a\n---\nname: b\n",
    "name: [a, b\n", "name: \"\\q\"\n", "%FOO bar\n---\nname: a\n", "name: `a`\n",
    "code: " + String(repeating: "[", count: 100),
  ])
  func chineseSyntaxMessages(text: String) throws {
    let report = try validate(Array(text.utf8))
    let finding = try #require(report.findings.first { $0.path == path && $0.rule == "yaml.syntax" }, "\(text)")
    let english = try #require(finding.message.en.split(separator: ": ", maxSplits: 1).last.map(String.init))
    let chinese = try #require(finding.message.zh.split(separator: "：", maxSplits: 1).last.map(String.init))
    #expect(!chinese.contains(english.prefix { $0 != "(" }), "\(finding.message.zh)")
    #expect(chinese.unicodeScalars.contains { $0.properties.isIdeographic }, "\(finding.message.zh)")
  }

  @Test("YAML 1.1 booleans and numbers stay text where the schema wants text")
  func textStaysText() throws {
    let text = Baseline.files[path]!
      .edited(replacing: "type: KingbaseES", with: "type: no")
      .edited(replacing: "unit: 固定资产投资司", with: "unit: 0001")
    let report = try validate(Array(text.utf8))
    #expect(rules(report).isEmpty)
  }

  @Test("not a mapping, empty, only a comment", arguments: ["- a\n", "", "# 注释\n", "just text\n", "~\n"])
  func notAMapping(text: String) throws {
    let report = try validate(Array(text.utf8))
    #expect(!rules(report).isEmpty)
    #expect(report.hasErrors)
  }

  @Test("odd paths are layout findings, not crashes", arguments: [
    "catalogs/11100000000000001M/a b.yaml", "catalogs/11100000000000001M/303001001-000009.yml",
    "catalogs/-rf/303001001-000009.yaml", "catalogs/11100000000000001M/303001001-000009.yaml/x",
    "catalogs/11100000000000001M/\u{7}.yaml", "目录/说明.txt",
  ])
  func oddPaths(odd: String) throws {
    var files = Baseline.files
    files[odd] = "code: 303001001/000009\n"
    let report = try Validator.validate(MemorySnapshot(files))
    #expect(report.findings.contains { $0.path == odd && $0.rule == "tree.layout" })
  }

  @Test("NFC and NFD spellings of one name collide")
  func normalisation() throws {
    let sandbox = try Sandbox()
    let root = try RegistryBuilder(in: sandbox, repository: false).path
    for name in ["README-\u{E9}.md", "README-e\u{301}.md"] {
      try sandbox.write("registry/" + name, "x\n")
    }
    let report = try Validator.validate(DirectorySnapshot(root: root))
    #expect(report.findings.map(\.rule) == ["tree.case-collision", "tree.case-collision"])
  }
}
