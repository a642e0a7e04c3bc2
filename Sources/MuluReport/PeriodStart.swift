/// The start of the period of activity.
public struct PeriodStart: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// The previous release before the revision.
    case release
    /// A revision the user gave.
    case revision
    /// A date the user gave: the period starts at the last commit before it.
    case date
    /// No release before the revision: the period starts at the empty registry.
    case beginning
  }

  public var kind: Kind
  /// The tag, revision or date; nil at the beginning.
  public var label: String?
  /// The commit the period's diff starts from; nil for the empty registry.
  public var commit: String?
}
