/// One base or theme 项 and whether its lead department keeps at least one active resource there.
public struct Coverage: Sendable, Hashable {
  /// 类 + 项, three digits ("101").
  public var item: String
  public var name: String
  public var lead: String?
  /// The lead's active resources under the 项 (for a 项 without a lead: anyone's).
  public var resources: Int
  public var covered: Bool { resources > 0 }
}
