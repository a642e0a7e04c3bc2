/// A commit, copied out of the object database.
public struct Commit: Sendable, Hashable {
  public var id: ObjectID
  public var tree: ObjectID
  public var parents: [ObjectID]
  public var author: Signature
  public var committer: Signature
  /// The full message, without leading blank lines. Decoded as UTF-8, like
  /// names and paths: bytes that are not UTF-8 (a message written in
  /// another encoding) become U+FFFD.
  public var message: String
  /// The first paragraph of the message, its lines joined by spaces.
  public var summary: String

  public init(
    id: ObjectID, tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
    message: String, summary: String
  ) {
    self.id = id
    self.tree = tree
    self.parents = parents
    self.author = author
    self.committer = committer
    self.message = message
    self.summary = summary
  }
}
