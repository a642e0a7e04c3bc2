#if canImport(Glibc)
  import Glibc
#endif
import MuluCatalog
import MuluGit
import Synchronization

/// `mulu validate`: the working tree or a revision, the report limited to some paths.
public enum Validation {
  /// Fails with a `Workspace.Failure`, or the engine's `CatalogError`.
  public static func run(in workspace: Workspace, revision: String? = nil, paths: [String] = []) throws -> Report {
    let snapshot: any Snapshot
    if let revision {
      snapshot = try workspace.snapshot(at: revision)
    } else {
      snapshot = try workspace.workingTree()
    }
    guard let limits = try limits(paths, in: workspace, snapshot: snapshot) else { return try Validator.validate(snapshot) }
    return try Validator.validate(snapshot).limited(to: limits)
  }

  /// Changes beyond this many are judged by a full validation.
  static let mostChanges = 100_000
  /// A state is written again when a run judged more changes than this since it was written
  /// (`MULU_CACHE_REWRITE_ABOVE` in the environment given to `Startup.configure` sets another
  /// number, for tests of the states written so).
  static var rewriteAbove: Int { rewriteLimit.withLock { $0 } }
  private static let rewriteLimit = Mutex(200)

  static func configure(environment: [String: String]) {
    guard let value = environment["MULU_CACHE_REWRITE_ABOVE"].flatMap({ Int($0) }) else { return }
    rewriteLimit.withLock { $0 = value }
  }

  /// `run`, with the validation cache of the registry's repository (`ValidationCache`) unless
  /// `cache` is false: the verdict on the snapshot validated last is kept, and a later run
  /// judges again only what changed since. The report is the same either way; `notes` say
  /// what went wrong with the cache. Fails as `run` does.
  public static func run(in workspace: Workspace, revision: String? = nil, paths: [String] = [], cache: Bool)
    throws -> (report: Report, notes: [ValidationCache.Note])
  {
    guard cache, let store = workspace.validationCache() else {
      return (try run(in: workspace, revision: revision, paths: paths), [])
    }
    if let revision { return try run(in: workspace, revision: revision, paths: paths, store: store) }
    guard !workspace.isSparse() else {
      // A sparse checkout's files are partly in the index: judged in full.
      return (try run(in: workspace, paths: paths), [])
    }
    return try runWorkingTree(in: workspace, paths: paths, store: store)
  }

  /// A revision: the tree validated before is compared with this one, tree by tree.
  private static func run(in workspace: Workspace, revision: String, paths: [String], store: ValidationCache)
    throws -> (report: Report, notes: [ValidationCache.Note])
  {
    let (repository, snapshot) = try workspace.unlistedSnapshot(at: revision)
    let lookup = { (path: String) throws -> SnapshotEntry? in try snapshot.entry(at: path) }
    let context = ValidationCache.context(lookup: lookup, read: snapshot.read)
    let path = store.revisionPath
    let (state, note) = store.load(path, context: context)
    var notes = [note].compactMap { $0 }
    let tree = ContentKey(hex: snapshot.tree.hex)
    var outcome: (Report, StateWriter?)? = nil
    if let state, let old = state.tree.flatMap({ ObjectID(hex: $0.hex) }), (try? repository.objectType(old)) == .tree {
      var changes: [EntryChange] = []
      try repository.forEachChange(old, snapshot.tree) { change in
        let entry = change.newID.map { id in
          SnapshotEntry(path: change.path, kind: EntryKind(change.newMode ?? .regular), contentID: id.hex)
        }
        changes.append(EntryChange(path: change.path, entry: entry))
      }
      if changes.count <= mostChanges {
        outcome = try state.revalidate(
          changes, in: snapshot, lookup: lookup, tree: tree, keep: changes.count > rewriteAbove)
      }
    }
    let report: Report
    if let (judged, written) = outcome {
      report = judged
      if let written, let failure = store.save(written, to: path) { notes.append(failure) }
    } else {
      try snapshot.list()
      let (value, failure) = try store.write(to: path) { sink in
        try Validator.validate(snapshot, keepingStateAs: context, tree: tree, to: sink)
      }
      report = value.0
      if let failure { notes.append(failure) }
    }
    guard let limits = try limits(paths, in: workspace, snapshot: snapshot) else { return (report, notes) }
    return (report.limited(to: limits), notes)
  }

