@testable import MuluCatalog
import Testing

/// What `registry.yaml` sets: severities and limits.
@Suite("Registry settings")
struct SettingsTests {
  /// The example's registry with `rules: { id: off }`.
  func turningOff(_ id: String, in example: RuleExample) throws -> MemorySnapshot {
    var snapshot = try #require(example.snapshot())
    snapshot.files["registry.yaml"]! += Array("rules:\n  \(id): off\n".utf8)
    return snapshot
  }

  @Test("a rule set to off is not run: neither a file's own rule nor a registry-wide one")
  func offIsNotRun() throws {
    for rule in [ItemsLength.self, ItemsOverlapsBase.self] as [any Rule.Type] {
      let snapshot = try turningOff(rule.id, in: rule.triggering[0])
      let (catalog, loaded) = try Validator.load(snapshot)
      #expect(!catalog.settings.runs(rule))
      #expect(!(loaded + Validator.check(catalog)).contains { $0.rule == rule.id }, "\(rule.id)")
      #expect(!(try Validator.validate(snapshot)).findings.contains { $0.rule == rule.id }, "\(rule.id)")
      let changed = rule.triggering[0].edits.map(\.path)
      #expect(!(try ChangeValidator.validate(snapshot, changed: changed)).findings.contains { $0.rule == rule.id })
    }
  }
}
