import Foundation
import MuluTestSupport
import Testing

/// docs/commands.md: `{"errors":N,"warnings":N,"findings":[{"rule","severity","path","line","column","code","message","hint"}]}`.
@Suite("JSON output")
struct JSONOutputTests {
  static let findingKeys: Set<String> = ["rule", "severity", "path", "line", "column", "code", "message", "hint"]

  /// A JSON number that is a whole number, not a boolean.
  func isInteger(_ value: Any?) -> Bool {
    guard let number = value as? NSNumber else { return false }
    // Booleans are "c"; whole numbers one of the integer type codes.
    return ["i", "s", "l", "q", "I", "S", "L", "Q"].contains(String(cString: number.objCType))
  }

  func parse(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
  }

  /// `mulu validate --format json` of the small registry with five errors and a warning.
  func brokenValidation() throws -> Outcome {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    try SmallRegistry.warnOnly(in: sandbox)
    try SmallRegistry.breakIt(in: sandbox)
    return try Mulu.run(["validate", "--format", "json"], in: registry)
  }

  /// Its findings.
  func brokenFindings() throws -> [[String: Any]] {
    try #require(try parse(brokenValidation().stdout)["findings"] as? [[String: Any]])
  }

  @Test("the object counts errors and warnings as whole numbers beside the findings")
  func shape() throws {
    let outcome = try brokenValidation()
    #expect(outcome.status == 1)
    #expect(outcome.stderr == "")
    #expect(outcome.stdout.hasSuffix("}\n"))
    let object = try parse(outcome.stdout)
    #expect(Set(object.keys) == ["errors", "warnings", "findings"])
    #expect(isInteger(object["errors"]) && isInteger(object["warnings"]))
    #expect(object["errors"] as? Int == 5)
    #expect(object["warnings"] as? Int == 1)
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(findings.count == 6)
    #expect(findings.filter { $0["severity"] as? String == "error" }.count == 5)
  }

  @Test("every finding has every key, each of its type: text, a whole number or null")
  func everyFindingsTypes() throws {
    for finding in try brokenFindings() {
      #expect(Set(finding.keys) == Self.findingKeys, "\(finding)")
      for key in ["rule", "severity", "path", "message", "hint"] {
        #expect((finding[key] as? String)?.isEmpty == false, "\(key) of \(finding)")
      }
      #expect(["error", "warning"].contains(finding["severity"] as? String))
      for key in ["line", "column"] {
        #expect(isInteger(finding[key]) || finding[key] is NSNull, "\(key) of \(finding)")
      }
      #expect(finding["code"] is String || finding["code"] is NSNull)
    }
  }

  @Test("a finding in a resource has its position, its code, its message and its hint")
  func aFindingInAResource() throws {
    let findings = try brokenFindings()
    let basis = try #require(findings.first { $0["rule"] as? String == "sharing.basis-required" })
    #expect(basis["path"] as? String == SmallRegistry.approval)
    #expect(basis["line"] as? Int == 17)
    #expect(basis["column"] as? Int == 9)
    #expect(basis["code"] as? String == "303001001/000001")
    #expect(basis["message"] as? String == "a 不予共享 resource must state its basis in law, regulation or policy")
    #expect(basis["hint"] as? String == "cite the provision in sharing.basis, e.g. 《中华人民共和国统计法》第二十五条")
  }

  @Test("a finding of a file with no position or code has null there; a warning is a warning")
  func nullWhereThereIsNoPositionOrCode() throws {
    let findings = try brokenFindings()
    let stray = try #require(findings.first { $0["path"] as? String == "notes.txt" })
    #expect(stray["rule"] as? String == "tree.layout")
    #expect(stray["line"] is NSNull)
    #expect(stray["column"] is NSNull)
    #expect(stray["code"] is NSNull)

    let warning = try #require(findings.first { $0["severity"] as? String == "warning" })
    #expect(warning["rule"] as? String == "related.retired")
  }

  @Test("on the wire: one line, the keys in the order of docs/commands.md")
  func onTheWire() throws {
    let outcome = try brokenValidation()
    #expect(outcome.stdout.hasPrefix("{\"errors\":5,\"warnings\":1,\"findings\":[{\"rule\":"))
    #expect(outcome.stdout.filter { $0 == "\n" }.count == 1)
    #expect(
      outcome.stdout.contains(
        "{\"rule\":\"tree.layout\",\"severity\":\"error\",\"path\":\"notes.txt\",\"line\":null,\"column\":null,\"code\":null,"
          + "\"message\":\"a path outside the registry layout: the top holds only registry.yaml, access.yaml, allowed_signers, sources.yaml, README*, .gitattributes, .gitignore, dictionaries/ and catalogs/\",\"hint\":"))
  }

  @Test("the text and JSON forms report the same findings, in the same order")
  func sameAsText() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    try SmallRegistry.breakIt(in: sandbox)
    let text = try Mulu.run(["validate"], in: registry)
    let json = try parse(Mulu.run(["validate", "--format", "json"], in: registry).stdout)
    let findings = try #require(json["findings"] as? [[String: Any]])
    let rebuilt = findings.map { finding -> String in
      var place = finding["path"] as? String ?? ""
      if let line = finding["line"] as? Int { place += ":\(line)" }
      if let column = finding["column"] as? Int { place += ":\(column)" }
      let severity = finding["severity"] as? String ?? ""
      let rule = finding["rule"] as? String ?? ""
      return "\(place): \(severity)[\(rule)]: \(finding["message"] as? String ?? "") (hint: \(finding["hint"] as? String ?? ""))"
    }
    #expect(rebuilt == text.lines)
  }

  @Test("messages in Chinese with --lang zh; a clean registry is an empty list")
  func chineseAndClean() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let clean = try Mulu.run(["validate", "--format", "json"], in: registry)
    #expect(clean.status == 0)
    #expect(clean.stdout == "{\"errors\":0,\"warnings\":0,\"findings\":[]}\n")

    try SmallRegistry.breakIt(in: sandbox)
    let outcome = try Mulu.run(["validate", "--format", "json", "--lang", "zh"], in: registry)
    let findings = try #require(try parse(outcome.stdout)["findings"] as? [[String: Any]])
    let basis = try #require(findings.first { $0["rule"] as? String == "sharing.basis-required" })
    #expect(basis["message"] as? String == "不予共享的资源必须写明法律、行政法规或政策依据")
    #expect(basis["severity"] as? String == "error")
  }
}
