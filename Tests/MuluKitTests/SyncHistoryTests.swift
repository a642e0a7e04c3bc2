import Foundation
import MuluCatalog
import MuluKit
import MuluTestSupport
import Testing

/// Sync judges a fork's change by the history rules of the hook: a fork pushes nothing into
/// the national registry that a push by its department could not.
extension Sync.Outcome {
  /// The findings of a sync refused for them.
  var findingsRefused: [Finding]? {
    guard case .refused(.invalid(let report)) = self else { return nil }
    return report.findings
  }
}

@Suite struct SyncHistoryTests {
  static let retired = "related: [101001001/000001]\nretired:\n  date: 2026-06-30\n  reason: 职能划转\n"

  /// The national registry with 国家发展和改革委员会's resource retired, and the fork up to date with it.
  static func retiredLab() throws -> RegistryLab {
    let lab = try RegistryLab()
    try lab.makeNational()
    try lab.commitNational("注销发改委资源") {
      try lab.edit("work", Baseline.departmentResourcePath, replacing: "related: [101001001/000001]\n", with: retired)
    }
    try lab.git("ndrc", "pull", "-q", "--ff-only")
    return lab
  }

  @Test func aForkThatRewritesARetiredResourceIsRefused() throws {
    let lab = try Self.retiredLab()
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: "reason: 职能划转", with: "reason: 机构改革")
    try lab.commitAll("ndrc", "改注销原因")
    let refs = try references(lab)

    let findings = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).findingsRefused)
    #expect(findings.map(\.rule) == ["retire.immutable"])
    #expect(findings.map(\.path) == [Baseline.departmentResourcePath])
    #expect(try references(lab) == refs)
  }

  @Test func aForkCannotUnretireAResource() throws {
    let lab = try Self.retiredLab()
    try lab.edit("ndrc", Baseline.departmentResourcePath, replacing: Self.retired, with: "related: [101001001/000001]\n")
    try lab.commitAll("ndrc", "撤销注销")

    let findings = try #require(try Sync.pull(in: lab.workspace(), lab.request("ndrc")).findingsRefused)
    #expect(findings.map(\.rule) == ["retire.immutable"])
    #expect(findings.first?.message.en.contains("only maintainers may un-retire") == true)
  }
}
