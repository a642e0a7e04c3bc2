/// `tree.case-collision`: two paths equal after case folding / NFC.
/// Raised by `Validator` and `ChangeValidator`, through its own check over every path.
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

  /// The names in one folder, for change validation, which asks about a few names in folders
  /// of thousands. ASCII names are compared by ASCII case where their bytes stand: the first
  /// few questions by a pass over them, later ones through an index built once. A name is
  /// made a `String` only to be the answer.
  struct FolderNames {
    private let listing: FolderListing
    private let isASCII: Bool
    /// Whether a name has an upper-case ASCII letter. Two ASCII names without one are
    /// their own lower case, so they collide only by being the same name: a provider folder
    /// of `<code>.yaml` files answers every such question at once.
    private let hasUpperCase: Bool
    private var asked = 0
    /// For each ASCII lower case: the position of the first name, and of the first name after
    /// it with other bytes.
    private var byFolded: [FoldedPath: (first: Int, other: Int?)]? = nil

    /// Questions answered by a pass over the names before the index is built.
    static let passes = 16

    init(_ names: [String]) {
      self.init(FolderListing(names))
    }

    init(_ listing: FolderListing) {
      self.listing = listing
      var isASCII = true
      var hasUpperCase = false
      for byte in listing.bytes {
        if byte >= 0x80 { isASCII = false }
        if FoldedPath.isUpperCase(byte) { hasUpperCase = true }
      }
      self.isASCII = isASCII
      self.hasUpperCase = hasUpperCase
    }

    /// The first name of the folder, in its order, that is not `name` but is `name` in lower case.
    mutating func collision(with name: String) -> String? {
      let listing = listing
      guard isASCII, name.isASCII else {
        let folded = name.lowercased()
        return (0..<listing.count).lazy.map { listing[$0] }
          .first { !$0.utf8.elementsEqual(name.utf8) && $0.lowercased() == folded }
      }
      if !hasUpperCase && !name.utf8.contains(where: FoldedPath.isUpperCase) { return nil }
      asked += 1
      if asked <= FolderNames.passes {
        var name = name
        let starts = listing.starts
        let position = name.withUTF8 { asked in
          listing.bytes.withUnsafeBufferPointer { all in
            (0..<listing.count).first { index in
              starts[index + 1] - starts[index] == asked.count
                && FoldedPath.sameButForCase(UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]]), asked)
            }
          }
        }
        return position.map { listing[$0] }
      }
      let index = byFolded ?? indexed()
      byFolded = index
      guard let found = index[FoldedPath(name)] else { return nil }
      if !listing[found.first].hasSameBytes(as: name) { return listing[found.first] }
      return found.other.map { listing[$0] }
    }

    private func indexed() -> [FoldedPath: (first: Int, other: Int?)] {
      var index: [FoldedPath: (first: Int, other: Int?)] = [:]
      index.reserveCapacity(listing.count)
      for position in 0..<listing.count {
        let name = listing[position]
        let key = FoldedPath(name)
        if let found = index[key] {
          if found.other == nil && !listing[found.first].hasSameBytes(as: name) { index[key] = (found.first, position) }
        } else {
          index[key] = (position, nil)
        }
      }
      return index
    }
  }

  /// Which names of a folder may answer `FolderNames.collision(with:)` for a few names asked
  /// there: a folder of a national registry has tens of thousands of names, and only these
  /// need to be read out of it. An ASCII name is in lower case an ASCII name of its length,
  /// so an ASCII name of the folder may answer only an asked ASCII name of its length that
  /// it is in ASCII lower case, and not byte for byte (two names without an upper-case letter
  /// are so only by being the same). A name with other bytes is always kept (Unicode lower
  /// case can make one ASCII: K, the Kelvin sign, is k), and every name is kept when an asked
  /// name is not ASCII: those are answered by Unicode lower case over all of them.
  struct Candidates {
    private let keepsAll: Bool
    /// The asked names by their length (the index), with whether they have an upper-case letter.
    private let asked: [[(bytes: [UInt8], hasUpperCase: Bool)]]
    /// By length: whether a name of the folder with no upper-case letter may still collide
    /// (an asked name of that length has one).
    private let askedUpperCase: [Bool]

    init(asking names: [String]) {
      keepsAll = !names.allSatisfy(\.isASCII)
      var asked: [[(bytes: [UInt8], hasUpperCase: Bool)]] = []
      for name in Set(names) where name.isASCII {
        let bytes = Array(name.utf8)
        if asked.count <= bytes.count { asked += Array(repeating: [], count: bytes.count + 1 - asked.count) }
        asked[bytes.count].append((bytes, bytes.contains(where: FoldedPath.isUpperCase)))
      }
      self.asked = asked
      askedUpperCase = asked.map { $0.contains { $0.hasUpperCase } }
    }

    /// Whether only names beyond ASCII or with an upper-case letter may collide: every asked
    /// name is ASCII without one.
    var keepsOnlyUpperCaseOrNonASCII: Bool { !keepsAll && !askedUpperCase.contains(true) }

    func mayCollide(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
      if keepsAll { return true }
      let (isASCII, upperCase) = Candidates.scan(name)
      if !isASCII { return true }
      guard name.count < asked.count, upperCase || askedUpperCase[name.count] else { return false }
      for asked in asked[name.count] where upperCase || asked.hasUpperCase {
        if asked.bytes.withUnsafeBufferPointer({ FoldedPath.sameButForCase(name, $0) }) { return true }
      }
      return false
    }

    /// Whether a name is ASCII, and whether it has an upper-case ASCII letter; eight bytes at
    /// a time, for the tens of thousands of names of a folder.
    static func scan(_ name: UnsafeBufferPointer<UInt8>) -> (isASCII: Bool, hasUpperCase: Bool) {
      guard let base = name.baseAddress else { return (true, false) }
      let high: UInt64 = 0x8080_8080_8080_8080
      var other: UInt64 = 0
      var upper: UInt64 = 0
      var offset = 0
      while offset + 8 <= name.count {
        let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
        other |= word
        // In a byte below 0x80: + 0x3F sets the top bit from "A" on, + 0x25 from after "Z" on.
        upper |= (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525)
        offset += 8
      }
      var upperTail = false
      while offset < name.count {
        let byte = base[offset]
        other |= UInt64(byte)
        upperTail = upperTail || FoldedPath.isUpperCase(byte)
        offset += 1
      }
      guard other & high == 0 else { return (false, false) }
      return (true, upper & high != 0 || upperTail)
    }
  }

  /// An ASCII path compared and hashed as its ASCII lower case.
  fileprivate struct FoldedPath: Hashable {
    let path: String

    init(_ path: String) {
      self.path = path
    }

    static func isUpperCase(_ byte: UInt8) -> Bool {
      byte &- UInt8(ascii: "A") < 26
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
      isUpperCase(byte) ? byte | 0x20 : byte
    }

    /// Whether the bytes of two ASCII texts of one length are one in ASCII lower case but not
    /// byte for byte; compared from the end, where the names of one folder usually differ.
    static func sameButForCase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
      var same = true
      var index = a.count
      while index > 0 {
        index -= 1
        if a[index] != b[index] {
          if folded(a[index]) != folded(b[index]) { return false }
          same = false
        }
      }
      return !same
    }

    static func == (a: FoldedPath, b: FoldedPath) -> Bool {
      guard a.path.utf8.count == b.path.utf8.count else { return false }
      var x = a.path, y = b.path
      return x.withUTF8 { x in
        y.withUTF8 { y in
          for index in 0..<x.count where x[index] != y[index] && folded(x[index]) != folded(y[index]) { return false }
          return true
        }
      }
    }

    func hash(into hasher: inout Hasher) {
      var path = path
      path.withUTF8 { bytes in
        var word: UInt64 = 0
        var filled = 0
        for byte in bytes {
          word = word << 8 | UInt64(FoldedPath.folded(byte))
          filled += 1
          if filled == 8 {
            hasher.combine(word)
            word = 0
            filled = 0
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
