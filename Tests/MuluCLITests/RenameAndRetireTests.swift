import Foundation
import MuluTestSupport
import Testing

/// Retired resources and the departments dictionary (docs/hooks.md, docs/rules.md): a
/// department whose resources are all retired can be renamed (机构改革).
@Suite("Retired resources and renamed departments", .timeLimit(.minutes(2)))
struct RenameAndRetireTests {
  static let retired = "related: [101001001/000001]\nretired:\n  date: 2026-06-30\n  reason: 职能划转\n"

  @Test("a maintainer renames a department whose resources are retired; the files follow; the diff says so")
  func renameRetiredDepartment() throws {
    let lab = try HookLab()
    try lab.edit(HookLab.ndrcResource, "related: [101001001/000001]\n", Self.retired)
    try lab.seed()
    try lab.edit("dictionaries/departments.yaml", "name: 国家发展和改革委员会", "name: 国家发展改革委")
    // The dictionary alone leaves the retired file naming the old department.
    try lab.commit("机构改革：国家发展改革委")
    var outcome = try lab.pushRejected(as: "ndrc-admin", ["main"])
    #expect(outcome.stderr.contains("error[provider.mismatch]"), "\(outcome)")
    // With the retired file following the dictionary, the push goes through.
    try lab.edit(HookLab.ndrcResource, "  name: 国家发展和改革委员会", "  name: 国家发展改革委")
    try lab.commit("机构改革：国家发展改革委", ["--amend"])
    outcome = try lab.pushAccepted(as: "ndrc-admin", ["main"])
    #expect(!outcome.stderr.contains("retire.immutable"), "\(outcome)")

    outcome = try lab.run([lab.mulu, "diff", "HEAD~1", "HEAD"])
    #expect(
      outcome.stdout.contains(
        "  modified 303001001/000001 企业投资项目核准信息 (retired; the department was renamed in departments.yaml)\n"
          + "    provider.name: 国家发展和改革委员会 → 国家发展改革委\n"), "\(outcome)")
    outcome = try lab.run([lab.mulu, "diff", "HEAD~1", "HEAD", "--lang", "zh"])
    #expect(outcome.stdout.contains("企业投资项目核准信息（已注销；部门在 departments.yaml 中更名）"), "\(outcome)")

    // Any other name, or any other change, of a retired file is still refused.
    try lab.edit(HookLab.ndrcResource, "  name: 国家发展改革委", "  name: 发改委")
    try lab.commit("改名")
    outcome = try lab.pushRejected(as: "ndrc-editor", ["main"])
    #expect(
      outcome.stderr.contains(
        "error[retire.immutable]: a retired resource was changed (maintainers may un-retire): provider.name may only take the department's name in dictionaries/departments.yaml (国家发展改革委)"),
      "\(outcome)")
  }
}
