import MuluCatalog
import MuluGit

extension Sync {
  /// One source as `mulu sync status` shows it.
  public struct SourceStatus: Sendable {
    public var source: SyncSource
    /// Why the fork could not be fetched, when it could not (the last fetched state is shown).
    public var fetchError: String?
    /// The fork's tip as last fetched; nil when it was never fetched.
    public var forkTip: ObjectID?
    /// Commits of the fork the target does not have, and of the target the fork does not have.
    public var ahead: Int
    public var behind: Int
    /// The newest commit both have: the fork commit the last sync brought in (or the fork's
    /// starting point, before the first sync).
    public var lastSynced: Commit?
    /// The commit of the target that merged `lastSynced`, when a sync did.
    public var syncedBy: Commit?
    /// The fork shares no commit with the target: a pull would refuse it.
    public var unrelatedHistory: Bool
    /// The last sync merged a fork commit the fork no longer contains: a pull would refuse it.
    public var rewritten: LastSync? = nil
    /// Paths the fork changed outside the folders it owns: a pull would refuse them.
    public var foreignPaths: [String]
    /// The fork's net change since `lastSynced`, resource by resource: what a pull would bring
    /// (unless it is refused). nil when the fork changed no file.
    public var waiting: SemanticDiff?
  }

  /// The state of every source listed on `branch` (fetching each first when `fetch` is true).
  public static func status(
    in workspace: Workspace, branch: String = "main", fetch: Bool = true,
    progress: ((String, FetchProgress) -> Void)? = nil
  ) throws(Failure) -> (sources: [SourceStatus], findings: Report) {
    let repository = try Failure.repository(of: workspace, wholeHistory: true)
    let prefix = workspace.registryPrefix(in: repository)
    if !prefix.isEmpty { throw .registryBelowRoot(prefix) }
    return try git {
      let target = try targetBranch(branch, in: repository)
      guard let entry = try repository.entry(at: SourceList.path, inTree: target.tree) else {
        return ([], Report(findings: []))
      }
      let (sources, findings) = SourceList.read(try repository.blob(entry.id))
      let statuses = try sources.map { source in
        try self.status(of: source, against: target, fetch: fetch, progress: progress, in: repository)
      }
      return (statuses, Report(findings: findings))
    }
  }

  /// One source: fetched first when `fetch` is true (a fork that cannot be fetched is shown as
  /// last fetched, with the reason), then compared with the target as pull would judge it.
  private static func status(
    of source: SyncSource, against target: TargetBranch, fetch: Bool, progress: ((String, FetchProgress) -> Void)?,
    in repository: Repository
  ) throws -> SourceStatus {
    var status = SourceStatus(
      source: source, fetchError: nil, forkTip: nil, ahead: 0, behind: 0, lastSynced: nil, syncedBy: nil,
      unrelatedHistory: false, foreignPaths: [], waiting: nil)
    if fetch {
      do {
        _ = try Sync.fetch(source, into: repository) { progress?(source.name, $0) }
      } catch let failure as Failure {
        if case .fetchFailed(_, _, let reason) = failure { status.fetchError = reason } else { throw failure }
      }
    }
    guard let tracked = try repository.referenceTarget(trackingPrefix + source.name) else { return status }
    let forkTip = try repository.peelToCommit(tracked)
    status.forkTip = forkTip
    status.ahead = try repository.revwalk(from: [forkTip], hiding: [target.tip]).count
    status.behind = try repository.revwalk(from: [target.tip], hiding: [forkTip]).count
    let base = try repository.mergeBase(target.tip, forkTip)
    status.unrelatedHistory = base == nil
    // The last sync is the last sync merge of this source on the branch; the merge base
    // stands for it only before the first sync (the fork's starting point).
    let last = try lastSync(of: source.name, on: target.tip, in: repository)
    if let last {
      status.lastSynced = last.forkCommit
      status.syncedBy = last.merge
      // As pull judges it: a fork with nothing new is up to date, whatever it dropped.
      if status.ahead > 0, try !repository.isDescendant(forkTip, of: last.forkCommit.id) { status.rewritten = last }
    }
    guard let base else { return status }
    if last == nil {
      status.lastSynced = try repository.commit(base)
      status.syncedBy = try mergeOf(base, into: target.tip, repository)
    }
    try waitingChanges(of: source, since: base, forkTip: forkTip, target: target, in: repository, into: &status)
    return status
  }

  /// What a pull would bring since `base`: the paths outside the source's folders (as pull
  /// judges them: a change the target made identically is not foreign), and the semantic diff;
  /// nothing when the fork changed no file.
  private static func waitingChanges(
    of source: SyncSource, since base: ObjectID, forkTip: ObjectID, target: TargetBranch, in repository: Repository,
    into status: inout SourceStatus
  ) throws {
    let baseTree = try repository.tree(ofCommit: base)
    let forkTree = try repository.tree(ofCommit: forkTip)
    guard baseTree != forkTree else { return }
    var targetByPath: [String: TreeChange] = [:]
    for change in try repository.diffTrees(baseTree, target.tree) { targetByPath[change.path] = change }
    status.foreignPaths = try repository.diffTrees(baseTree, forkTree).filter { change in
      guard !source.owns(path: change.path) else { return false }
      guard let other = targetByPath[change.path] else { return true }
      return other.newID != change.newID || other.newMode != change.newMode
    }.map(\.path)
    status.waiting = try DiffEngine.diff(
      repository, fromTree: baseTree, toTree: forkTree, fromLabel: base.abbreviated(),
      toLabel: "\(source.name)@\(forkTip.abbreviated())")
  }

  /// The commit of the target's history since `base` that merged `base` as its second parent.
  private static func mergeOf(_ base: ObjectID, into tip: ObjectID, _ repository: Repository) throws -> Commit? {
    for id in try repository.revwalk(from: [tip], hiding: [base]) {
      let commit = try repository.commit(id)
      if commit.parents.count == 2 && commit.parents[1] == base { return commit }
    }
    return nil
  }
}
