import Dispatch
import MuluCatalog
import MuluGit

/// The files of one commit, read from the object database (never checked out).
public final class GitSnapshot: Snapshot, @unchecked Sendable {
  public let commit: ObjectID
  public let entries: [SnapshotEntry]
  public let label: String
  private let pool: RepositoryPool

  /// The tree of `commit` in `repository`. `label` names it in messages (a revision as the user wrote it).
  public init(repository: Repository, commit: ObjectID, label: String? = nil) throws {
    self.commit = commit
    self.label = label ?? commit.hex
    self.pool = RepositoryPool(repository)
    self.entries = try repository.treeEntries(ofCommit: commit).map { entry in
      SnapshotEntry(path: entry.path, kind: EntryKind(entry.mode), contentID: entry.id.hex)
    }
  }

  public func read(_ entry: SnapshotEntry) throws -> [UInt8] {
    guard let hex = entry.contentID, let id = ObjectID(hex: hex) else {
      throw SnapshotError.unreadable(path: entry.path, reason: "no object id")
    }
    return try pool.withRepository { try $0.blob(id) }
  }
}

extension EntryKind {
  init(_ mode: FileMode) {
    switch mode {
    case .regular: self = .regular
    case .executable: self = .executable
    case .symlink: self = .symlink
    case .submodule: self = .submodule
    case .tree, .other: self = .other
    }
  }
}

/// Handles on one repository for several threads: a handle is used by one thread at a time.
final class RepositoryPool: @unchecked Sendable {
  private let first: Repository
  private var idle: [Repository]
  private let lock = DispatchSemaphore(value: 1)

  init(_ repository: Repository) {
    self.first = repository
    self.idle = [repository]
  }

  func withRepository<T>(_ body: (Repository) throws -> T) throws -> T {
    lock.wait()
    let handle = idle.popLast()
    lock.signal()
    let repository = try handle ?? first.reopen()
    defer {
      lock.wait()
      idle.append(repository)
      lock.signal()
    }
    return try body(repository)
  }
}
