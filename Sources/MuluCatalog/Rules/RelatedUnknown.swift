/// `related.unknown`: `related`/`replaced_by` names no resource in the registry.
public enum RelatedUnknown: ResourceRule {
  public static let id = "related.unknown"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "关联或替代的资源代码在目录库中不存在", en: "related or replaced_by names no resource in the registry")
  public static let hint = LocalizedText(
    zh: "核对代码；被引用的资源须已登记", en: "check the code; the resource it names must be in the registry")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    var findings: [Finding] = []
    for (index, code) in resource.related.enumerated() where ResourceCode(code) != nil && !catalog.hasResource(withCode: code) {
      findings.append(finding(file.path, at: file.relatedMark(index), code: file.code, detail: code))
    }
    if let code = resource.retired?.replacedBy, ResourceCode(code) != nil, !catalog.hasResource(withCode: code) {
      findings.append(finding(file.path, at: file.mark("retired", "replaced_by"), code: file.code, detail: code))
    }
    return findings
  }

  /// The same findings for a file known by its digest (read in an earlier validation).
  static func check(_ file: ResourceDigest, in catalog: Catalog) -> [Finding] {
    check(file) { catalog.codes.contains($0) }
  }

  /// The same, with `present` saying which codes the registry has.
  static func check(_ file: ResourceDigest, present: (ResourceCode) -> Bool) -> [Finding] {
    guard let content = file.content else { return [] }
    var findings: [Finding] = []
    for (code, mark) in content.related where !present(code) {
      findings.append(finding(file.path, at: mark, code: file.code, detail: code.description))
    }
    if let text = content.replacedBy, let code = ResourceCode(text), !present(code) {
      findings.append(finding(file.path, at: content.replacedByMark, code: file.code, detail: text))
    }
    return findings
  }

  public static let triggering = [
    RuleExample.resource("a related code no one has", replacing: "related: [101001001/000001]", with: "related: [↓101001001/000099]")
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
