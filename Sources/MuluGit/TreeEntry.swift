/// One entry of a tree, named by its path from the root tree.
public struct TreeEntry: Sendable, Hashable {
  /// The path with "/" separators, relative to the root of the tree. Git
  /// paths are bytes: valid UTF-8 is decoded exactly; invalid sequences are
  /// replaced by U+FFFD.
  public var path: String
  public var mode: FileMode
  public var id: ObjectID

  public init(path: String, mode: FileMode, id: ObjectID) {
    self.path = path
    self.mode = mode
    self.id = id
  }
}