  /// The working tree: listed with its stat data, compared with those of the last run, as
  /// `git status` compares it with the index.
  private static func runWorkingTree(in workspace: Workspace, paths: [String], store: ValidationCache)
    throws -> (report: Report, notes: [ValidationCache.Note])
  {
    // A file changed in the second before the listing, or after, may change again unseen.
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let racySince = Int64(now.tv_sec) - 1
    let scan = try workspace.scan()
    let reader = try DirectorySnapshot(root: workspace.root, entries: [], stamps: [])
    let lookup = { (path: String) -> SnapshotEntry? in scan.position(of: path).map(scan.entry) }
    let context = ValidationCache.context(lookup: lookup, read: reader.read)
    let path = store.workingTreePath(workspace.root)
    let (state, note) = store.load(path, context: context)
    var notes = [note].compactMap { $0 }
    var outcome: (Report, StateWriter?)? = nil
    if let state, state.tree == nil {
      let changes = self.changes(scan, since: state)
      if changes.count <= mostChanges {
        outcome = try state.revalidate(
          changes, in: reader, lookup: lookup, tree: nil, racySince: racySince, keep: changes.count > rewriteAbove)
      }
    }
    let report: Report
    if let (judged, written) = outcome {
      report = judged
      if let written, let failure = store.save(written, to: path) { notes.append(failure) }
    } else {
      let snapshot = try scan.snapshot()
      let (value, failure) = try store.write(to: path) { sink in
        try Validator.validate(snapshot, keepingStateAs: context, stamps: snapshot.stamps, racySince: racySince, to: sink)
      }
      report = value.0
      if let failure { notes.append(failure) }
    }
    guard !paths.isEmpty else { return (report, notes) }
    guard let limits = try limits(paths, in: workspace, snapshot: try scan.snapshot()) else { return (report, notes) }
    return (report.limited(to: limits), notes)
  }

  /// The paths whose file is not the one the state holds: added, gone, of another kind, or
  /// with other stat data (or none kept).
  static func changes(_ scan: DirectoryScan, since state: RegistryState) -> [EntryChange] {
    var changes: [EntryChange] = []
    var (now, before) = (0, 0)
    scan.paths.withUnsafeBufferPointer { all in
      let starts = scan.starts
      while now < scan.count || before < state.entryCount {
        let order: Int
        if now == scan.count {
          order = 1
        } else if before == state.entryCount {
          order = -1
        } else {
          order = PathOrder.compare(UnsafeBufferPointer(rebasing: all[starts[now]..<starts[now + 1]]), state.pathBytes(before))
        }
        if order < 0 {
          changes.append(EntryChange(path: scan.path(now), entry: scan.entry(now), stamp: scan.stamps[now]))
          now += 1
        } else if order > 0 {
          changes.append(EntryChange(path: state.path(before), entry: nil))
          before += 1
        } else {
          let kind = scan.kinds[now]
          let same: Bool
          if kind != state.kind(before) {
            same = false
          } else if let stamp = scan.stamps[now] {
            same = state.hasStamp(before, stamp)
          } else {
            same = true
          }
          if !same { changes.append(EntryChange(path: scan.path(now), entry: scan.entry(now), stamp: scan.stamps[now])) }
          now += 1
          before += 1
        }
      }
    }
    return changes
  }

  /// The registry paths that the PATHs a user gave name in `snapshot`, folders ending in "/"
  /// (empty: no PATH given); nil when one of them is the whole registry. A PATH outside the
  /// registry, or naming nothing in the snapshot, is `noSuchPath`.
  public static func limits(_ paths: [String], in workspace: Workspace, snapshot: any Snapshot) throws(Workspace.Failure)
    -> [String]?
  {
    guard !paths.isEmpty else { return [] }
    var limits: [String] = []
    for path in paths {
      guard var registryPath = workspace.registryPath(path) else { throw .noSuchPath(path) }
      if registryPath.isEmpty { return nil }
      // A folder of the revision, which need not exist on disk (a bare repository, a folder deleted since).
      if !registryPath.hasSuffix("/"), !snapshot.entries.contains(where: { $0.path == registryPath }),
        snapshot.entries.contains(where: { $0.path.hasPrefix(registryPath + "/") })
      {
        registryPath += "/"
      }
      let known = snapshot.entries.contains {
        $0.path == registryPath || (registryPath.hasSuffix("/") && $0.path.hasPrefix(registryPath))
      }
      guard known else { throw .noSuchPath(path) }
      limits.append(registryPath)
    }
    return limits
  }
}

extension Workspace {
  /// Whether the registry's working tree may be a sparse checkout: `git sparse-checkout`
  /// writes the worktree's `info/sparse-checkout` (and may set `core.sparseCheckout` in
  /// `config.worktree`, which libgit2 does not read). A file left after `git sparse-checkout
  /// disable` only costs a full validation.
  func isSparse() -> Bool {
    guard let repository = try? Repository.discover(from: root), workingTreePrefix(in: repository) != nil else {
      return false
    }
    return access(repository.path + "/info/sparse-checkout", F_OK) == 0
      || (try? repository.config("core.sparseCheckout"))??.lowercased() == "true"
  }

  /// The working tree's files as one table (`DirectoryScan`), without what git ignores.
  func scan() throws(Failure) -> DirectoryScan {
    try readingWorkingTree { try DirectoryScan(root: root, leavingOut: ignoredPaths()) }
  }

  /// The files of a revision, not listed yet: looked up one by one, or listed by `list()`.
  func unlistedSnapshot(at revision: String) throws(Failure) -> (Repository, GitSnapshot) {
    let repository = try repository()
    let commit: ObjectID
    do {
      commit = try repository.resolveCommit(revision)
    } catch {
      throw .revision(revision, error, in: repository)
    }
    do {
      guard let tree = try RegistryFolder.tree(ofCommit: commit, prefix: registryPrefix(in: repository), in: repository)
      else { throw Failure.notARegistry(revision) }
      return (repository, GitSnapshot(repository: repository, tree: tree, label: revision))
    } catch let failure as Failure {
      throw failure
    } catch {
      throw .unreadable(revision, error.message)
    }
  }
}
