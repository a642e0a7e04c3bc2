/// An entry of the index with the stat data git recorded of its file (32-bit fields, as the
/// index keeps them).
public struct IndexStat: Sendable, Hashable {
  public struct Time: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanoseconds: Int64

    public init(seconds: Int64, nanoseconds: Int64) {
      self.seconds = seconds
      self.nanoseconds = nanoseconds
    }

    public static func < (a: Time, b: Time) -> Bool {
      (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
    }
  }

  /// Relative to the working tree, with "/" separators.
  public var path: String
  public var id: ObjectID
  public var mode: UInt32
  public var size: UInt32
  public var modified: Time
  public var changed: Time
  public var inode: UInt32
  /// Left out of the working tree by a sparse checkout.
  public var skipsWorkingTree: Bool
}
