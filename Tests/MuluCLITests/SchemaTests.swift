import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

/// `mulu schema`, checked by an independent validator: Python's `jsonschema` on the YAML as an
/// editor reads it (scripts/setup.sh installs the modules).
@Suite("JSON Schema")
struct SchemaTests {
  static let checker = #"""
    import json, sys
    import jsonschema

    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for path in sys.argv[2:]:
        document = load(path)
        errors = ["/".join(map(str, e.absolute_path)) + ": " + e.message for e in validator.iter_errors(document)]
        print(("FAIL " if errors else "PASS ") + path + (" :: " + " | ".join(sorted(errors)) if errors else ""))

    """#

  /// Prints the schema into the sandbox and runs the checker on `files`: path → errors (empty when valid).
  func check(_ files: [String], in sandbox: Sandbox) throws -> [String: String] {
    let schema = try Mulu.run("schema", in: sandbox.path)
    try #require(schema.status == 0)
    try sandbox.write("schema.json", schema.stdout)
    let outcome = try Python.run(Self.checker, [sandbox("schema.json")] + files, in: sandbox)
    var verdicts: [String: String] = [:]
    for line in outcome.lines {
      let rest = line.dropFirst(5)
      let path = rest.components(separatedBy: " :: ").first ?? String(rest)
      verdicts[path] = line.hasPrefix("PASS ") ? "" : String(rest.dropFirst(path.count + 4))
    }
    #expect(verdicts.count == Set(files).count, "\(outcome)")
    return verdicts
  }

  @Test("mulu schema prints a draft 2020-12 JSON Schema of the fields of docs/format.md")
  func shape() throws {
    let sandbox = try Sandbox()
    let outcome = try Mulu.run("schema", in: sandbox.path)
    #expect(outcome.status == 0)
    #expect(outcome.stderr == "")
    let schema = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    #expect(schema["$id"] as? String == "https://mulu.example/schema/resource-1.json")
    #expect(schema["type"] as? String == "object")
    #expect(schema["additionalProperties"] as? Bool == false)
    let properties = try #require(schema["properties"] as? [String: Any])
    #expect(
      Set(properties.keys)
        == [
          "code", "name", "provider", "summary", "format", "items", "sharing", "open", "update_cycle", "published",
          "related", "retired",
        ])
    #expect(
      Set(schema["required"] as? [String] ?? [])
        == ["code", "name", "provider", "summary", "format", "sharing", "open", "update_cycle", "published"])
  }

  @Test("mulu schema takes -C and --lang as every command does, and prints the same schema")
  func globalOptions() throws {
    let sandbox = try Sandbox()
    try sandbox.write("目录/README.md", "")
    let plain = try Mulu.run("schema", in: sandbox.path)
    for arguments in [["-C", "目录"], ["--lang", "zh"], ["-C", sandbox("目录"), "--lang", "en"]] {
      let outcome = try Mulu.run(["schema"] + arguments, in: sandbox.path)
      #expect(outcome.status == 0, "\(arguments): \(outcome)")
      #expect(outcome.stdout == plain.stdout, "\(arguments)")
    }
  }

  @Test("every resource of the sample registry, and of the small one, passes the schema")
  func sampleRegistryPasses() throws {
    let sandbox = try Sandbox()
    try SmallRegistry.write(into: sandbox)
    let catalogs = packageRoot + "/registry/catalogs"
    let sample = try FileManager.default.subpathsOfDirectory(atPath: catalogs)
      .filter { $0.hasSuffix(".yaml") }.sorted().map { catalogs + "/" + $0 }
    #expect(sample.count == 137)
    let small = [SmallRegistry.base, SmallRegistry.approval, SmallRegistry.filing].map { sandbox("registry/" + $0) }
    let verdicts = try check(sample + small, in: sandbox)
    for (path, errors) in verdicts.sorted(by: { $0.key < $1.key }) {
      #expect(errors == "", "\(path): \(errors)")
    }
  }

  /// The resource example of docs/format.md, as the docs write it (comments and all): the YAML
  /// block under "A resource file" that starts with the schema modeline; "" when there is none.
  static let specExample: String = {
    let format = (try? String(contentsOfFile: packageRoot + "/docs/format.md", encoding: .utf8)) ?? ""
    guard let fence = format.range(of: "```yaml\n# yaml-language-server: "),
      let end = format[fence.upperBound...].range(of: "\n```\n")
    else { return "" }
    return String(format[format.index(fence.lowerBound, offsetBy: "```yaml\n".count)...end.lowerBound])
  }()

  @Test("the example of docs/format.md validates with mulu and passes the schema (empty optional text included)")
  func specExamplePasses() throws {
    #expect(Self.specExample.contains("\ncode: 303001001/000001 "), "docs/format.md no longer shows the resource example")
    let sandbox = try Sandbox()
    // A registry the example fits in: its provider, the base resource it relates to, its successor.
    let example = "catalogs/11100000000000001M/303001001-000001.yaml"
    let spec = try RegistryBuilder(
      files: [
        "registry.yaml": "format: 1\nname: 示例目录\nlevel: national\n",
        "dictionaries/classification.yaml": Baseline.files["dictionaries/classification.yaml"]!
          .edited(replacing: Baseline.mps, with: "11100000000090379C"),
        "dictionaries/departments.yaml": """
          departments:
            - { code: 11100000000000001M, name: 国家发展和改革委员会, prefix: "303001", parent: null, status: active }
            - { code: 11100000000090379C, name: 公安部, prefix: "303003", parent: null, status: active }
            - { code: 11100000000091527K, name: 国家市场监督管理总局, prefix: "303015", parent: null, status: active }

