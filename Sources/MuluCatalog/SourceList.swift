import MuluYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fork that `mulu sync` pulls from (docs/sync.md): a department's or a lower-level registry's copy
/// of this registry, which may change only the folders of the departments it owns.
public struct SyncSource: Sendable, Hashable {
  /// A short name, used in `refs/mulu/sources/<name>` and `refs/heads/sync/<name>`.
  public var name: String
  /// Where the fork is: a path (relative to the registry's repository), or any URL git understands.
  public var url: String
  /// The fork's branch to pull.
  public var branch: String
  /// The provider codes whose `catalogs/<code>/` folders the fork may change.
  public var owns: [String]

  public init(name: String, url: String, branch: String = SourceList.defaultBranch, owns: [String]) {
    self.name = name
    self.url = url
    self.branch = branch
    self.owns = owns
  }

  /// Whether the fork may change `path`: a path below `catalogs/<code>/` of an owned code.
  public func owns(path: String) -> Bool {
    owns.contains { path.hasPrefix("catalogs/" + $0 + "/") }
  }
}

/// `sources.yaml`, read.
public enum SourceList {
  public static let path = "sources.yaml"
  public static let defaultBranch = "main"

  /// The sources of a `sources.yaml`, and what is wrong with it. A source with an error is left out.
  public static func read(_ bytes: [UInt8]) -> (sources: [SyncSource], findings: [Finding]) {
    let file = YAMLFile.read(bytes, path: path, shape: Schemas.sources)
    let (sources, findings) = check(file.root)
    return (sources, file.findings + findings)
  }

  /// The checks the schema cannot make: names that can stand in a reference name, once each.
  static func check(_ root: YAMLMapping?) -> ([SyncSource], [Finding]) {
    var sources: [SyncSource] = []
    var findings: [Finding] = []
    var seen: Set<String> = []
    for node in root?.sequence("sources") ?? [] {
      guard case .mapping(let map) = node, let name = map.text("name"), let url = map.text("url") else { continue }
      let owns = (map.sequence("owns") ?? []).compactMap { $0.scalar.map(\.value) }.filter(CreditCode.hasForm)
      if !isValidName(name) {
        findings.append(
          DictionaryInvalid.finding(
            path, at: map.mark(["name"]),
            message: DictionaryInvalid.meaning.with(
              zh: "来源名“\(name)”只能由字母、数字、“.”“_”“-”组成，且以字母或数字开头",
              en: "source name \"\(name)\" may hold only letters, digits, \".\", \"_\" and \"-\", and starts with a letter or digit")))
        continue
      }
      if !seen.insert(name).inserted {
        findings.append(DictionaryInvalid.finding(path, at: map.mark(["name"]), detail: name))
        continue
      }
      let branch = map.text("branch") ?? defaultBranch
      if !isValidName(branch, allowingSlash: true) {
        findings.append(
          DictionaryInvalid.finding(
            path, at: map.mark(["branch"]),
            message: DictionaryInvalid.meaning.with(
              zh: "分支名“\(branch)”不是有效的 Git 分支名", en: "\"\(branch)\" is not a valid Git branch name")))
        continue
      }
      sources.append(SyncSource(name: name, url: url, branch: branch, owns: owns))
    }
    return (sources, findings)
  }

  /// A conservative subset of git's reference-name rules: ASCII letters, digits, ".", "_", "-"
  /// (and "/" between components, for branches); no component starts with "." or "-" or ends
  /// with ".lock"; no "..".
  static func isValidName(_ name: String, allowingSlash: Bool = false) -> Bool {
    let components = allowingSlash ? name.split(separator: "/", omittingEmptySubsequences: false) : [Substring(name)]
    for component in components {
      guard let first = component.utf8.first, !component.contains(".."), !component.hasSuffix(".lock"),
        first != UInt8(ascii: "."), first != UInt8(ascii: "-"),
        !component.hasSuffix(".")
      else { return false }
      for byte in component.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
          continue
        default:
          return false
        }
      }
    }
    return true
  }
}

/// Which tags are releases (docs/format.md, docs/releases.md): those whose names match `release_tags` of
/// `access.yaml`, read by `AccessPolicy.read`.
public enum ReleasePolicy {
  /// Whether a tag name (without `refs/tags/`) matches a `release_tags` pattern: fnmatch(3)
  /// without flags, as the hook matches pushed tags — `*`, `?`, `[...]` classes and `\`
  /// escapes, where `*` also matches "/".
  public static func matches(_ name: String, pattern: String) -> Bool {
    fnmatch(pattern, name, 0) == 0
  }
}
