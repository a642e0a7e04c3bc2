import MuluCatalog
import MuluGit

/// `mulu log CODE`: the commits that changed one resource in meaning, newest first.
public enum ResourceHistory {
  /// The commits that changed the resource `code`, newest first; commits that only
  /// reformatted or reordered the file are left out. By default, the audit trail of the
  /// branch: its first-parent history from `tip`, each commit against its first parent, so
  /// that every state the branch had is listed and a merge (a sync) is listed as the commit
  /// that changed the branch, with who merged what. With `allParents`, every commit
  /// reachable from `tip` with git log's history simplification (the commits of the forks).
  /// The file is found under any provider folder at `tip` (or, when it is gone there, where
  /// it was last deleted), and followed back when it moved from one provider folder to
  /// another. An unknown or malformed code has no history. With a `prefix` ("folder/"),
  /// the registry is that folder of the commits' trees.
  public static func log(
    _ repository: Repository, code: String, from tip: ObjectID, allParents: Bool = false, prefix: String = ""
  ) throws
    -> [HistoryEntry]
  {
    guard let resourceCode = ResourceCode(code) else { return [] }
    var file = Walk(repository: repository, code: code, fileName: resourceCode.fileName, prefix: prefix)
    guard var path = try file.startingPath(at: tip) else { return [] }
    var history: [HistoryEntry] = []
    var start = tip
    walk: while true {
      let candidates =
        allParents
        ? try repository.commitsTouching(path: path, from: start)
        : try firstParentCommitsTouching(path, from: start, in: repository)
      for id in candidates {
        // Where a shallow clone's history stops, the commit's parent is unknown: what it
        // changed cannot be told (`truncation` says so).
        if repository.shallowBoundary.contains(id) { continue }
        let commit = try repository.commit(id)
        let (before, movedFrom) = try file.entryBefore(commit, at: path)
        let after = try repository.entry(at: path, inTree: commit.tree)
        if let entry = try file.entry(id, commit, before: before, after: after) { history.append(entry) }
        if let movedFrom, let parent = commit.parents.first {
          path = movedFrom
          start = parent
          continue walk
        }
      }
      return history
    }
  }

  /// One walk back through the history of one resource file: what it reads, once per blob.
  private struct Walk {
    let repository: Repository
    let code: String
    let fileName: String
    /// The registry's folder in the commits' trees ("" or "folder/").
    let prefix: String
    var readings: [ObjectID: ResourceReading] = [:]

    /// A path in the registry, from a path in the repository's trees.
    func relative(_ path: String) -> String { String(path.dropFirst(prefix.count)) }

    /// Where the file is at `tip`, under any provider folder; where it was last deleted when
    /// it is gone there; nil when it never was.
    func startingPath(at tip: ObjectID) throws -> String? {
      if let tipTree = try RegistryFolder.tree(ofCommit: tip, prefix: prefix, in: repository),
        let located = try ResourceHistory.locate(fileName, inTree: tipTree, of: repository)
      {
        return prefix + located
      }
      return try ResourceHistory.lastDeletion(fileName, from: tip, in: repository, prefix: prefix)
    }

    /// The file at `path` in the first parent of `commit`; when the commit added it, the same
    /// file it deleted in another provider folder (a move), with that folder's path.
    func entryBefore(_ commit: Commit, at path: String) throws -> (TreeEntry?, movedFrom: String?) {
      guard let parentTree = try commit.parents.first.map({ try repository.commit($0).tree }) else { return (nil, nil) }
      if let before = try repository.entry(at: path, inTree: parentTree) { return (before, nil) }
      guard try repository.entry(at: path, inTree: commit.tree) != nil else { return (nil, nil) }
      for change in try repository.diffTrees(parentTree, commit.tree) where change.status == .deleted {
        guard change.path != path, change.path.hasPrefix(prefix), change.path.hasSuffix("/" + fileName),
          let id = change.oldID, let mode = change.oldMode, case .resource = TreeLayout.role(of: relative(change.path))
        else { continue }
        return (TreeEntry(path: change.path, mode: mode, id: id), change.path)
      }
      return (nil, nil)
    }

    /// The history entry of commit `id`: what it changed in meaning between the file `before`
    /// and `after`, or which side could not be read; nil when it changed nothing in meaning.
    mutating func entry(_ id: ObjectID, _ commit: Commit, before: TreeEntry?, after: TreeEntry?) throws -> HistoryEntry? {
      let label = try repository.abbreviatedID(id)
      var unreadable: [Finding] = []
      var sides: [(FileVersion, Resource)?] = []
      let parentLabel = commit.parents.isEmpty ? label : label + "^"
      for (entry, sideLabel) in [(before, parentLabel), (after, label)] {
        guard let entry, case .resource(let folder, let fileCode) = TreeLayout.role(of: relative(entry.path)) else {
          sides.append(nil)
          continue
        }
        let version = FileVersion(path: relative(entry.path), folder: folder, code: fileCode, source: .blob(entry.id))
        switch try reading(entry) {
        case .read(let resource): sides.append((version, resource))
        case .unreadable(let finding):
          unreadable.append(DiffEngine.unreadableFinding(finding, version, in: sideLabel))
          sides.append(nil)
        }
      }
      let change = unreadable.isEmpty ? DiffEngine.resourceChange(old: sides[0], new: sides[1]) : nil
      guard change != nil || !unreadable.isEmpty else { return nil }
      return HistoryEntry(
        commit: id, shortID: label, author: commit.author, subject: commit.summary, change: change,
        unreadable: unreadable, merge: try ResourceHistory.merge(commit, in: repository, prefix: prefix))
    }

