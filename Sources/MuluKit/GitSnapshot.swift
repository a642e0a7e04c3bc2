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
      guard let found = try find(path, in: repository), found.mode != .tree else { return nil }
      var entry = GitSnapshot.entry(found)
      if found.mode == .regular || found.mode == .executable { entry.size = try repository.blobSize(found.id) }
      return entry
    }
  }

  /// The files at several paths; their folders' trees are read first, side by side.
  public func entries(at paths: [String]) throws -> [SnapshotEntry?] {
    let folders = Set(paths.compactMap { path in path.lastIndex(of: "/").map { String(path[..<$0]) } })
    try pool.withRepository { repository in
      let trees = try folders.sorted().compactMap { folder in
        try find(folder, in: repository).flatMap { $0.mode == .tree ? $0.id : nil }
      }
      _ = try repository.rawTrees(trees)
    }
    return try paths.map(entry(at:))
  }

  public func names(in folder: String) throws -> [String] {
    try pool.withRepository { repository in
      guard let tree = try folderTree(folder, in: repository) else { return [] }
      return (0..<tree.count).map { tree.entry($0).nameText }
    }
  }

  /// The names of a folder, read where its tree's bytes hold them.
  public func listing(of folder: String) throws -> FolderListing {
    try listing(of: folder) { _ in true }
  }

  public func listing(of folder: String, keeping keep: (UnsafeBufferPointer<UInt8>) -> Bool) throws -> FolderListing {
    try pool.withRepository { repository in
      var listing = FolderListing()
      guard let tree = try folderTree(folder, in: repository) else { return listing }
      tree.forEach { entry in
        if keep(entry.name) { listing.append(entry.name) }
      }
      return listing
    }
  }

  public func namesAreLowerCaseASCII(in folder: String) throws -> Bool? {
    try pool.withRepository { repository in try folderTree(folder, in: repository)?.namesAreLowerCaseASCII }
  }

  public func files(in folder: String) throws -> [SnapshotEntry] {
    try pool.withRepository { repository in
      guard let tree = try folderTree(folder, in: repository) else { return [] }
      let prefix = folder.isEmpty ? "" : folder + "/"
      var files: [SnapshotEntry] = []
      tree.forEach { entry in
        guard !entry.isTree else { return }
        files.append(SnapshotEntry(path: prefix + entry.nameText, kind: EntryKind(entry.mode), contentID: entry.id.hex))
      }
      return files
    }
  }

  // MARK: Trees

  /// The entry at a path below the snapshot's tree, found folder by folder in the trees'
  /// bytes; a path that names nothing is nil. A name whose bytes are not UTF-8 reads with
  /// U+FFFD and is looked for as `Repository.entry(readingAs:inTree:)` does.
  private func find(_ path: String, in repository: Repository) throws -> TreeEntry? {
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    guard !components.contains(where: \.isEmpty) else { return try repository.entry(readingAs: path, inTree: tree) }
    var current = TreeEntry(path: path, mode: .tree, id: tree)
    for component in components {
      guard current.mode == .tree else { return nil }
      let folder = try repository.rawTree(current.id)
      guard let child = folder.entry(named: String(component)) else {
        if path.unicodeScalars.contains("\u{FFFD}") { return try repository.entry(readingAs: path, inTree: tree) }
        return nil
      }
      current = TreeEntry(path: path, mode: child.mode, id: child.id)
    }
    return current
  }

  /// The tree of a folder ("" for the root); nil when the path is not a folder.
  private func folderTree(_ folder: String, in repository: Repository) throws -> RawTree? {
    if folder.isEmpty { return try repository.rawTree(tree) }
    guard let found = try find(folder, in: repository), found.mode == .tree else { return nil }
    return try repository.rawTree(found.id)
  }

  private static func entry(_ entry: TreeEntry) -> SnapshotEntry {
    SnapshotEntry(path: entry.path, kind: EntryKind(entry.mode), contentID: entry.id.hex)
  }
}
