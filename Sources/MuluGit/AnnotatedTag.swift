/// An annotated tag object.
public struct AnnotatedTag: Sendable, Hashable {
  /// The id of the tag object itself.
  public var id: ObjectID
  /// The name recorded in the tag object (without "refs/tags/").
  public var name: String
  /// The object the tag points to (not peeled).
  public var target: ObjectID
  public var targetKind: ObjectKind
  /// nil for the rare tags written without a tagger line.
  public var tagger: Signature?
  /// The message, including any signature block appended to it.
  public var message: String

  public init(
    id: ObjectID, name: String, target: ObjectID, targetKind: ObjectKind, tagger: Signature?,
    message: String
  ) {
    self.id = id
    self.name = name
    self.target = target
    self.targetKind = targetKind
    self.tagger = tagger
    self.message = message
  }
}
