/// `tree.case-collision`: two paths equal after case folding / NFC.
public enum TreeCaseCollision: Rule {
  public static let id = "tree.case-collision"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "两个路径仅大小写或 Unicode 规范化形式不同", en: "two paths differ only by case or Unicode normalisation")
  public static let hint = LocalizedText(
    zh: "删除其中一个；Windows 和 macOS 上它们是同一个文件", en: "remove one of them: on Windows and macOS they are the same file")

  /// Every path of a colliding group is reported, naming the first of the others.
  static func check(_ entries: [SnapshotEntry]) -> [Finding] {
    // Swift compares strings by canonical equivalence, so NFC and NFD spellings meet in one key.
    var groups: [String: [String]] = [:]
    for path in entries.map(\.path) {
      groups[path.lowercased(), default: []].append(path)
    }
    var findings: [Finding] = []
    for group in groups.values where group.count > 1 {
      let sorted = group.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for path in sorted {
        let other = sorted.first { !$0.utf8.elementsEqual(path.utf8) } ?? path
        findings.append(finding(path, detail: other))
      }
    }
    return findings
  }

  public static let triggering = [
    RuleExample("README.md and readme.md", files: ["README.md": "a\n", "readme.md": "b\n"]),
    RuleExample("a .gitignore and a .GITIGNORE", files: [".gitignore": "*.swp\n", ".GITIGNORE": "*.bak\n"]),
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
