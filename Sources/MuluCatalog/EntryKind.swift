/// What kind of thing stands at a path of a snapshot.
public enum EntryKind: String, Sendable, Hashable {
  case regular
  case executable
  case symlink
  case submodule
  case other
}
