import Dispatch
import MuluCatalog
import MuluGit

/// The files of one tree, read from the object database (never checked out).
///
/// Single paths and folders are looked up in the tree directly; the full listing is
/// made only when something asks for every entry.
public final class GitSnapshot: BrowsableSnapshot, @unchecked Sendable {
  public let tree: ObjectID
  public let label: String
  private let pool: RepositoryPool
  private let lock = DispatchSemaphore(value: 1)
  private var listing: [SnapshotEntry]?

  /// The tree of `commit`. `label` names it in messages (a revision as the user wrote it).
  public convenience init(repository: Repository, commit: ObjectID, label: String? = nil) throws {
    try self.init(repository: repository, tree: repository.tree(ofCommit: commit), label: label ?? commit.hex)
  }

  public init(repository: Repository, tree: ObjectID, label: String) {
    self.tree = tree
    self.label = label
    self.pool = RepositoryPool(repository)
  }

  /// Every file of the tree. Call `list()` first where a failure to list must be reported;
  /// an unlistable tree reads as empty here.
  public var entries: [SnapshotEntry] {
    (try? list()) ?? []
  }

  /// Lists the whole tree once.
  @discardableResult
  public func list() throws -> [SnapshotEntry] {
    lock.wait()
    defer { lock.signal() }
    if let listing { return listing }
    let all = try pool.withRepository { try $0.treeEntries(tree) }.map(GitSnapshot.entry)
    listing = all
    return all
  }

  public func read(_ entry: SnapshotEntry) throws -> [UInt8] {
    guard let hex = entry.contentID, let id = ObjectID(hex: hex) else {
      throw SnapshotError.unreadable(path: entry.path, reason: "no object id")
    }
    return try pool.withRepository { try $0.blob(id) }
  }

  /// A single file, with its size read from the object header, so that an oversized blob
  /// (a hostile push) is refused before it is loaded.
  public func entry(at path: String) throws -> SnapshotEntry? {
    try pool.withRepository { repository in
      guard let found = try repository.entry(readingAs: path, inTree: tree), found.mode != .tree else { return nil }
      var entry = GitSnapshot.entry(found)
      if found.mode == .regular || found.mode == .executable { entry.size = try repository.blobSize(found.id) }
      return entry
    }
  }

  public func names(in folder: String) throws -> [String] {
    try children(of: folder, prefixed: false).map(\.path)
  }

  /// The names of a folder, read where libgit2 holds them.
  public func listing(of folder: String) throws -> FolderListing {
    try pool.withRepository { repository in
      var listing = FolderListing()
      guard let folderTree = try subtree(folder, in: repository) else { return listing }
      try repository.forEachName(inTree: folderTree) { listing.append($0) }
      return listing
    }
  }

  public func files(in folder: String) throws -> [SnapshotEntry] {
    try children(of: folder).filter { $0.mode != .tree }.map(GitSnapshot.entry)
  }

  /// The entries of a folder, with their full paths, or with their names only.
  private func children(of folder: String, prefixed: Bool = true) throws -> [TreeEntry] {
    try pool.withRepository { repository in
      guard let folderTree = try subtree(folder, in: repository) else { return [] }
      return try repository.treeChildren(folderTree, prefix: prefixed && !folder.isEmpty ? folder + "/" : "")
    }
  }

  /// The tree of a folder ("" for the root); nil when the path is not a folder.
  private func subtree(_ folder: String, in repository: Repository) throws -> ObjectID? {
    if folder.isEmpty { return tree }
    guard let found = try repository.entry(readingAs: folder, inTree: tree), found.mode == .tree else { return nil }
    return found.id
  }

  private static func entry(_ entry: TreeEntry) -> SnapshotEntry {
    SnapshotEntry(path: entry.path, kind: EntryKind(entry.mode), contentID: entry.id.hex)
  }
}
