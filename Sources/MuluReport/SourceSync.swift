/// One source of `sources.yaml`: its last merge into the revision's history and how far the
/// fork is ahead of the revision.
public struct SourceSync: Sendable, Hashable {
  public var name: String
  public var owns: [String]
  /// The newest merge of this source on the first-parent history; nil when none.
  public var lastSync: LastSync?
  /// The fork's commits the revision does not have; nil when the fork could not be reached.
  public var behind: Int?
  /// Why `behind` is unknown.
  public var unknownBecause: String?

  public struct LastSync: Sendable, Hashable {
    /// The merge commit's date and id.
    public var date: String
    public var commit: String
    /// The fork commit it brought in (its `Mulu-Source-Commit` trailer).
    public var forkCommit: String?
  }

  public init(name: String, owns: [String]) {
    self.name = name
    self.owns = owns
  }
}
