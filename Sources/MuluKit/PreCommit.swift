import Dispatch
import MuluCatalog
import MuluGit

/// The pre-commit hook: the verdict on what is staged (the index, not the working tree),
/// by the same engine as the server, on the staged changes against HEAD, with the one
/// history rule a laptop can judge: no resource file is deleted (`retire.delete-forbidden`).
/// Access, refs and signatures are the server's to judge.
public enum PreCommit {
  /// The repository from git's environment (`GIT_DIR`, `GIT_INDEX_FILE`: `git commit` may
  /// stage into a temporary index) or searched from `currentDirectory`.
  public static func run(environment: [String: String], currentDirectory: String) throws(HookFailure) -> Report {
    let repository: Repository
    do {
      repository = try Repository.openFromEnvironment(environment, currentDirectory: currentDirectory)
    } catch {
      throw .repository(error.message)
    }
    return try judge(repository)
  }

  public static func judge(_ repository: Repository) throws(HookFailure) -> Report {
    do {
      // What is staged against HEAD, from libgit2's diff of the tree and the index: the
      // registry's other files are looked up one by one, never listed.
      let head = try repository.referenceTarget("HEAD").map { try repository.tree(ofCommit: $0) }
      let staged = try repository.diffTreeToIndex(head)
      let changed = staged.filter { $0.status != .deleted }.map(\.path)
      let deleted = staged.filter { $0.status == .deleted }.map(\.path)
      guard !staged.isEmpty else { return Report(findings: []) }

      let snapshot = try IndexSnapshot(repository: repository)
      let report = try ChangeValidator.validate(snapshot, changed: changed + deleted)
      var settings = RegistrySettings()
      if let entry = try snapshot.entry(at: "registry.yaml") { settings = RegistrySettings(yaml: try snapshot.read(entry)) }
      let history = deleted.compactMap(RetireDeleteForbidden.check(deleted:))
      return Report(findings: report.findings + Validator.apply(settings, to: history))
    } catch let failure as CatalogError {
      switch failure {
      case .notARegistry: throw .notARegistry("index")
      case .unreadable(let path, let reason): throw .unreadable(path: path, reason: reason)
      }
    } catch {
      throw .git(error.message)
    }
  }
}

/// The staged files of a repository: the index's entries, their contents read from the
/// object database (where `git add` put them). Paths and folders are looked up in the index
/// as they are asked for; the whole listing is made only when something asks for every entry.
public final class IndexSnapshot: BrowsableSnapshot, @unchecked Sendable {
  public let label = "index"
  /// The handle the index is read through, one caller at a time.
  private let repository: Repository
  private let lock = DispatchSemaphore(value: 1)
  private var listing: [SnapshotEntry]?
  /// Handles for reading blobs, on any thread.
  private let pool: RepositoryPool

  public init(repository: Repository) throws {
    self.repository = repository
    self.pool = RepositoryPool(try repository.reopen())
  }

  /// Every staged file. An index that cannot be read lists as empty.
  public var entries: [SnapshotEntry] {
    withIndex { repository in
      if let listing { return listing }
      let all = ((try? repository.indexEntries()) ?? []).map(IndexSnapshot.entry)
      listing = all
      return all
    }
  }

  public func read(_ entry: SnapshotEntry) throws -> [UInt8] {
    guard let hex = entry.contentID, let id = ObjectID(hex: hex) else {
      throw SnapshotError.unreadable(path: entry.path, reason: "no object id")
    }
    return try pool.withRepository { try $0.blob(id) }
  }

  public func entry(at path: String) throws -> SnapshotEntry? {
    try withIndex { try $0.indexEntry(at: path).map(IndexSnapshot.entry) }
  }

  public func names(in folder: String) throws -> [String] {
    try withIndex { try $0.indexNames(under: folder.isEmpty ? "" : folder + "/") }
  }

  public func files(in folder: String) throws -> [SnapshotEntry] {
    try staged(under: folder).filter { !$0.path.utf8.dropFirst(folder.utf8.count + 1).contains(UInt8(ascii: "/")) }
      .map(IndexSnapshot.entry)
  }

  /// The staged entries below a folder ("" for all), in byte order.
  private func staged(under folder: String) throws -> [TreeEntry] {
    try withIndex { try $0.indexEntries(under: folder.isEmpty ? "" : folder + "/") }
  }

  private func withIndex<T>(_ body: (Repository) throws -> T) rethrows -> T {
    lock.wait()
    defer { lock.signal() }
    return try body(repository)
  }

  private static func entry(_ entry: TreeEntry) -> SnapshotEntry {
    SnapshotEntry(path: entry.path, kind: EntryKind(entry.mode), contentID: entry.id.hex)
  }
}
