/// One release up to the revision, as its tag's trailers count it.
public struct ReleasePoint: Sendable, Hashable {
  public var tag: String
  public var date: String
  public var commit: String
  public var resources: Int?
  public var breaking: Int?
}
