import Foundation
import MuluTestSupport
import Testing

/// `mulu new --provider CODE --class 分类码`: the next free 顺序码, never a reused one.
@Suite("mulu new")
struct NewTests {
  /// The findings of a JSON report by file, as "rule message" lines (positions left out).
  func findings(_ outcome: Outcome) throws -> [String: [String]] {
    let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let list = try #require(json["findings"] as? [[String: Any]])
    return Dictionary(grouping: list, by: { $0["path"] as? String ?? "" })
      .mapValues { $0.map { "\($0["rule"] ?? "") \($0["message"] ?? "")" } }
  }

  @Test("after …/000002 comes …/000003; the file validates but for the fields left to fill")
  func next() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let outcome = try Mulu.run("new", "--provider", SmallRegistry.ndrc, "--class", "303001001", in: registry)
    #expect(outcome.status == 0, "\(outcome)")
    let path = "catalogs/\(SmallRegistry.ndrc)/303001001-000003.yaml"
    #expect(outcome.stdout == path + "\n")
    let text = try sandbox.read("registry/" + path)
    #expect(text.hasPrefix("# yaml-language-server: $schema=https://mulu.example/schema/resource-1.json\ncode: 303001001/000003\n"))
    #expect(text.contains("provider:\n  code: 11100000000090114B\n  name: 国家发展和改革委员会\n"))

