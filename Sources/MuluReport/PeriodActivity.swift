/// Resources changed in the period, by the semantic diff.
public struct PeriodActivity: Sendable, Hashable {
  public var added = 0
  public var modified = 0
  public var retired = 0
  public var breaking = 0
}
