/// `tree.case-collision`: two paths equal after case folding / NFC.
public enum TreeCaseCollision: Rule {
  public static let id = "tree.case-collision"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "两个路径仅大小写或 Unicode 规范化形式不同", en: "two paths differ only by case or Unicode normalisation")
  public static let hint = LocalizedText(
    zh: "删除其中一个；Windows 和 macOS 上它们是同一个文件", en: "remove one of them: on Windows and macOS they are the same file")

  static func check(_ entries: [SnapshotEntry]) -> [Finding] {
    // Swift compares strings by canonical equivalence, so NFC and NFD spellings meet in one key.
    var seen: [String: String] = [:]
    var findings: [Finding] = []
    for path in entries.map(\.path).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let folded = path.lowercased()
      if let other = seen[folded] {
        findings.append(finding(path, detail: other))
      } else {
        seen[folded] = path
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