    /// The resource in a blob, read once per blob id.
    mutating func reading(_ entry: TreeEntry) throws -> ResourceReading {
      guard entry.mode == .regular || entry.mode == .executable else { return Readings.notAFile(entry.path) }
      if let known = readings[entry.id] { return known }
      let read = ResourceComparison.read(try repository.blob(entry.id), path: entry.path, code: code)
      readings[entry.id] = read
      return read
    }
  }

  /// The commits of the first-parent history from `tip` whose entry at `path` (its id and
  /// mode, or its absence) differs from their first parent's, newest first.
  static func firstParentCommitsTouching(_ path: String, from tip: ObjectID, in repository: Repository) throws
    -> [ObjectID]
  {
    var touching: [ObjectID] = []
    var current: ObjectID? = tip
    var entry = try repository.entry(at: path, inTree: repository.commit(tip).tree)
    while let id = current {
      let commit = try repository.commit(id)
      let parent = commit.parents.first
      let before = try parent.flatMap { try repository.entry(at: path, inTree: repository.commit($0).tree) }
      if before?.id != entry?.id || before?.mode != entry?.mode { touching.append(id) }
      entry = before
      current = parent
    }
    return touching
  }

  /// Who merged what, for a merge commit; nil for any other.
  static func merge(_ commit: Commit, in repository: Repository, prefix: String = "") throws -> HistoryEntry.Merge? {
    guard commit.parents.count > 1 else { return nil }
    var source: String? = nil
    for line in commit.message.split(separator: "\n") where line.hasPrefix(Sync.sourceTrailer + ": ") {
      source = String(line.dropFirst(Sync.sourceTrailer.count + 2)).trimmingWhitespace()
    }
    var url: String? = nil
    if let source, let entry = try repository.entry(at: prefix + SourceList.path, inTree: commit.tree), entry.mode == .regular,
      try repository.blobSize(entry.id) <= 1 << 20
    {
      url = SourceList.read(try repository.blob(entry.id)).sources.first { $0.name == source }?.url
    }
    return HistoryEntry.Merge(
      committer: commit.committer, source: source, sourceURL: url,
      merged: try repository.abbreviatedID(commit.parents[1]))
  }

  /// The path of a resource file named `fileName` in any provider folder of `tree`.
  static func locate(_ fileName: String, inTree tree: ObjectID, of repository: Repository) throws -> String? {
    guard let catalogs = try repository.entry(at: "catalogs", inTree: tree), catalogs.mode == .tree else {
      return nil
    }
    for folder in try repository.treeChildren(catalogs.id) where folder.mode == .tree {
      if try repository.entry(at: fileName, inTree: folder.id) != nil {
        return "catalogs/\(folder.path)/\(fileName)"
      }
    }
    return nil
  }

  /// Where a resource file named `fileName` was last deleted in the history of `tip`,
  /// comparing each commit with its first parent, newest first.
  static func lastDeletion(_ fileName: String, from tip: ObjectID, in repository: Repository, prefix: String = "")
    throws -> String?
  {
    for id in try repository.revwalk(from: [tip], hiding: []) {
      let commit = try repository.commit(id)
      guard let parent = commit.parents.first else { continue }
      for change in try repository.diffTrees(try repository.commit(parent).tree, commit.tree)
      where change.status == .deleted && change.path.hasPrefix(prefix) && change.path.hasSuffix("/" + fileName) {
        if case .resource = TreeLayout.role(of: String(change.path.dropFirst(prefix.count))) { return change.path }
      }
    }
    return nil
  }

  /// In a shallow clone, a note that the history from `revision` (default HEAD) stops at
  /// the clone's first commits, and how to fetch the rest; nil in a full clone.
  public static func truncation(in workspace: Workspace, revision: String?) -> LocalizedText? {
    guard let repository = try? workspace.repository(), repository.isShallow,
      let tip = try? repository.resolveCommit(revision ?? "HEAD"),
      let boundary = try? repository.revwalk(from: [tip], hiding: []).filter(repository.shallowBoundary.contains),
      !boundary.isEmpty
    else { return nil }
    let ids = boundary.map { (try? repository.abbreviatedID($0)) ?? $0.hex }.joined(separator: ", ")
    return LocalizedText(
      zh: "历史不完整：这是浅克隆（git clone --depth），历史止于 \(ids)，更早的变更未列出；git fetch --unshallow 可取回完整历史",
      en: "history truncated: this is a shallow clone (git clone --depth) whose history stops at \(ids); earlier changes"
        + " are not shown; git fetch --unshallow fetches the rest")
  }

  /// `mulu log CODE [--rev REV]`: the history of a resource from REV (default HEAD).
  /// A code that no commit ever held is a failure.
  public static func run(in workspace: Workspace, code: String, revision: String?, allParents: Bool = false)
    throws(Workspace.Failure) -> [HistoryEntry]
  {
    let repository = try workspace.repository()
    let label = revision ?? "HEAD"
    let prefix = workspace.registryPrefix(in: repository)
    let tip = try repository.registryCommit(label, prefix: prefix)
    let history: [HistoryEntry]
    do {
      history = try log(repository, code: code, from: tip, allParents: allParents, prefix: prefix)
    } catch {
      throw .unreadable(label, error.message)
    }
    // A shallow clone may hold a resource whose every change is older than its history.
    if history.isEmpty, !(repository.isShallow && holds(code, at: tip, in: repository)) { throw .noSuchPath(code) }
    return history
  }

  private static func holds(_ code: String, at commit: ObjectID, in repository: Repository) -> Bool {
    guard let fileName = ResourceCode(code)?.fileName, let tree = try? repository.commit(commit).tree else { return false }
    return (try? locate(fileName, inTree: tree, of: repository)) != nil
  }
}
