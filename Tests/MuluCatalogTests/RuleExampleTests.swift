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

@Suite("One engine on a change")
struct ChangeValidatorTests {
  /// On every example, validating only the changed files gives the verdict full validation gives on them.
  @Test("the change verdict equals the full verdict on the changed paths", arguments: CatalogRules.all.map { $0.id })
  func sameVerdict(id: String) throws {
    let rule = try #require(CatalogRules.rule(id))
    for example in rule.triggering + rule.nonTriggering {
      let snapshot = try #require(example.snapshot())
      let changed = Set(example.edits.map(\.path) + example.files.keys + example.bytes.keys + example.kinds.keys)
      let full = try Validator.validate(snapshot).limited(to: Array(changed)).findings
        .filter { $0.rule != ItemsOverlapsBase.id }
      let change = try ChangeValidator.validate(snapshot, changed: Array(changed)).findings
      #expect(change == full, "\(id): \(example.title)")
    }
  }

  @Test("an unchanged file's findings are not the change's")
  func scoped() throws {
    var files = Baseline.files
    files["notes.txt"] = "旧的草稿"
    let report = try ChangeValidator.validate(MemorySnapshot(files), changed: [Baseline.departmentResourcePath])
    #expect(report.findings == [])
  }
}
