@testable import MuluCatalog
import Testing

/// `registry.yaml`'s `evaluation:` section, and the numbers JSON writes.
@Suite("Evaluation policy")
struct EvaluationPolicyTests {
  func settings(_ yaml: String) -> RegistrySettings {
    RegistrySettings(yaml: Array(("format: 1\nname: 目录\nlevel: national\n" + yaml).utf8))
  }

  @Test("the defaults are 100 points and a year")
  func defaults() {
    let policy = settings("").evaluation
    #expect(EvaluationPolicy.Component.allCases.reduce(0) { $0 + policy.weights[$1]! } == 100)
    #expect(policy.weights[.unconditionalShare] == 30)
    #expect(policy.staleAfterDays == 365)
  }

  @Test("a weight named replaces its default; the others keep theirs; bad values keep the default")
  func weights() {
    let policy = settings(
      "evaluation:\n  weights:\n    freshness: 0\n    unconditional_share: 5000\n    open_to_public_share: -3\n"
        + "    lengths_complete: many\n  stale_after_days: 0\n"
    ).evaluation
    #expect(policy.weights[.freshness] == 0)
    #expect(policy.weights[.unconditionalShare] == EvaluationPolicy.maxWeight)
    #expect(policy.weights[.openToPublicShare] == 10)
    #expect(policy.weights[.lengthsComplete] == 10)
    #expect(policy.staleAfterDays == 365)
    #expect(settings("evaluation:\n  stale_after_days: 90\n").evaluation.staleAfterDays == 90)
  }

  @Test("negative weights and days, unknown components and wrong types are findings of registry.yaml")
  func findings() throws {
    let snapshot = try #require(
      RuleExample.edit(
        "bad weights", "registry.yaml", replacing: "level: national\n",
        with: "level: national\nevaluation:\n  weights:\n    freshness: -1\n    speed: 3\n    open_to_public_share: many\n"
          + "  stale_after_days: -5\n"
      ).snapshot())
    let findings = try Validator.validate(snapshot).findings.filter { $0.path == "registry.yaml" }
    #expect(findings.map(\.rule).sorted() == ["dictionary.invalid", "dictionary.invalid", "schema.type", "schema.unknown-field"])
  }

  @Test("numbers keep at most four decimals and read back as written")
  func numbers() {
    #expect(JSON.number(1.0 / 3).serialized() == "0.3333")
    #expect(JSON.number(2.0 / 3).serialized() == "0.6667")
    #expect(JSON.number(1).serialized() == "1")
    #expect(JSON.number(0).serialized() == "0")
    #expect(JSON.number(68.75).serialized() == "68.75")
    #expect(JSON.number(nil as Double?).serialized() == "null")
    #expect(JSON.number(Double.nan).serialized() == "null")
  }
}
