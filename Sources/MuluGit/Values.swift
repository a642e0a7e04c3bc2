import CLibGit2

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

public enum ChangeStatus: Sendable, Hashable {
  case added, deleted, modified
  /// The entry changed kind: a file became a symlink or a submodule, or back.
  case typeChanged
}

/// A changed path between two trees.
public struct TreeChange: Sendable, Hashable {
  public var path: String
  public var status: ChangeStatus
  /// nil for an added path.
  public var oldID: ObjectID?
  /// nil for a deleted path.
  public var newID: ObjectID?
  public var oldMode: FileMode?
  public var newMode: FileMode?

  public init(
    path: String, status: ChangeStatus, oldID: ObjectID?, newID: ObjectID?,
    oldMode: FileMode?, newMode: FileMode?
  ) {
    self.path = path
    self.status = status
    self.oldID = oldID
    self.newID = newID
    self.oldMode = oldMode
    self.newMode = newMode
  }
}

/// An author, committer or tagger line.
public struct Signature: Sendable, Hashable {
  public var name: String
  public var email: String
  /// Seconds since the Unix epoch.
  public var time: Int64
  /// The time zone offset from UTC, in minutes.
  public var offsetMinutes: Int

  public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
    self.name = name
    self.email = email
    self.time = time
    self.offsetMinutes = offsetMinutes
  }

  /// The offset as git writes it: "+0800", "-0130".
  public var formattedOffset: String {
    let magnitude = abs(offsetMinutes)
    let hours = magnitude / 60
    let minutes = magnitude % 60
    return (offsetMinutes < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + "\(hours)"
      + (minutes < 10 ? "0" : "") + "\(minutes)"
  }

  init(_ signature: UnsafePointer<git_signature>) {
    let value = signature.pointee
    self.init(
      name: value.name.map { String(cString: $0) } ?? "",
      email: value.email.map { String(cString: $0) } ?? "",
      time: Int64(value.when.time),
      offsetMinutes: Int(value.when.offset))
  }

  /// Calls `body` with this signature as a libgit2 object. libgit2 refuses
  /// empty names and angle brackets; line breaks and NUL, which would break
  /// the object's header, are refused here.
  func withSignature<Result>(_ body: (UnsafePointer<git_signature>) throws -> Result) throws
    -> Result
  {
    for field in [name, email] where field.contains(where: { $0.isNewline || $0 == "\0" }) {
      throw GitError.invalid("git_signature_new", "line break or NUL in identity '\(field)'")
    }
    var signature: UnsafeMutablePointer<git_signature>? = nil
    try check(
      "git_signature_new",
      git_signature_new(&signature, name, email, git_time_t(time), Int32(offsetMinutes)))
    defer { git_signature_free(signature) }
    return try body(signature!)
  }
}

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

/// The four kinds of git object.
public enum ObjectKind: Sendable, Hashable {
  case commit, tree, blob, tag

  init?(_ type: git_object_t) {
    switch type {
    case GIT_OBJECT_COMMIT: self = .commit
    case GIT_OBJECT_TREE: self = .tree
    case GIT_OBJECT_BLOB: self = .blob
    case GIT_OBJECT_TAG: self = .tag
    default: return nil
    }
  }

  /// The name git uses in object headers: "commit", "tree", "blob", "tag".
  public var name: String {
    switch self {
    case .commit: "commit"
    case .tree: "tree"
    case .blob: "blob"
    case .tag: "tag"
    }
  }

  var type: git_object_t {
    switch self {
    case .commit: GIT_OBJECT_COMMIT
    case .tree: GIT_OBJECT_TREE
    case .blob: GIT_OBJECT_BLOB
    case .tag: GIT_OBJECT_TAG
    }
  }
}

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
