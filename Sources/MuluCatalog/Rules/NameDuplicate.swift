/// `name.duplicate`: two active resources of one provider with one name.
public enum NameDuplicate: RegistryRule {
  public static let id = "name.duplicate"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "同一提供方的两个有效资源同名", en: "two active resources of one provider share a name")
  public static let hint = LocalizedText(
    zh: "合并这两个资源，或把名称写得更具体", en: "merge the two resources, or make the names more specific")

  public static func check(_ catalog: Catalog) -> [Finding] {
    // The first file of each name in each folder, and the names that have more.
    var first: [String: NameTable<Int>] = [:]
    var groups: [Int: [Int]] = [:]
    for (position, file) in catalog.resources.enumerated() where file.isRead && !file.isRetired && !file.name.isEmpty {
      let (earlier, added) = first[file.folder, default: NameTable()].value(for: file.name) { position }
      if !added { groups[earlier, default: [earlier]].append(position) }
    }
    var findings: [Finding] = []
    for positions in groups.values {
      let files = positions.map { catalog.resources[$0] }
      for file in files {
        let path = file.path
        let others = files.filter { $0.path != path }.map(\.code).sorted().joined(separator: ", ")
        findings.append(
          finding(
            path, at: file.content?.nameMark, code: file.code,
            message: meaning.with(zh: "“\(file.name)”，另见 \(others)", en: "\"\(file.name)\", also \(others)")))
      }
    }
    return findings
  }

  public static let triggering = [
    RuleExample(
      "the same name twice",
      files: [
        "catalogs/11100000000000001M/303001001-000002.yaml": Baseline.files[Baseline.departmentResourcePath]!
          .replacingFirst("code: 303001001/000001", with: "code: 303001001/000002")
          .replacingFirst("name: ", with: "name: ↓")
      ])
  ]
  public static let nonTriggering = [
    RuleExample(
      "a retired namesake",
      files: [
        "catalogs/11100000000000001M/303001001-000002.yaml": Baseline.files[Baseline.departmentResourcePath]!
          .replacingFirst("code: 303001001/000001", with: "code: 303001001/000002")
          + "retired:\n  date: 2026-05-01\n  reason: 职能调整\n  replaced_by: 303001001/000001\n"
      ])
  ]
}
