import Foundation
import MuluTestSupport
import Testing

/// Slips of a Chinese input method in resource files: named with the character, its line and
/// column, in the user's language, from a commit as from the working tree.
@Suite("Typing slips")
struct TypingSlipTests {
  /// The approval resource with one edit, committed; the findings of `validate --rev HEAD`.
  func findings(replacing old: String, with new: String, language: String, options: [String] = []) throws -> Outcome {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try sandbox.edit("registry/" + SmallRegistry.approval, replacing: old, with: new)
    try repo.commit("国家发展和改革委员会：修改资源")
    let outcome = try Mulu.run(["validate", "--rev", "HEAD", SmallRegistry.approval] + options, in: registry, language: language)
    #expect(outcome.status == 1, "\(outcome)")
    let working = try Mulu.run(["validate", SmallRegistry.approval] + options, in: registry, language: language)
    #expect(working.stdout == outcome.stdout)
    return outcome
  }

  @Test("a full-width comma in a flow list: its line and column, not a malformed code")
  func comma() throws {
    let outcome = try findings(
      replacing: "related: [101001/000001]", with: "related: [101001/000001，303001001/000002]", language: "zh_CN.UTF-8")
    #expect(
      outcome.stdout == """
        \(SmallRegistry.approval):26:24: error[yaml.fullwidth-punctuation]: YAML 的语法位置用了全角标点：全角逗号“，”（U+FF0C）应为半角逗号“,” \
        (hint: 切换到英文标点（半角）输入“,”和“:”；文字内容里的全角标点不受影响)

        """)
  }

  @Test("summary：… with a full-width colon, on its own line, not on the next one as libyaml says")
  func colon() throws {
    let outcome = try findings(
      replacing: "summary: 企业投资项目核准", with: "summary：企业投资项目核准", language: "en_US.UTF-8")
    #expect(
      outcome.stdout == """
        \(SmallRegistry.approval):8:8: error[yaml.fullwidth-punctuation]: full-width punctuation where YAML needs ASCII: \
        full-width colon "：" (U+FF1A) after summary where ": " is needed \
        (hint: type "," and ":" with ASCII punctuation; full-width punctuation inside text is fine)

        """)
  }

  @Test("name:值 without a space")
  func missingSpace() throws {
    let outcome = try findings(replacing: "name: 企业投资项目核准信息", with: "name:企业投资项目核准信息", language: "zh_CN.UTF-8")
    #expect(outcome.stdout.hasPrefix("\(SmallRegistry.approval):3:5: error[yaml.colon-space]: 键后的冒号“:”后面缺少空格：应写作 name: …"))
  }

  @Test("a tab and full-width spaces in the indentation")
  func indentation() throws {
    let tab = try findings(replacing: "  type: 有条件共享", with: "\ttype: 有条件共享", language: "zh_CN.UTF-8")
    #expect(tab.stdout.hasPrefix("\(SmallRegistry.approval):17:1: error[yaml.tab-indent]: 缩进只能用半角空格：缩进里有制表符（Tab）"))
    let wide = try findings(replacing: "  type: 有条件共享", with: "\u{3000}\u{3000}type: 有条件共享", language: "en_US.UTF-8")
    #expect(
      wide.stdout.hasPrefix(
        "\(SmallRegistry.approval):17:1: error[yaml.tab-indent]: indentation must be ASCII spaces: a full-width space (U+3000) in the indentation"))
  }

  @Test("libyaml's own messages in Chinese under --lang zh")
  func libyamlInChinese() throws {
    let outcome = try findings(
      replacing: "related: [101001/000001]", with: "related: [101001/000001", language: "C", options: ["--lang", "zh"])
    #expect(outcome.stdout.hasPrefix("\(SmallRegistry.approval):27:1: error[yaml.syntax]: 不是可解析的 UTF-8 YAML 文件：找不到应有的“,”或“]”"))
  }
}
