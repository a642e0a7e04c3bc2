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
      let staged = try repository.indexEntries()
      let head = try repository.referenceTarget("HEAD").map { try repository.tree(ofCommit: $0) }
      var committed: [String: TreeEntry] = [:]
      for entry in try head.map({ try repository.treeEntries($0) }) ?? [] { committed[entry.path] = entry }

      var changed: [String] = []
      var stagedPaths: Set<String> = []
      for entry in staged {
        stagedPaths.insert(entry.path)
        if let old = committed[entry.path], old.id == entry.id, old.mode == entry.mode { continue }
        changed.append(entry.path)
      }
      let deleted = committed.keys.filter { !stagedPaths.contains($0) }.sorted()
      guard !changed.isEmpty || !deleted.isEmpty else { return Report(findings: []) }

      let snapshot = IndexSnapshot(repository: repository, entries: staged)
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
/// object database (where `git add` put them).
public final class IndexSnapshot: BrowsableSnapshot, @unchecked Sendable {
  public let label = "index"
  public let entries: [SnapshotEntry]
  /// The paths in byte order, for folder look-ups.
  private let sorted: [String]
  private let byPath: [String: SnapshotEntry]
  private let pool: RepositoryPool

  public init(repository: Repository, entries staged: [TreeEntry]) {
    let entries = staged.map {
      SnapshotEntry(path: $0.path, kind: EntryKind($0.mode), contentID: $0.id.hex)
    }
    self.entries = entries
    var byPath: [String: SnapshotEntry] = [:]
    for entry in entries { byPath[entry.path] = entry }
    self.byPath = byPath
    self.sorted = entries.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    self.pool = RepositoryPool(repository)
  }

  public func read(_ entry: SnapshotEntry) throws -> [UInt8] {
    guard let hex = entry.contentID, let id = ObjectID(hex: hex) else {
      throw SnapshotError.unreadable(path: entry.path, reason: "no object id")
    }
    return try pool.withRepository { try $0.blob(id) }
  }

  public func entry(at path: String) throws -> SnapshotEntry? { byPath[path] }

  public func names(in folder: String) throws -> [String] {
    var names: [String] = []
    for path in paths(under: folder) {
      let rest = folder.isEmpty ? Substring(path) : path.dropFirst(folder.utf8.count + 1)
      let name = String(rest.prefix { $0 != "/" })
      if names.last != name { names.append(name) }
    }
    return names
  }

  public func files(in folder: String) throws -> [SnapshotEntry] {
    paths(under: folder).filter { !$0.dropFirst(folder.utf8.count + 1).contains("/") }.compactMap { byPath[$0] }
  }

  /// The staged paths below a folder ("" for all), in byte order.
  private func paths(under folder: String) -> ArraySlice<String> {
    guard !folder.isEmpty else { return sorted[...] }
    let prefix = Array((folder + "/").utf8)
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle].utf8.lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < sorted.count && sorted[end].utf8.starts(with: prefix) { end += 1 }
    return sorted[low..<end]
  }
}
