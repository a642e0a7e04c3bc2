import MuluCatalog

extension String {
  /// The text with every occurrence of `old` replaced by `new`; stops the run when the text has
  /// no `old`, so that an edit of a fixture cannot silently do nothing.
  public func edited(replacing old: String, with new: String) -> String {
    precondition(contains(old), "the text does not contain \(old.debugDescription):\n\(self)")
    return replacingOccurrences(of: old, with: new)
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
