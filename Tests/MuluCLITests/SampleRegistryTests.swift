import Foundation
import MuluTestSupport
import Testing

/// The sample national registry in registry/ (137 resources of 18 departments) stays clean.
@Suite("Sample registry")
struct SampleRegistryTests {
  @Test("validates with 0 errors and 0 warnings")
  func clean() throws {
    let outcome = try Mulu.run(["validate", "--format", "json", "-C", packageRoot + "/registry"], in: "/")
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout == "{\"errors\":0,\"warnings\":0,\"findings\":[]}\n")
    let text = try Mulu.run(["validate", "-C", packageRoot + "/registry"], in: "/", language: "zh_CN.UTF-8")
    #expect(text.status == 0)
    #expect(text.stdout == "")
    #expect(text.stderr == "0 个错误，0 个警告\n")
  }
}

/// `mulu rules`: every rule id of docs/rules.md that the catalog layer owns, with its severity.
@Suite("mulu rules")
struct RulesTests {
  /// docs/rules.md, the rules that judge one snapshot (the others judge history, pushes and refs).
  static let catalogRules: [(id: String, severity: String)] = [
    ("yaml.syntax", "error"), ("yaml.duplicate-key", "error"), ("yaml.forbidden", "error"),
    ("schema.required", "error"), ("schema.type", "error"), ("schema.enum", "error"),
    ("schema.unknown-field", "error"), ("file.too-large", "error"), ("tree.layout", "error"),
    ("tree.case-collision", "error"), ("code.format", "error"), ("code.filename", "error"),
    ("code.class-unknown", "error"), ("code.prefix-not-owned", "error"), ("code.duplicate", "error"),
    ("provider.unknown", "error"), ("provider.mismatch", "error"), ("provider.checksum", "error"),
    ("sharing.condition-required", "error"), ("sharing.basis-required", "error"),
    ("sharing.method-required", "error"), ("sharing.base-unconditional", "error"),
    ("open.contradicts-sharing", "error"), ("items.required", "error"), ("items.duplicate-name", "error"),
    ("items.length", "error"), ("date.invalid", "error"), ("date.future", "error"),
    ("text.invisible-character", "error"), ("name.duplicate", "error"),
    ("related.unknown", "error"), ("related.retired", "warning"), ("items.overlaps-base", "warning"),
  ]

  @Test("the JSON list has every catalog rule of docs/rules.md with its severity, meaning and hint")
  func json() throws {
    let sandbox = try Sandbox()
    let outcome = try Mulu.run("rules", "--format", "json", in: sandbox.path)
    #expect(outcome.status == 0, "\(outcome)")
    let rules = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    var listed: [String: [String: Any]] = [:]
    for rule in rules {
      let id = try #require(rule["id"] as? String)
      #expect(listed[id] == nil, "\(id) twice")
      listed[id] = rule
    }
    for (id, severity) in Self.catalogRules {
      let rule = try #require(listed[id], "mulu rules does not list \(id)")
      #expect(rule["severity"] as? String == severity, "\(id)")
      #expect((rule["meaning"] as? String)?.isEmpty == false, "\(id)")
      #expect((rule["hint"] as? String)?.isEmpty == false, "\(id)")
    }
  }

  @Test("the text list: one rule a line, id first, in both languages")
  func text() throws {
    let sandbox = try Sandbox()
    for language in ["C", "zh_CN.UTF-8"] {
      let outcome = try Mulu.run(["rules"], in: sandbox.path, language: language)
      #expect(outcome.status == 0)
      let lines = outcome.lines
      for (id, severity) in Self.catalogRules {
        let line = try #require(lines.first { $0.hasPrefix(id + " ") }, "\(id) (LANG=\(language))")
        #expect(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init) == severity)
      }
      let basis = try #require(lines.first { $0.hasPrefix("sharing.basis-required ") })
      #expect(basis.hasSuffix(language == "C" ? "a 不予共享 resource must state its basis in law, regulation or policy" : "不予共享的资源必须写明法律、行政法规或政策依据"))
    }
  }

  @Test("--format markdown documents each rule with its examples")
  func markdown() throws {
    let sandbox = try Sandbox()
    let outcome = try Mulu.run("rules", "--format", "markdown", in: sandbox.path)
    #expect(outcome.status == 0)
    for (id, severity) in Self.catalogRules {
      #expect(outcome.stdout.contains("\n| [`\(id)`](#"), "\(id)")
      #expect(outcome.stdout.contains("\n### `\(id)`\n\nSeverity: \(severity)\n"), "\(id)")
    }
  }

  @Test("docs/rules.md is what mulu rules --format markdown --lang en prints, byte for byte")
  func docsMatchTheRules() throws {
    let sandbox = try Sandbox()
    let outcome = try Mulu.run("rules", "--format", "markdown", "--lang", "en", in: sandbox.path)
    #expect(outcome.status == 0)
    let docs = try String(contentsOfFile: packageRoot + "/docs/rules.md", encoding: .utf8)
    #expect(
      docs == outcome.stdout,
      "docs/rules.md differs from the rules: run `mulu rules --format markdown --lang en > docs/rules.md`")
  }
}
