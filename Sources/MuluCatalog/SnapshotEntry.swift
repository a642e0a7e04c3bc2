/// One path of a snapshot.
public struct SnapshotEntry: Sendable, Hashable {
  /// Relative, with "/" separators.
  public var path: String
  public var kind: EntryKind
  /// The size in bytes, when the snapshot knows it without reading the file.
  public var size: Int?
  /// An id of the content (a blob id in Git), when the snapshot has one: equal ids, equal bytes.
  public var contentID: String?

  /// Whether the entry is a file whose bytes are read (regular or executable): not a symbolic
  /// link, a submodule or anything else, which `tree.layout` reports where it stands.
  public var isFile: Bool { kind == .regular || kind == .executable }

  public init(path: String, kind: EntryKind, size: Int? = nil, contentID: String? = nil) {
    self.path = path
    self.kind = kind
    self.size = size
    self.contentID = contentID
  }
}
