import Foundation
import MuluTestSupport
import Testing

/// Retired resources and the departments dictionary (docs/hooks.md, docs/rules.md): a
/// department whose resources are all retired can be renamed (机构改革).
@Suite("Retired resources and renamed departments", .timeLimit(.minutes(2)))
struct RenameAndRetireTests {
  static let retired = "related: [101001001/000001]\nretired:\n  date: 2026-06-30\n  reason: 职能划转\n"

  /// A server whose main holds 国家发展和改革委员会's only resource, retired.
  static func labWithRetiredResource() throws -> HookLab {
    let lab = try HookLab()
    try lab.edit(HookLab.ndrcResource, "related: [101001001/000001]\n", retired)
    try lab.seed()
    return lab
  }

  @Test("a maintainer renames a department whose resources are retired; the files follow; the diff says so")
  func renameRetiredDepartment() throws {
    let lab = try Self.labWithRetiredResource()
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
    try lab.commit("改名", editing: HookLab.ndrcResource, "  name: 国家发展改革委", "  name: 发改委")
    outcome = try lab.pushRejected(as: "ndrc-editor", ["main"])
    #expect(
      outcome.stderr.contains(
        "error[retire.immutable]: a retired resource was changed (maintainers may un-retire): provider.name may only take the department's name in dictionaries/departments.yaml (国家发展改革委)"),
      "\(outcome)")
  }

  @Test("un-retiring a resource of a dissolved department goes through with a warning")
  func unretireUnderADissolvedDepartment() throws {
    let lab = try Self.labWithRetiredResource()
    try lab.edit(
      "dictionaries/departments.yaml", "prefix: \"303001\"\n    parent: null\n    status: active",
      "prefix: \"303001\"\n    parent: null\n    status: dissolved")
    try lab.commit("国家发展和改革委员会撤销")
    var outcome = try lab.pushAccepted(as: "ndrc-admin", ["main"])
    #expect(!outcome.stderr.contains("provider.dissolved"), "its only resource is retired: \(outcome)")

    try lab.commit("恢复资源", editing: HookLab.ndrcResource, "retired:\n  date: 2026-06-30\n  reason: 职能划转\n", "")
    outcome = try lab.pushAccepted(as: "ndrc-admin", ["main"])
    #expect(
      outcome.stderr.contains(
        "\(HookLab.ndrcResource):5:9: warning[provider.dissolved]: the resource is in force, but its department is dissolved in departments.yaml: 国家发展和改革委员会 (\(HookLab.ndrc))"),
      "\(outcome)")
    #expect(outcome.stderr.contains("mulu: push accepted: 0 errors, 1 warning"), "\(outcome)")
    outcome = try lab.run([lab.mulu, "validate", "--lang", "zh"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("warning[provider.dissolved]: 资源仍在使用，但其提供部门已在 departments.yaml 中撤销（dissolved）"), "\(outcome)")
  }
}
