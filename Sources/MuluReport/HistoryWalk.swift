import MuluGit
import MuluKit

/// What the first-parent history of the revision says: when each department's folder last
/// changed on main, the last merge of each source, and the last commit before a date.
///
/// The walk goes from the revision to its first parents, comparing only the `catalogs` trees
/// (one entry per department) of each commit and its first parent, and stops as soon as it
/// knows everything asked.
struct HistoryWalk {
  /// The committer of the newest commit that changed each folder of `catalogs/`.
  var lastChange: [String: Signature] = [:]
  /// The newest commit that changed anything under `catalogs/`.
  var registryLastChange: Signature?
  var lastSync: [String: SourceSync.LastSync] = [:]
  /// The newest first-parent commit dated before the day asked for.
  var baseBefore: ObjectID?

  static func walk(
    _ repository: Repository, from head: Commit, folders: Set<String>, sources: Set<String>, before day: String?
  ) throws -> HistoryWalk {
    var facts = HistoryWalk()
    var missingFolders = folders
    var missingSources = sources
    var needsBase = day != nil
    var commit = head
    var folderIDs = try catalogFolders(commit.tree, repository)
    while true {
      if needsBase, let day, Identity.dayString(commit.committer) < day {
        facts.baseBefore = commit.id
        needsBase = false
      }
      if commit.parents.count >= 2, !missingSources.isEmpty, let (source, forkCommit) = syncTrailers(commit.message),
        missingSources.remove(source) != nil
      {
        facts.lastSync[source] = SourceSync.LastSync(
          date: Identity.dayString(commit.committer), commit: commit.id.hex, forkCommit: forkCommit)
      }
      let parent = try commit.parents.first.map { try repository.commit($0) }
      let parentIDs = try parent.map { try catalogFolders($0.tree, repository) } ?? (tree: nil, folders: [:])
      if folderIDs.tree != parentIDs.tree {
        if facts.registryLastChange == nil { facts.registryLastChange = commit.committer }
        for (folder, id) in folderIDs.folders where parentIDs.folders[folder] != id && facts.lastChange[folder] == nil {
          facts.lastChange[folder] = commit.committer
          missingFolders.remove(folder)
        }
      }
      let done = missingFolders.isEmpty && missingSources.isEmpty && !needsBase && facts.registryLastChange != nil
      guard let parent, !done else { break }
      commit = parent
      folderIDs = parentIDs
    }
    return facts
  }

  /// The tree of `catalogs/` and the tree of each folder in it.
  private static func catalogFolders(_ tree: ObjectID, _ repository: Repository) throws
    -> (tree: ObjectID?, folders: [String: ObjectID])
  {
    guard let catalogs = try repository.entry(at: "catalogs", inTree: tree), catalogs.mode == .tree else {
      return (nil, [:])
    }
    var folders: [String: ObjectID] = [:]
    for child in try repository.treeChildren(catalogs.id) where child.mode == .tree { folders[child.path] = child.id }
    return (catalogs.id, folders)
  }

  /// The `Mulu-Source` and `Mulu-Source-Commit` trailers `mulu sync pull` writes into its merges.
  static func syncTrailers(_ message: String) -> (source: String, forkCommit: String?)? {
    var source: String? = nil
    var forkCommit: String? = nil
    let sourcePrefix = Sync.sourceTrailer + ": "
    let commitPrefix = Sync.commitTrailer + ": "
    for line in message.split(separator: "\n") {
      if line.hasPrefix(sourcePrefix) { source = String(line.dropFirst(sourcePrefix.count)) }
      if line.hasPrefix(commitPrefix) { forkCommit = String(line.dropFirst(commitPrefix.count)) }
    }
    return source.map { ($0, forkCommit) }
  }
}
