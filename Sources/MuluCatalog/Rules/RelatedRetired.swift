/// `related.retired`: points to a retired resource.
public enum RelatedRetired: RegistryRule {
  public static let id = "related.retired"
  public static let severity = Severity.warning
  public static let meaning = LocalizedText(zh: "关联的资源已注销", en: "points to a retired resource")
  public static let hint = LocalizedText(
    zh: "改为关联其替代资源", en: "point to the resource that replaced it")

  /// A retired resource's own links are history and are not judged again.
  public static func check(_ catalog: Catalog) -> [Finding] {
    var findings: [Finding] = []
    // By position, not by copy: a registry of 470,000 digests with dense links.
    for position in catalog.resources.indices {
      guard catalog.resources[position].content?.isRetired == false,
        let related = catalog.resources[position].content?.related, !related.isEmpty
      else { continue }
      let file = catalog.resources[position]
      for (code, mark) in related {
        guard let target = catalog.codes.firstPosition(of: code), catalog.resources[target].isRetired else { continue }
        let replacedBy = catalog.resources[target].content?.replacedBy
        let replacement = replacedBy.map { LocalizedText(zh: "，替代资源 \($0)", en: ", replaced by \($0)") }
        let text = code.description
        findings.append(
          finding(
            file.path, at: mark, code: file.code,
            message: meaning.with(zh: text + (replacement?.zh ?? ""), en: text + (replacement?.en ?? ""))))
      }
    }
    return findings
  }

  public static let triggering = [
    RuleExample(
      "the base resource retired",
      edits: [
        .init(
          path: Baseline.baseResourcePath, old: "published: 2025-06-30\n",
          new: "published: 2025-06-30\nretired:\n  date: 2026-06-30\n  reason: 数据整合\n"),
        .mark(before: "101001001/000001]"),
      ])
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
