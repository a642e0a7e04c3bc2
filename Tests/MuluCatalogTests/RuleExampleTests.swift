import MuluCatalog
import Testing

@Suite("Every rule's examples")
struct RuleExampleTests {
  @Test("the baseline registry is clean")
  func baselineIsClean() throws {
    let report = try Validator.validate(MemorySnapshot(Baseline.files))
    #expect(report.findings.map { "\($0.path): \($0.rule) \($0.message.en)" } == [])
  }

  @Test("a rule fires on its triggering examples and not on the others", arguments: CatalogRules.all.map { $0.id })
  func examples(id: String) throws {
    let rule = try #require(CatalogRules.rule(id))
    #expect(!rule.triggering.isEmpty && !rule.nonTriggering.isEmpty)
    for example in rule.triggering {
      let snapshot = try #require(example.snapshot(), "example \"\(example.title)\" does not apply to the baseline")
      let report = try Validator.validate(snapshot)
      #expect(report.findings.contains { $0.rule == id }, "\(id) should fire on \"\(example.title)\"")
    }
    for example in rule.nonTriggering {
      let snapshot = try #require(example.snapshot(), "example \"\(example.title)\" does not apply to the baseline")
      let report = try Validator.validate(snapshot)
      let found = report.findings.filter { $0.rule == id }.map { "\($0.path): \($0.message.en)" }
      #expect(found == [], "\(id) should stay silent on \"\(example.title)\"")
    }
  }

  @Test("rule ids are unique and have both languages")
  func ruleIDs() {
    let ids = CatalogRules.all.map { $0.id }
    #expect(Set(ids).count == ids.count)
    for rule in CatalogRules.all {
      #expect(!rule.meaning.zh.isEmpty && !rule.meaning.en.isEmpty && !rule.hint.zh.isEmpty && !rule.hint.en.isEmpty)
    }
  }
}
