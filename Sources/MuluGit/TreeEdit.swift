/// A change to one path of a tree, for `Repository.buildTree`.
public enum TreeEdit: Sendable, Hashable {
  /// Puts the object `id` at the path with `mode`, adding or replacing the
  /// entry and creating the directories above it as needed.
  case upsert(ObjectID, FileMode)
  /// Removes the entry at the path (a file, or a whole directory); nothing
  /// happens when there is none.
  case remove
}
