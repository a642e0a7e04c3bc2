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
