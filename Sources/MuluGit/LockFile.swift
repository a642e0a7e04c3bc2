/// A reference's lock file found in the way: where it is and how old it is.
public struct LockFile: Sendable, Equatable {
  /// The lock file's absolute path.
  public var path: String
  /// Seconds since it was last written (0 for one written in the future).
  public var age: Int

  public init(path: String, age: Int) {
    self.path = path
    self.age = age
  }
}