    let report = try Mulu.run("validate", "--format", "json", in: registry)
    #expect(report.status == 1)
    // Only the new file, and only for what is left to fill.
    #expect(
      try findings(report) == [
        path: [
          "schema.required a required field is missing or empty: name",
          "schema.required a required field is missing or empty: summary",
          "schema.required a required field is missing or empty: format.type",
          "items.required a 数据库 or 电子表格 resource needs at least one data item: 数据库",
          "sharing.condition-required a 有条件共享 resource must state its sharing condition",
        ]
      ])

    // Filling those fields is all it takes; and the file is already in canonical form.
    #expect(try Mulu.run("fmt", "--check", in: registry).status == 0)
    try sandbox.edit("registry/" + path, replacing: "name: \"\"", with: "name: 企业投资项目变更信息")
    try sandbox.edit("registry/" + path, replacing: "summary: \"\"", with: "summary: 已核准项目的变更申请与批复信息。")
    try sandbox.edit("registry/" + path, replacing: "  type: \"\"", with: "  type: KingbaseES")
    try sandbox.edit("registry/" + path, replacing: "items: []", with: "items:\n  - { name: 项目代码, type: C, length: 24 }")
    try sandbox.edit("registry/" + path, replacing: "  condition: \"\"", with: "  condition: 仅向投资审批部门提供")
    let filled = try Mulu.run("validate", in: registry)
    #expect(filled.status == 0, "\(filled)")
    #expect(filled.stdout == "")
  }

  @Test("the path printed works from the folder mulu ran in: a subfolder of the registry, or with -C")
  func pathFromHere() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录")
    let arguments = ["new", "--provider", SmallRegistry.ndrc, "--class", "303001001"]
    let inFolder = try Mulu.run(arguments, in: registry + "/catalogs/\(SmallRegistry.ndrc)")
    #expect(inFolder.stdout == "303001001-000003.yaml\n", "\(inFolder)")
    let inCatalogs = try Mulu.run(arguments, in: registry + "/catalogs")
    #expect(inCatalogs.stdout == "\(SmallRegistry.ndrc)/303001001-000004.yaml\n")
    let withC = try Mulu.run(arguments + ["-C", "registry"], in: sandbox.path)
    #expect(withC.stdout == "registry/catalogs/\(SmallRegistry.ndrc)/303001001-000005.yaml\n")
    let gitOrder = try Mulu.run(["-C", "registry/dictionaries"] + arguments, in: sandbox.path)
    #expect(gitOrder.stdout == "../catalogs/\(SmallRegistry.ndrc)/303001001-000006.yaml\n")
    for (outcome, folder) in [
      (inFolder, "registry/catalogs/\(SmallRegistry.ndrc)"), (inCatalogs, "registry/catalogs"), (withC, ""),
      (gitOrder, "registry/dictionaries"),
    ] {
      let path = folder.isEmpty ? String(outcome.stdout.dropLast()) : folder + "/" + outcome.stdout.dropLast()
      #expect(sandbox.exists(path), "\(path)")
    }
  }

  @Test("a base 分类码 of the lead department: 无条件共享, the first 顺序码 000001, then 000002")
  func baseOfLead() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let first = try Mulu.run("new", "--provider", SmallRegistry.mps, "--class", "101002", in: registry)
    #expect(first.stdout == "catalogs/\(SmallRegistry.mps)/101002-000001.yaml\n", "\(first)")
    let second = try Mulu.run("new", "--provider", SmallRegistry.mps, "--class", "101001", in: registry)
    #expect(second.stdout == "catalogs/\(SmallRegistry.mps)/101001-000002.yaml\n", "\(second)")
    let text = try sandbox.read("registry/catalogs/\(SmallRegistry.mps)/101001-000002.yaml")
    #expect(text.contains("sharing:\n  type: 无条件共享\n"))
    let report = try Mulu.run("validate", "--format", "json", in: registry)
    let left = [
      "schema.required a required field is missing or empty: name",
      "schema.required a required field is missing or empty: summary",
      "schema.required a required field is missing or empty: format.type",
      "items.required a 数据库 or 电子表格 resource needs at least one data item: 数据库",
    ]
    #expect(
      try findings(report) == [
        "catalogs/\(SmallRegistry.mps)/101002-000001.yaml": left, "catalogs/\(SmallRegistry.mps)/101001-000002.yaml": left,
      ])
  }

  @Test("codes are never reused: after a retired highest code comes the next one")
  func afterRetired() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    // The highest code, 000002, is retired; a retired 000007 stands further up.
    try SmallRegistry.warnOnly(in: sandbox)
    #expect(try Mulu.run("new", "--provider", SmallRegistry.ndrc, "--class", "303001001", in: registry).stdout
      == "catalogs/\(SmallRegistry.ndrc)/303001001-000003.yaml\n")
    let retired = try sandbox.read("registry/" + SmallRegistry.filing)
      .edited(replacing: "303001001/000002", with: "303001001/000007")
      .edited(replacing: "企业投资项目备案信息", with: "企业投资项目备案信息（旧）", everywhere: true)
    try sandbox.write("registry/catalogs/\(SmallRegistry.ndrc)/303001001-000007.yaml", retired)
    let outcome = try Mulu.run("new", "--provider", SmallRegistry.ndrc, "--class", "303001001", in: registry)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout == "catalogs/\(SmallRegistry.ndrc)/303001001-000008.yaml\n")
  }

  @Test(
    "refusals: exit 1, the rule id in the message, nothing written",
    arguments: [
      (SmallRegistry.moe, "303001001", "provider.unknown"),
      ("11100000000090114A", "303001001", "provider.unknown"),
      (SmallRegistry.ndrc, "303003001", "code.prefix-not-owned"),
      (SmallRegistry.ndrc, "101001", "code.prefix-not-owned"),
      (SmallRegistry.ndrc, "304001001", "code.class-unknown"),
      (SmallRegistry.ndrc, "102001", "code.class-unknown"),
      (SmallRegistry.ndrc, "30300x", "code.format"),
      (SmallRegistry.ndrc, "30300", "code.format"),
      (SmallRegistry.ndrc, "303001001/000001", "code.format"),
    ])
  func refusals(provider: String, classification: String, rule: String) throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let before = try sandbox.snapshot("registry")
    let outcome = try Mulu.run("new", "--provider", provider, "--class", classification, in: registry)
    #expect(outcome.status == 1, "\(outcome)")
    #expect(outcome.stdout == "")
    #expect(outcome.stderr.hasPrefix("mulu: error: [\(rule)] "), "\(outcome)")
    #expect(try sandbox.snapshot("registry") == before)
    let chinese = try Mulu.run(["new", "--provider", provider, "--class", classification], in: registry, language: "zh_CN.UTF-8")
    #expect(chinese.status == 1)
    #expect(chinese.stderr.hasPrefix("mulu: 错误: [\(rule)] "), "\(chinese)")
  }

  @Test("no 顺序码 left after 9999999999: refused with code.format, not a crash")
  func exhausted() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let last = try sandbox.read("registry/" + SmallRegistry.filing)
      .edited(replacing: "303001001/000002", with: "303001001/9999999999")
    try sandbox.write("registry/catalogs/\(SmallRegistry.ndrc)/303001001-9999999999.yaml", last)
    try sandbox.remove("registry/" + SmallRegistry.filing)
    #expect(try Mulu.run("validate", in: registry).status == 0)
    let before = try sandbox.snapshot("registry")
    let outcome = try Mulu.run("new", "--provider", SmallRegistry.ndrc, "--class", "303001001", in: registry)
    #expect(outcome.status == 1, "\(outcome)")
    #expect(
      outcome.stderr
        == "mulu: error: [code.format] the resource code is not 分类码/顺序码: no free 顺序码 is left under 303001001 (a 顺序码 has at most 10 digits)\n"
    )
    #expect(try sandbox.snapshot("registry") == before)
  }

  @Test("outside a registry: 2")
  func outsideRegistry() throws {
    let sandbox = try Sandbox()
    let outcome = try Mulu.run("new", "--provider", SmallRegistry.ndrc, "--class", "303001001", in: sandbox.path)
    #expect(outcome.status == 2, "\(outcome)")
    #expect(try sandbox.snapshot("").isEmpty)
  }
}
