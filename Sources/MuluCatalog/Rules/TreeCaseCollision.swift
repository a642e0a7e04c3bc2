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
    var findings: [Finding] = []
    for group in collidingGroups(entries.map(\.path)) {
      let sorted = group.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for path in sorted {
        let other = sorted.first { !$0.utf8.elementsEqual(path.utf8) } ?? path
        findings.append(finding(path, detail: other))
      }
    }
    return findings
  }

  /// The groups of paths, two or more each, that are one path in lower case.
  static func collidingGroups(_ paths: [String]) -> [[String]] {
    guard paths.allSatisfy(\.isASCII) else {
      // Swift compares strings by canonical equivalence, so NFC and NFD spellings meet in one key.
      var groups: [String: [String]] = [:]
      for path in paths { groups[path.lowercased(), default: []].append(path) }
      return groups.values.filter { $0.count > 1 }
    }
    // ASCII paths, all of a healthy registry: lower case is ASCII lower case, and equal text is
    // equal bytes, so the paths are compared where they stand, without a lower-case copy each.
    var first: [FoldedPath: Int] = [:]
    first.reserveCapacity(paths.count)
    var groups: [Int: [String]] = [:]
    for (position, path) in paths.enumerated() {
      let key = FoldedPath(path)
      if let earlier = first[key] {
        groups[earlier, default: [paths[earlier]]].append(path)
      } else {
        first[key] = position
      }
    }
    return Array(groups.values)
  }

  /// The names in one folder, by the name they collide as: for change validation, which asks
  /// about a few names in folders of thousands.
  struct FolderNames {
    private let names: [String]
    /// By ASCII lower case when every name is ASCII, else nil.
    private let byFolded: [FoldedPath: [String]]?
    /// By `lowercased()` text when some name is not ASCII, else nil.
    private let byLowercased: [String: [String]]?

    init(_ names: [String]) {
      self.names = names
      if names.allSatisfy(\.isASCII) {
        byFolded = Dictionary(grouping: names, by: FoldedPath.init)
        byLowercased = nil
      } else {
        byFolded = nil
        byLowercased = Dictionary(grouping: names) { $0.lowercased() }
      }
    }

    /// The first name of the folder, in its order, that is not `name` but is `name` in lower case.
    func collision(with name: String) -> String? {
      let candidates: [String]
      if let byFolded, name.isASCII {
        candidates = byFolded[FoldedPath(name)] ?? []
      } else if let byLowercased {
        candidates = byLowercased[name.lowercased()] ?? []
      } else {
        let folded = name.lowercased()
        candidates = names.filter { $0.lowercased() == folded }
      }
      return candidates.first { !$0.utf8.elementsEqual(name.utf8) }
    }
  }

  /// An ASCII path compared and hashed as its ASCII lower case.
  private struct FoldedPath: Hashable {
    let path: String

    init(_ path: String) {
      self.path = path
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
      byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    static func == (a: FoldedPath, b: FoldedPath) -> Bool {
      guard a.path.utf8.count == b.path.utf8.count else { return false }
      var x = a.path, y = b.path
      return x.withUTF8 { x in y.withUTF8 { y in zip(x, y).allSatisfy { folded($0) == folded($1) } } }
    }

    func hash(into hasher: inout Hasher) {
      var path = path
      path.withUTF8 { bytes in
        var word: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
          word = word << 8 | UInt64(FoldedPath.folded(byte))
          if index % 8 == 7 {
            hasher.combine(word)
            word = 0
          }
        }
        hasher.combine(word)
        hasher.combine(bytes.count)
      }
    }
  }

  public static let triggering = [
    RuleExample("README.md and readme.md", files: ["README.md": "a\n", "readme.md": "b\n"]),
    RuleExample("a .gitignore and a .GITIGNORE", files: [".gitignore": "*.swp\n", ".GITIGNORE": "*.bak\n"]),
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
