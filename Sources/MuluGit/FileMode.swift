/// The mode of a tree entry, as git records it.
public enum FileMode: Sendable, Hashable {
  /// 100644
  case regular
  /// 100755
  case executable
  /// 120000
  case symlink
  /// 160000: a gitlink, the commit of a submodule.
  case submodule
  /// 040000, or any other mode of a folder
  case tree
  /// Anything else, kept exactly as read (e.g. the legacy 100664).
  case other(UInt32)

  public init(rawValue: UInt32) {
    switch rawValue {
    case 0o100644: self = .regular
    case 0o100755: self = .executable
    case 0o120000: self = .symlink
    case 0o160000: self = .submodule
    // A folder stored with another mode (e.g. 040755, which git tolerates) is a folder: git and
    // libgit2 walk into it, so every look at the tree must.
    case _ where rawValue & 0o170000 == 0o040000: self = .tree
    default: self = .other(rawValue)
    }
  }

  public var rawValue: UInt32 {
    switch self {
    case .regular: 0o100644
    case .executable: 0o100755
    case .symlink: 0o120000
    case .submodule: 0o160000
    case .tree: 0o040000
    case .other(let raw): raw
    }
  }

  /// Git's coarse kind of an entry: a file's contents (any mode with the
  /// regular-file type bits), a symlink, a gitlink or a tree. A change of
  /// kind is a type change; a change between `.regular` and `.executable`
  /// is not.
  var kind: UInt32 { rawValue & 0o170000 }
}
