public enum ChangeStatus: Sendable, Hashable {
  case added, deleted, modified
  /// The entry changed kind: a file became a symlink or a submodule, or back.
  case typeChanged
}
