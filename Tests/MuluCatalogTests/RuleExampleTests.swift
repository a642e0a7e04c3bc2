@testable import MuluCatalog
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
      let found = report.findings.filter { $0.rule == id }
      #expect(!found.isEmpty, "\(id) should fire on \"\(example.title)\"")
      // Where it fires: at every ↓ of the example; an example whose finding has a place marks it.
      let marks = try #require(example.marks())
      let places = found.compactMap { finding in
        finding.line.map { RuleExample.Mark(path: finding.path, line: $0, column: finding.column ?? 1) }
      }
      // Raw bytes (a byte order mark, GBK, NUL) cannot hold a ↓.
      let marksPossible = !found.contains { example.bytes[$0.path] != nil }
      #expect(places.isEmpty || !marks.isEmpty || !marksPossible, "\(id): mark with ↓ where \"\(example.title)\" fires: \(places)")
      for mark in marks {
        #expect(places.contains(mark), "\(id) should fire at \(mark) on \"\(example.title)\", not only at \(places)")
      }
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
      var full = try Validator.validate(snapshot).limited(to: Array(changed)).findings
        .filter { $0.rule != ItemsOverlapsBase.id }
      if !changed.isDisjoint(with: ChangeValidator.contextPaths) {
        // Judged on the whole registry: its errors anywhere, its warnings on the change.
        full = try Validator.validate(snapshot).findings.filter { $0.severity == .error || changed.contains($0.path) }
      }
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

@Suite("Change validation reads only what a new name needs")
struct NameNeighbourhoodTests {
  let second = "catalogs/11100000000000001M/303001001-000002.yaml"

  func withSecond(_ text: String) -> MemorySnapshot {
    var files = Baseline.files
    files[second] = text
    return MemorySnapshot(files)
  }

  var namesake: String {
    Baseline.files[Baseline.departmentResourcePath]!.replacingFirst("code: 303001001/000001", with: "code: 303001001/000002")
  }

  @Test("a new resource with a neighbour's name is a duplicate")
  func newName() throws {
    let report = try ChangeValidator.validate(withSecond(namesake), changed: [second])
    #expect(report.findings.map(\.rule) == ["name.duplicate"])
  }

  @Test("a neighbour that spells the name with escapes is still found")
  func escapedNeighbour() throws {
    // 企业投资项目核准信息 with its first character escaped.
    var files = Baseline.files
    files[Baseline.departmentResourcePath] = Baseline.files[Baseline.departmentResourcePath]!
      .replacingFirst("name: 企业投资项目核准信息", with: "name: \"\\u4F01业投资项目核准信息\"")
    files[second] = namesake
    let report = try ChangeValidator.validate(MemorySnapshot(files), changed: [second])
    #expect(report.findings.map(\.rule) == ["name.duplicate"])
  }

  @Test("a resource whose name did not change is not compared again")
  func unchangedName() throws {
    // A duplicate that was there before the change belongs to the history, not to the change.
    let before = withSecond(namesake)
    let after = withSecond(namesake.replacingFirst("update_cycle: 每月", with: "update_cycle: 每日"))
    #expect(try ChangeValidator.validate(after, changed: [second], previous: before).findings == [])
    #expect(try ChangeValidator.validate(after, changed: [second]).findings.map(\.rule) == ["name.duplicate"])
  }

  @Test("a renamed resource is compared with its neighbours")
  func renamed() throws {
    let before = withSecond(namesake.replacingFirst("name: 企业投资项目核准信息", with: "name: 企业投资项目备案信息"))
    let report = try ChangeValidator.validate(withSecond(namesake), changed: [second], previous: before)
    #expect(report.findings.map(\.rule) == ["name.duplicate"])
  }
}
