import MuluYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
