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

  @Test("settings given to change validation stand for those of the snapshot's registry.yaml")
  func givenSettings() throws {
    let example = ItemsLength.triggering[0]
    let path = Baseline.departmentResourcePath
    // The push turns items.length off and raises the file limit; the protected branch does not.
    var pushed = try turningOff(ItemsLength.id, in: example)
    pushed.files["registry.yaml"]! += Array("limits:\n  max_file_bytes: 1000000\n".utf8)
    pushed.files[path]! += Array(("summary_note: " + String(repeating: "长", count: 100_000) + "\n").utf8)
    let protected = RegistrySettings()
    #expect(try ChangeValidator.validate(pushed, changed: [path]).findings.map(\.rule) == [SchemaUnknownField.id])
    #expect(
      try ChangeValidator.validate(pushed, changed: [path], settings: protected).findings.map(\.rule) == [FileTooLarge.id])

    // And the other way: the branch turns a rule off that the snapshot has on.
    let plain = try #require(example.snapshot())
    var quiet = RegistrySettings()
    quiet.overrides[ItemsLength.id] = .off
    #expect(try ChangeValidator.validate(plain, changed: [path]).findings.map(\.rule) == [ItemsLength.id])
    #expect(try ChangeValidator.validate(plain, changed: [path], settings: quiet).findings == [])
    // A change to registry.yaml itself, judged on the whole registry, by the given settings too.
    let changed = ["registry.yaml", path]
    #expect(try ChangeValidator.validate(plain, changed: changed).findings.map(\.rule) == [ItemsLength.id])
    #expect(try ChangeValidator.validate(plain, changed: changed, settings: quiet).findings == [])
  }
}
