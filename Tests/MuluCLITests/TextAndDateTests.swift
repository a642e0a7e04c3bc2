import Foundation
import MuluTestSupport
import Testing

/// `date.future` and `text.invisible-character` (docs/rules.md): findings of every engine, on a
/// commit, in the working tree, and in the hook.
@Suite("Dates far ahead and invisible characters", .timeLimit(.minutes(2)))
struct TextAndDateTests {
  @Test("a zero-width space in a name and a date in 2099 are found by validate --rev and refused by the hook")
  func foundEverywhere() throws {
    let lab = try HookLab.seeded()
    try lab.edit(HookLab.ndrcResource, "name: 企业投资项目核准信息", "name: \"企业投资\\u200B项目核准信息\"")
    try lab.edit(HookLab.ndrcResource, "{ name: 项目名称, type: C, length: 200 }", "{ name: \"项目\\u0007名称\", type: C, length: 200 }")
    try lab.commit("看不见的字符", editing: HookLab.ndrcResource, "published: 2026-03-01", "published: 2062-03-01")
    var outcome = try lab.run([lab.mulu, "validate", "--rev", "HEAD"])
    #expect(outcome.status == 1, "\(outcome)")
    let path = HookLab.ndrcResource
    #expect(
      outcome.stdout.contains(
        "\(path):3:7: error[text.invisible-character]: a name or summary holds a control or invisible character: character 5 of name is U+200B ZERO WIDTH SPACE"),
      "\(outcome)")
    #expect(outcome.stdout.contains("error[text.invisible-character]: a name or summary holds a control or invisible character: character 3 of items[2].name is U+0007"), "\(outcome)")
    #expect(outcome.stdout.contains("\(path):25:12: error[date.future]: the publication date is more than a year after today: 2062-03-01"), "\(outcome)")
    outcome = try lab.run([lab.mulu, "validate", "--lang", "zh"])
    #expect(outcome.stdout.contains("名称或摘要含有控制字符或不可见字符：name 的第 5 个字符是 U+200B ZERO WIDTH SPACE"), "\(outcome)")
    #expect(outcome.stdout.contains("发布日期比今天晚一年以上：2062-03-01"), "\(outcome)")

    outcome = try lab.pushRejected(as: "ndrc-editor", ["main"])
    #expect(outcome.stderr.contains("error[text.invisible-character]"), "\(outcome)")
    #expect(outcome.stderr.contains("error[date.future]"), "\(outcome)")
  }
}