          """,
        "catalogs/11100000000090379C/101001-000003.yaml": SmallRegistry.files[SmallRegistry.base]!
          .edited(replacing: "101001/000001", with: "101001/000003"),
        "catalogs/11100000000091527K/303015002-000010.yaml": SmallRegistry.files[SmallRegistry.filing]!
          .edited(replacing: "303001001/000002", with: "303015002/000010")
          .edited(replacing: SmallRegistry.ndrc, with: "11100000000091527K")
          .edited(replacing: "国家发展和改革委员会", with: "国家市场监督管理总局"),
        example: Self.specExample,
      ], in: sandbox, at: "spec", repository: false)
    let validated = try Mulu.run("validate", in: sandbox("spec"))
    #expect(validated.status == 0, "\(validated)")
    #expect(validated.stdout == "")
    let verdicts = try check([spec.path + "/" + example], in: sandbox)
    #expect(verdicts[spec.path + "/" + example] == "")
  }

  /// Broken variants of the approval resource: what mulu says, and what the schema must say too.
  static let broken: [(rule: String, old: String, new: String)] = [
    ("schema.unknown-field", "update_cycle: 每月\n", "update_cycle: 每月\nremark: 备注\n"),
    ("schema.required", "summary: 企业投资项目核准的申请、受理、批复信息。\n", ""),
    ("schema.required", "name: 企业投资项目核准信息", "name: \"\""),
    ("schema.enum", "update_cycle: 每月", "update_cycle: 每两周"),
    ("schema.enum", "{ name: 核准日期, type: D }", "{ name: 核准日期, type: Date }"),
    ("schema.type", "to_public: false", "to_public: \"yes\""),
    ("schema.type", "to_public: false", "to_public: no"),
    ("schema.type", "length: 24", "length: \"24\""),
    ("sharing.basis-required", "  type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n", "  type: 不予共享\n"),
    ("sharing.basis-required", "  type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n", "  type: 不予共享\n  basis: \"\"\n"),
    ("sharing.condition-required", "  condition: 仅向投资审批、统计部门提供\n", ""),
    ("sharing.condition-required", "  condition: 仅向投资审批、统计部门提供\n", "  condition: \"\"\n"),
    ("sharing.method-required", "  method:\n    class: 共享平台方式\n    type: 接口\n", ""),
    (
      "open.contradicts-sharing",
      "  type: 有条件共享\n  condition: 仅向投资审批、统计部门提供\n  method:\n    class: 共享平台方式\n    type: 接口\nopen:\n  to_public: false\n",
      "  type: 不予共享\n  basis: 《中华人民共和国统计法》第二十五条\nopen:\n  to_public: true\n"
    ),
    ("items.required", "items:\n  - { name: 项目代码, type: C, length: 24 }\n  - { name: 项目名称, type: C, length: 200 }\n  - { name: 核准日期, type: D }\n", "items: []\n"),
    ("items.required", "items:\n  - { name: 项目代码, type: C, length: 24 }\n  - { name: 项目名称, type: C, length: 200 }\n  - { name: 核准日期, type: D }\n", ""),
    ("items.length", "{ name: 项目代码, type: C, length: 24 }", "{ name: 项目代码, type: C }"),
    ("items.length", "{ name: 项目代码, type: C, length: 24 }", "{ name: 项目代码, type: C, length: 0 }"),
    ("date.invalid", "published: 2026-03-01", "published: 2026-02-30"),
    ("schema.required", "type: KingbaseES", "type: 其他"),
  ]

  @Test("broken files fail both mulu and the schema")
  func brokenFilesFail() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let original = try sandbox.read("registry/" + SmallRegistry.approval)
    var paths: [String] = []
    for (index, variant) in Self.broken.enumerated() {
      let sequence = String(format: "%06d", index + 11)
      let range = try #require(original.range(of: variant.old), "\(variant.rule): no \(variant.old.debugDescription)")
      var text = original.replacingCharacters(in: range, with: variant.new)
        .edited(replacing: "303001001/000001", with: "303001001/\(sequence)")
      // Each file a name of its own, unless the variant is about the name.
      if text.contains("企业投资项目核准信息") {
        text = text.edited(replacing: "企业投资项目核准信息", with: "企业投资项目核准信息（\(sequence)）", everywhere: true)
      }
      let path = "catalogs/\(SmallRegistry.ndrc)/303001001-\(sequence).yaml"
      try sandbox.write("registry/" + path, text)
      paths.append(path)
    }
    let outcome = try Mulu.run("validate", "--format", "json", in: registry)
    #expect(outcome.status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    var rulesByPath: [String: Set<String>] = [:]
    for finding in findings {
      rulesByPath[finding["path"] as? String ?? "", default: []].insert(finding["rule"] as? String ?? "")
    }
    let verdicts = try check(paths.map { sandbox("registry/" + $0) }, in: sandbox)
    for (path, variant) in zip(paths, Self.broken) {
      let change = variant.new.debugDescription
      #expect(rulesByPath[path]?.contains(variant.rule) == true, "mulu on \(change): \(rulesByPath[path] ?? [])")
      #expect(verdicts[sandbox("registry/" + path)]?.isEmpty == false, "the schema passed \(variant.rule): \(change)")
    }
    // Nothing else in the registry is touched by the variants.
    #expect(Set(rulesByPath.keys).isSubset(of: Set(paths)))
  }
}
