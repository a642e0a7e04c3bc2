import MuluYAML

/// `access.yaml`, read: who may change what, which branches and tags are protected, and
/// whether commits must be signed (docs/format.md). The hook reads it from the protected branch as
/// it is before the push, so that a push can never grant itself rights.
public struct AccessPolicy: Sendable, Hashable {
  /// Identities that may change anything and push release tags.
  public var maintainers: [String] = []
  /// Each identity with the departments whose folders it may change, in the file's order.
  /// Several lines with one id give that id several departments.
  public var identities: [(id: String, department: String)] = []
  /// Branch names (without `refs/heads/`); never empty: `[main]` when the file lists none.
  public var protectedBranches: [String] = ["main"]
  /// The glob (fnmatch) that release tag names (without `refs/tags/`) match.
  public var releaseTags: String = "v*"
  public var requireSignedCommits = false

  public init() {}

  public static func == (a: AccessPolicy, b: AccessPolicy) -> Bool {
    a.maintainers == b.maintainers && a.identities.map { [$0.id, $0.department] } == b.identities.map { [$0.id, $0.department] }
      && a.protectedBranches == b.protectedBranches && a.releaseTags == b.releaseTags
      && a.requireSignedCommits == b.requireSignedCommits
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(maintainers)
    for identity in identities { hasher.combine([identity.id, identity.department]) }
    hasher.combine(protectedBranches)
    hasher.combine(releaseTags)
    hasher.combine(requireSignedCommits)
  }

  public func isMaintainer(_ id: String) -> Bool { maintainers.contains(id) }

  /// The departments an identity speaks for (empty for maintainers listed only as maintainers).
  public func departments(of id: String) -> [String] {
    var seen: [String] = []
    for identity in identities where identity.id == id && !seen.contains(identity.department) {
      seen.append(identity.department)
    }
    return seen
  }

  /// Whether the file names the identity at all, as a maintainer or with a department.
  public func knows(_ id: String) -> Bool {
    isMaintainer(id) || identities.contains { $0.id == id }
  }

  /// Reads `access.yaml`. The findings are those of the file's schema; the policy is nil when
  /// the file is not a readable mapping. Values of the wrong shape are left at their defaults.
  public static func read(_ bytes: [UInt8], path: String = "access.yaml") -> (policy: AccessPolicy?, findings: [Finding]) {
    let file = YAMLFile.read(bytes, path: path, shape: Schemas.access)
    guard let root = file.root else { return (nil, file.findings) }
    var policy = AccessPolicy()
    policy.maintainers = strings(root.sequence("maintainers"))
    for node in root.sequence("identities") ?? [] {
      guard case .mapping(let map) = node, let id = map.text("id")?.trimmingWhitespace(),
        let department = map.text("department")?.trimmingWhitespace()
      else { continue }
      policy.identities.append((id, department))
    }
    let branches = strings(root.sequence("protected_branches"))
    if !branches.isEmpty { policy.protectedBranches = branches }
    if let glob = root.text("release_tags")?.trimmingWhitespace() { policy.releaseTags = glob }
    policy.requireSignedCommits = root.boolean("require_signed_commits") ?? false
    return (policy, file.findings)
  }

  private static func strings(_ nodes: [YAMLNode]?) -> [String] {
    (nodes ?? []).compactMap { node in
      guard case .scalar(let scalar) = node, !scalar.isNull else { return nil }
      let text = scalar.value.trimmingWhitespace()
      return text.isEmpty ? nil : text
    }
  }
}

extension RegistrySettings {
  /// The settings a `registry.yaml` gives; the defaults where it cannot be read.
  public init(yaml bytes: [UInt8]) {
    guard case .mapping(let map)? = YAMLReader.read(bytes).root else {
      self.init()
      return
    }
    self.init(map)
  }
}

extension Resource {
  /// A resource file read leniently (see `Resource`); nil when it is not a YAML mapping.
  public init?(yaml bytes: [UInt8]) {
    let document = YAMLReader.read(bytes)
    guard !document.hasSyntaxError, case .mapping(let map)? = document.root else { return nil }
    self.init(map)
  }
}
