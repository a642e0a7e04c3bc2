import Foundation
import MuluCatalog

extension String {
  /// The one way the tests edit a fixture's text: `old` replaced by `new` where it stands once
  /// (or, `everywhere`, wherever it stands). Stops the run when the text has no `old`, or has it
  /// more than once and `everywhere` is not asked for, so that an edit cannot silently do nothing
  /// or touch a place the test did not mean.
  public func edited(
    replacing old: String, with new: String, everywhere: Bool = false, file: StaticString = #fileID, line: UInt = #line
  ) -> String {
    if let problem = problemEditing(old, everywhere: everywhere) {
      preconditionFailure("\(problem):\n\(self)", file: file, line: line)
    }
    return everywhere ? replacingOccurrences(of: old, with: new) : replacingCharacters(in: range(of: old)!, with: new)
  }

  /// Why `edited(replacing: old, everywhere:)` cannot edit the text; nil when it can.
  public func problemEditing(_ old: String, everywhere: Bool = false) -> String? {
    guard let first = range(of: old) else { return "the text does not contain \(old.debugDescription)" }
    if !everywhere, self[first.upperBound...].contains(old) {
      return "the text contains \(old.debugDescription) more than once"
    }
    return nil
  }
}

extension Baseline {
  /// The baseline department resource with its fields shuffled, odd quoting and block-style items.
  public static let scrambledDepartmentResource = """
    published: "2026-03-01"
    related:
      - 101001001/000001
    name: '企业投资项目核准信息'
    code: "303001001/000001"
    update_cycle: "每月"
    provider:
      name: 国家发展和改革委员会
      unit: "固定资产投资司"
      code: 11100000000000001M
    summary: >-
      企业投资项目核准的申请、受理、批复信息。
    items:
      - name: 统一社会信用代码
        type: C
        length: 18
      - type: "C"
        name: 项目名称
        length: 200
      - {type: D, name: 核准日期}
    format: {type: KingbaseES, class: 数据库}
    open:
      to_public: false
    sharing:
      method: {type: 接口, class: 共享平台方式}
      condition: '仅向投资审批、统计部门提供'
      type: 有条件共享

    """
}

/// A resource file for a test registry, as `mulu fmt` writes it: one builder for every fixture
/// that needs a resource other than the baseline's, so that no test keeps a copy of the format.
/// By default an 电子表格 (xlsx) shared 无条件 through the platform as files, not open.
public struct ResourceFixture: Sendable {
  public var code: String
  public var name: String
  public var provider: String
  public var providerName: String
  /// Defaults to the name and a full stop.
  public var summary: String?
  /// Flow-style items, e.g. `{ name: 项目名称, type: C, length: 200 }`.
  public var items: [String]
  /// The lines under `sharing:`, unindented.
  public var sharing: [String]
  public var toPublic: Bool
  public var updateCycle: String
  public var published: String
  public var retired: (date: String, reason: String)?

  public init(
    code: String, name: String, provider: String, providerName: String, summary: String? = nil,
    items: [String] = ["{ name: 项目名称, type: C, length: 200 }"],
    sharing: [String] = ["type: 无条件共享", "method:", "  class: 共享平台方式", "  type: 文件"], toPublic: Bool = false,
    updateCycle: String = "每月",
    published: String = "2026-03-01", retired: (date: String, reason: String)? = nil
  ) {
    self.code = code
    self.name = name
    self.provider = provider
    self.providerName = providerName
    self.summary = summary
    self.items = items
    self.sharing = sharing
    self.toPublic = toPublic
    self.updateCycle = updateCycle
    self.published = published
    self.retired = retired
  }

  /// The file's text.
  public var yaml: String {
    var text = """
      code: \(code)
      name: \(name)
      provider:
        code: \(provider)
        name: \(providerName)
      summary: \(summary ?? name + "。")
      format:
        class: 电子表格
        type: xlsx
      items:

      """
    for item in items { text += "  - \(item)\n" }
    text += "sharing:\n"
    for line in sharing { text += "  \(line)\n" }
    text += """
      open:
        to_public: \(toPublic)
      update_cycle: \(updateCycle)
      published: \(published)

      """
    if let retired { text += "retired:\n  date: \(retired.date)\n  reason: \(retired.reason)\n" }
    return text
  }
}
