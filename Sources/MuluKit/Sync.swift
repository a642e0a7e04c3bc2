import MuluCatalog
import MuluGit

public typealias FetchProgress = MuluGit.FetchProgress

/// `mulu sync pull`: bring a department's (or a lower-level registry's) fork into this registry
/// as one merge commit (docs/sync.md).
///
/// The steps run in a fixed order and nothing moves until the last one: fetch the fork into
/// `refs/mulu/sources/<name>`; find the merge base; take the fork's net change since it; refuse
/// changes outside the folders the source owns, and files both sides changed; lay the fork's
/// changes over the target's tree; validate that tree with the full engine; write the merge
/// commit; then move the target branch from the tip sync found to the merge commit, by
/// compare-and-swap under git's lock. A sync killed at any moment leaves the branch where it
/// was or where it should be, and running it again completes it.
public enum Sync {
  /// The prefix of the references fetched forks are kept in.
  public static let trackingPrefix = "refs/mulu/sources/"
  /// The prefix of the branches `--review` writes.
  public static let reviewPrefix = "refs/heads/sync/"
  /// The trailer that names the source in a merge commit's message.
  public static let sourceTrailer = "Mulu-Source"
  /// The trailer that names the fork commit a merge brought in.
  public static let commitTrailer = "Mulu-Source-Commit"

  /// What `mulu sync pull` was asked to do.
  public struct PullRequest: Sendable {
    public var source: String
    /// The branch of this registry to merge into.
    public var branch: String
    /// Write the merge to `sync/<source>` for a maintainer instead of moving `branch`.
    public var review: Bool
    /// "Name <email>" for the merge's author; else git's configuration.
    public var author: String?
    /// The language of the merge message.
    public var language: Language
    /// Where `GIT_AUTHOR_*` and `GIT_COMMITTER_*` are read from.
    public var environment: [String: String]

    public init(
      source: String, branch: String = "main", review: Bool = false, author: String? = nil, language: Language = .zh,
      environment: [String: String] = [:]
    ) {
      self.source = source
      self.branch = branch
      self.review = review
      self.author = author
      self.language = language
      self.environment = environment
    }
  }

  /// A failure that stops sync before it could judge the fork (exit code 2).
  public enum Failure: UserFacingError, Sendable, Equatable {
    case workspace(Workspace.Failure)
    case catalog(CatalogError)
    case noBranch(String)
    case noSourcesFile(branch: String)
    case unknownSource(String, known: [String])
    case fetchFailed(source: String, url: String, reason: String)
    case identity(Identity.Missing)
    case git(String)
    /// The registry is kept below the repository's root.
    case registryBelowRoot(String)

    public var message: LocalizedText {
      switch self {
      case .registryBelowRoot(let prefix):
        return RegistryFolder.notAtRoot(prefix, for: RegistryFolder.sync)
      case .workspace(let failure):
        return failure.message
      case .catalog(let error):
        return error.message
      case .noBranch(let branch):
        return LocalizedText(zh: "没有分支 \(branch)", en: "there is no branch \(branch)")
      case .noSourcesFile(let branch):
        return LocalizedText(
          zh: "分支 \(branch) 上没有 sources.yaml：先在其中登记要同步的分支库",
          en: "branch \(branch) has no sources.yaml: list the forks to sync there first")
      case .unknownSource(let name, let known):
        let list = known.isEmpty ? "—" : known.joined(separator: ", ")
        return LocalizedText(
          zh: "sources.yaml 中没有来源 \(name)（已登记：\(list)）",
          en: "sources.yaml lists no source \(name) (listed: \(list))")
      case .fetchFailed(let source, let url, let reason):
        return LocalizedText(
          zh: "无法从 \(url) 获取来源 \(source)：\(reason)", en: "cannot fetch source \(source) from \(url): \(reason)")
      case .identity(let missing):
        return missing.message
      case .git(let detail):
        return LocalizedText(zh: "Git 操作失败：\(detail)", en: "a Git operation failed: \(detail)")
      }
    }
  }

  /// Why sync wrote nothing (exit code 1).
  public enum Refusal: Sendable, Equatable {
    /// `sources.yaml` has errors.
    case invalidSources(Report)
    /// The fork shares no history with the target.
    case unrelatedHistories
    /// The fork changed paths outside the folders it owns: all of them, sorted.
    case foreignPaths(owns: [String], paths: [String])
    /// Files both sides changed since the merge base.
    case conflicts([Conflict])
    /// The merged registry has errors.
    case invalid(Report)
    /// The target branch is checked out and the working tree or index has changes.
    case dirtyWorkingTree(branch: String)
    /// The branch moved while sync worked (someone pushed): nothing was changed.
    case targetMoved(reference: String)
    /// The branch is locked by another writer, or by a writer that died holding the lock (nil:
    /// the lock was gone again by the time sync looked).
    case locked(reference: String, lock: LockFile?)
    /// `sync/<name>` holds commits the new merge does not contain.
    case reviewBranchHasCommits(reference: String)
    /// The fork no longer contains the commit the last sync merged: it rewrote (force-pushed)
    /// history the target already took in.
    case rewrittenHistory(LastSync)
  }

  /// The last sync of a source into a branch: the merge on the branch's first-parent history
  /// whose `Mulu-Source:` names the source, and the fork commit it took in (its second parent).
  public struct LastSync: Sendable, Equatable {
    public var merge: Commit
    public var forkCommit: Commit
  }

  /// The newest sync merge of `source` on the first-parent history of `tip`, if any.
  public static func lastSync(of source: String, on tip: ObjectID, in repository: Repository) throws -> LastSync? {
    let trailer = "\(sourceTrailer): \(source)"
    var current: ObjectID? = tip
    while let id = current {
      let commit = try repository.commit(id)
      if commit.parents.count == 2,
        commit.message.split(separator: "\n").contains(where: { String($0).trimmingWhitespace() == trailer })
      {
        return LastSync(merge: commit, forkCommit: try repository.commit(commit.parents[1]))
      }
      current = commit.parents.first
    }
    return nil
  }

  /// A file both the target and the fork changed since their merge base.
  public struct Conflict: Sendable, Hashable {
    public var path: String
    /// The resource code, when the path is a resource file.
    public var code: String?

    public init(path: String, code: String?) {
      self.path = path
      self.code = code
    }
  }

  /// A merge commit written and waiting to be published: the state a sync is in after every
  /// object is written and before any reference moves.
  public struct Prepared: Sendable {
    public var source: SyncSource
    /// The reference to move: the target branch, or `sync/<name>` for a review.
    public var reference: String
    /// The value `reference` must still have for the move to happen (nil: must not exist).
    public var expected: ObjectID?
    public var targetBranch: String
    public var targetTip: ObjectID
    public var targetTree: ObjectID
    public var forkTip: ObjectID
    public var mergeBase: ObjectID
    public var mergedTree: ObjectID
    public var commit: ObjectID
    public var message: String
    public var review: Bool
    /// The paths the fork changed since the merge base (but for changes the target made
    /// identically), and those the target changed.
    public var forkChanges: [TreeChange]
    public var targetChanges: [TreeChange]
    /// What the merge brings into the target, resource by resource.
    public var diff: SemanticDiff
    /// Warnings of the merged registry (errors refuse the sync).
    public var warnings: Report
    /// The merged registry's departments, by code: names and resource counts.
    public var departments: [String: DepartmentCount]
  }

  /// One department of the merged registry: its name and resources.
  public struct DepartmentCount: Sendable, Hashable {
    public var name: String
    public var active: Int
    public var retired: Int
  }

  /// What became of the working tree of a non-bare target.
  public enum WorkingTree: Sendable, Equatable {
    /// Bare, or the target branch is not checked out, or a review: nothing to update.
    case untouched
    /// The index and working tree now match the merge.
    case updated
    /// The branch moved, but local changes kept the working tree from following.
    case leftBehind(String)
  }

  /// A merge published.
  public struct Merged: Sendable {
    public var prepared: Prepared
    public var workingTree: WorkingTree
    public var reconciliation: [Reconciliation]
  }

  public enum Outcome: Sendable {
    /// The fork has nothing the target lacks (or the review branch already holds this merge).
    case upToDate(source: String, forkTip: ObjectID, reference: String)
    case refused(Refusal)
    case merged(Merged)
  }

  public enum Preparation: Sendable {
    case upToDate(source: String, forkTip: ObjectID, reference: String)
    case refused(Refusal)
    case ready(Prepared)
  }

  // MARK: Pull

  /// Fetches, checks, merges and publishes. `progress` hears how the fetch is going.
  public static func pull(
    in workspace: Workspace, _ request: PullRequest, progress: ((FetchProgress) -> Void)? = nil
  ) throws(Failure) -> Outcome {
    let repository = try Failure.repository(of: workspace, wholeHistory: true)
    let prefix = workspace.registryPrefix(in: repository)
    if !prefix.isEmpty { throw .registryBelowRoot(prefix) }
    switch try prepare(repository, request, progress: progress) {
    case .upToDate(let source, let tip, let reference):
      return .upToDate(source: source, forkTip: tip, reference: reference)
    case .refused(let refusal):
      return .refused(refusal)
    case .ready(let prepared):
      return try publish(prepared, in: repository)
    }
  }

  /// Every step up to and including writing the merge commit; no reference of the target moves
  /// (only the fork's tracking reference, by the fetch).
  public static func prepare(
    _ repository: Repository, _ request: PullRequest, progress: ((FetchProgress) -> Void)? = nil
  ) throws(Failure) -> Preparation {
    try git {
      let target = try targetBranch(request.branch, in: repository)
      let targetRef = target.reference
      let targetTip = target.tip
      let targetTree = target.tree
      if try !workingTreeIsClean(repository, request, targetRef: targetRef, targetTip: targetTip) {
        return .refused(.dirtyWorkingTree(branch: request.branch))
      }
      let source: SyncSource
      switch try listedSource(request, in: repository, targetTree: targetTree) {
      case .listed(let listed): source = listed
      case .invalid(let report): return .refused(.invalidSources(report))
      }

      // 1. Fetch.
      let forkTip = try fetch(source, into: repository, progress: progress)
      TestPause.at("sync.fetched")

      // Nothing new: the target (or the review branch) has the fork's tip already.
      if try repository.isDescendant(targetTip, of: forkTip) {
        return .upToDate(source: source.name, forkTip: forkTip, reference: targetRef)
      }
      let reference = request.review ? reviewPrefix + source.name : targetRef
      let expected = request.review ? try repository.referenceTarget(reference) : targetTip
      if request.review, try reviewBranchHoldsTheMerge(expected, of: targetTip, and: forkTip, in: repository) {
        return .upToDate(source: source.name, forkTip: forkTip, reference: reference)
      }

      // History the target took in and the fork no longer has: the fork rewrote it (a
      // force-push). Its net change since the merge base would undo or redo what was synced.
      if let last = try syncedHistoryTheForkRewrote(source, forkTip: forkTip, targetTip: targetTip, in: repository) {
        return .refused(.rewrittenHistory(last))
      }

      // 2. The merge base, and the fork's net change since it.
      guard let base = try repository.mergeBase(targetTip, forkTip) else { return .refused(.unrelatedHistories) }
      let baseTree = try repository.tree(ofCommit: base)
      let forkTree = try repository.tree(ofCommit: forkTip)
      let (forkChanges, targetChanges) = try netChanges(since: baseTree, target: targetTree, fork: forkTree, in: repository)

      // 3. Only the folders the source owns.
      let foreign = forkChanges.map(\.path).filter { !source.owns(path: $0) }
      if !foreign.isEmpty { return .refused(.foreignPaths(owns: source.owns, paths: foreign)) }

      // 4. No file changed on both sides.
      let conflicts = conflicts(forkChanges, targetChanges)
      if !conflicts.isEmpty { return .refused(.conflicts(conflicts)) }

      // 5. The merged tree, 6. judged by the engine and the history rules.
      let mergedTree = try merged(forkChanges, over: targetTree, in: repository)
      let snapshot = GitSnapshot(repository: repository, tree: mergedTree, label: "\(request.branch) + \(source.name)")
      let report = try judgeMerge(
        snapshot, forkChanges: forkChanges, targetTree: targetTree, branch: request.branch, in: repository)
      if report.hasErrors { return .refused(.invalid(report)) }

      // 7. The merge commit.
      let merge = try writeMergeCommit(
        mergedTree, target: target, forkTip: forkTip, source: source, request, in: repository)
      TestPause.at("sync.committed")

      if request.review, let current = expected,
        try !reviewBranchIsReplaceable(current, by: merge.commit, in: repository)
      {
        return .refused(.reviewBranchHasCommits(reference: reference))
      }

      return .ready(
        Prepared(
          source: source, reference: reference, expected: expected, targetBranch: request.branch, targetTip: targetTip,
          targetTree: targetTree, forkTip: forkTip, mergeBase: base, mergedTree: mergedTree, commit: merge.commit,
          message: merge.message, review: request.review, forkChanges: forkChanges, targetChanges: targetChanges,
          diff: merge.diff, warnings: report, departments: try counts(source, in: snapshot)))
    }
  }

  /// The branch sync merges into: its reference, its tip and the tip's tree.
  struct TargetBranch {
    var reference: String
    var tip: ObjectID
    var tree: ObjectID
  }

  /// The target branch as it is now; a branch that does not exist (or is no commit) fails.
  static func targetBranch(_ branch: String, in repository: Repository) throws -> TargetBranch {
    let reference = "refs/heads/" + branch
    guard let target = try? repository.referenceTarget(reference), let tip = try? repository.peelToCommit(target)
    else { throw Failure.noBranch(branch) }
    return TargetBranch(reference: reference, tip: tip, tree: try repository.tree(ofCommit: tip))
  }

  /// Whether the review branch (at `current`, nil: none yet) is already the merge of the
  /// target's tip and the fork's.
  static func reviewBranchHoldsTheMerge(
    _ current: ObjectID?, of targetTip: ObjectID, and forkTip: ObjectID, in repository: Repository
  ) throws -> Bool {
    guard let current else { return false }
    return try repository.commit(current).parents == [targetTip, forkTip]
  }

  /// The last sync of `source` into the target, when the fork's tip no longer contains the fork
  /// commit it took in; nil when the fork kept its history (or was never synced).
  static func syncedHistoryTheForkRewrote(
    _ source: SyncSource, forkTip: ObjectID, targetTip: ObjectID, in repository: Repository
  ) throws -> LastSync? {
    guard let last = try lastSync(of: source.name, on: targetTip, in: repository),
      try !repository.isDescendant(forkTip, of: last.forkCommit.id)
    else { return nil }
    return last
  }

  /// The merge commit, written but on no reference: parents the target's tip and the fork's;
  /// the message says what the merge brings, resource by resource.
  static func writeMergeCommit(
    _ mergedTree: ObjectID, target: TargetBranch, forkTip: ObjectID, source: SyncSource, _ request: PullRequest,
    in repository: Repository
  ) throws -> (commit: ObjectID, message: String, diff: SemanticDiff) {
    let diff = try DiffEngine.diff(
      repository, fromTree: target.tree, toTree: mergedTree, fromLabel: request.branch,
      toLabel: "\(source.name)@\(forkTip.abbreviated())")
    let (author, committer) = try identities(repository, request)
    let message = SyncWriter.mergeMessage(
      source: source, forkTip: forkTip, branch: request.branch, diff: diff, language: request.language)
    let commit = try repository.createCommit(
      tree: mergedTree, parents: [target.tip, forkTip], author: author, committer: committer, message: message)
    return (commit, message, diff)
  }

  /// Whether sync may write: a target branch checked out in this working tree must have no
  /// uncommitted changes and no merge, revert, cherry-pick or rebase in progress (whatever it
  /// staged is the user's, however it looks). A checkout an earlier sync left half done is
  /// finished first.
  static func workingTreeIsClean(
    _ repository: Repository, _ request: PullRequest, targetRef: String, targetTip: ObjectID
  ) throws -> Bool {
    let followsTarget = !request.review && !repository.isBare && repository.headReference == targetRef
    guard followsTarget else { return true }
    if repository.hasOperationInProgress { return false }
    try finishInterruptedCheckout(repository, reference: targetRef, tip: targetTip)
    return try !repository.hasUncommittedChanges()
  }

  /// The source the request names, as the target branch's `sources.yaml` lists it, or that
  /// file's errors.
  enum SourceListing {
    case listed(SyncSource)
    case invalid(Report)
  }

  static func listedSource(
    _ request: PullRequest, in repository: Repository, targetTree: ObjectID
  ) throws -> SourceListing {
    guard let sourcesEntry = try repository.entry(at: SourceList.path, inTree: targetTree) else {
      throw Failure.noSourcesFile(branch: request.branch)
    }
    let (sources, sourceFindings) = SourceList.read(try repository.blob(sourcesEntry.id))
    let sourceReport = Report(findings: sourceFindings)
    if sourceReport.hasErrors { return .invalid(sourceReport) }
    guard let source = sources.first(where: { $0.name == request.source }) else {
      throw Failure.unknownSource(request.source, known: sources.map(\.name))
    }
    return .listed(source)
  }

  /// What each side changed since the merge base. A change the target made too, identically (a
  /// fork that cherry-picked it), brings nothing: it is left out of the fork's, so that it is
  /// neither foreign nor a conflict.
  static func netChanges(
    since baseTree: ObjectID, target targetTree: ObjectID, fork forkTree: ObjectID, in repository: Repository
  ) throws -> (fork: [TreeChange], target: [TreeChange]) {
    let targetChanges = try repository.diffTrees(baseTree, targetTree)
    var targetByPath: [String: TreeChange] = [:]
    for change in targetChanges { targetByPath[change.path] = change }
    let forkChanges = try repository.diffTrees(baseTree, forkTree).filter { change in
      guard let other = targetByPath[change.path] else { return true }
      return other.newID != change.newID || other.newMode != change.newMode
    }
    return (forkChanges, targetChanges)
  }

  /// The files both sides changed since the merge base, differently (the same change on both
  /// sides was left out of the fork's).
  static func conflicts(_ forkChanges: [TreeChange], _ targetChanges: [TreeChange]) -> [Conflict] {
    var targetByPath: [String: TreeChange] = [:]
    for change in targetChanges { targetByPath[change.path] = change }
    return forkChanges.compactMap { change -> Conflict? in
      guard let other = targetByPath[change.path], other.newID != change.newID || other.newMode != change.newMode
      else { return nil }
      var code: String? = nil
      if case .resource(_, let resourceCode) = TreeLayout.role(of: change.path) { code = resourceCode.description }
      return Conflict(path: change.path, code: code)
    }
  }

  /// The target's tree with the fork's changes laid over it.
  static func merged(_ forkChanges: [TreeChange], over targetTree: ObjectID, in repository: Repository) throws -> ObjectID {
    var edits: [String: TreeEdit] = [:]
    for change in forkChanges {
      if let id = change.newID, let mode = change.newMode {
        edits[change.path] = .upsert(id, mode)
      } else {
        edits[change.path] = .remove
      }
    }
    return try repository.buildTree(from: targetTree, applying: edits)
  }

  /// The engine on what the merge changes, with the rest of the registry as context (the cost
  /// follows the fork's change, not the registry), and the history rules a fork can break, as
  /// the hook applies them: a resource is retired, never deleted, and a retired one stays as it is.
  static func judgeMerge(
    _ snapshot: GitSnapshot, forkChanges: [TreeChange], targetTree: ObjectID, branch: String, in repository: Repository
  ) throws -> Report {
    let before = GitSnapshot(repository: repository, tree: targetTree, label: branch)
    let judged = try ChangeValidator.validate(snapshot, changed: forkChanges.map(\.path), previous: before)
    let settings = try settings(of: snapshot)
    let history = try HistoryRules.resourceHistory(
      repository, changes: forkChanges, newTree: snapshot.tree, maintainer: false, limit: settings.maxFileBytes)
    return Report(findings: judged.findings + Validator.apply(settings, to: history))
  }

  /// Moves the reference from the tip sync found to the merge commit, then brings a checked-out
  /// working tree along. Before a checked-out branch moves, a marker in the git directory names
  /// the move; it goes once the working tree followed, so that only a sync killed in between
  /// leaves it for the next one to finish.
  public static func publish(_ prepared: Prepared, in repository: Repository) throws(Failure) -> Outcome {
    try git {
      if let refusal = try moveReference(prepared, in: repository) { return .refused(refusal) }
      var workingTree = WorkingTree.untouched
      if followsWorkingTree(prepared, in: repository) {
        do {
          try repository.checkout(from: prepared.targetTree, to: prepared.mergedTree)
          CheckoutMarker.remove(from: repository)
          workingTree = .updated
        } catch let error as GitError {
          // The marker stays: once the local changes in the way are gone, a rerun finishes it.
          workingTree = .leftBehind(error.message)
        }
      }
      let reconciliation = try reconcile(prepared, in: repository)
      return .merged(Merged(prepared: prepared, workingTree: workingTree, reconciliation: reconciliation))
    }
  }

  /// Whether the working tree follows the reference `prepared` moves: a clone with that branch
  /// checked out, and no review.
  static func followsWorkingTree(_ prepared: Prepared, in repository: Repository) -> Bool {
    !prepared.review && !repository.isBare && repository.headReference == prepared.reference
  }

  /// The compare-and-swap of the reference, with the marker written first when the working tree
  /// follows (and removed again when the reference did not move). Nil when it moved.
  static func moveReference(_ prepared: Prepared, in repository: Repository) throws -> Refusal? {
    let follows = followsWorkingTree(prepared, in: repository)
    if follows {
      try CheckoutMarker(
        reference: prepared.reference, fromCommit: prepared.targetTip, fromTree: prepared.targetTree,
        toCommit: prepared.commit, toTree: prepared.mergedTree
      ).write(to: repository)
    }
    do {
      let verb = prepared.review ? "review" : "merge"
      try repository.updateReference(
        name: prepared.reference, to: prepared.commit, expected: prepared.expected,
        message: "mulu sync pull \(prepared.source.name): \(verb) \(prepared.forkTip.hex)")
      return nil
    } catch let error as GitError where error.isConcurrentUpdate {
      if follows { CheckoutMarker.remove(from: repository) }
      if error.isLocked {
        return .locked(reference: prepared.reference, lock: repository.lockFile(ofReference: prepared.reference))
      }
      return .targetMoved(reference: prepared.reference)
    } catch {
      if follows { CheckoutMarker.remove(from: repository) }
      throw error
    }
  }

  // MARK: Steps

  /// The prefix of the scratch references a fetch lands in before the tracking reference moves.
  static let fetchPrefix = "refs/mulu/fetch/"

  /// Fetches the source's branch and returns the fork's tip. The fetch lands in a scratch
  /// reference removed just before, so that a branch the fork no longer has is an error rather
  /// than the last fetched tip; the tracking reference then moves there by compare-and-swap.
  static func fetch(
    _ source: SyncSource, into repository: Repository, progress: ((FetchProgress) -> Void)?
  ) throws -> ObjectID {
    let tracking = trackingPrefix + source.name
    let scratch = fetchPrefix + source.name
    let url = resolve(source.url, in: repository)
    // libgit2 calls a path that leads nowhere an "unsupported URL protocol".
    if let path = localPath(url), !Workspace.isDirectory(path) {
      throw Failure.fetchFailed(source: source.name, url: source.url, reason: "no repository at \(path)")
    }
    do {
      if let stale = try repository.referenceTarget(scratch) {
        try repository.deleteReference(name: scratch, expected: stale)
      }
      try repository.fetch(url: url, refspecs: ["+refs/heads/\(source.branch):\(scratch)"], progress: progress)
      guard let fetched = try repository.referenceTarget(scratch) else {
        throw Failure.fetchFailed(
          source: source.name, url: source.url, reason: "no branch \(source.branch) at \(source.url)")
      }
      let tip = try repository.peelToCommit(fetched)
      let previous = try repository.referenceTarget(tracking)
      if previous != fetched {
        try repository.updateReference(
          name: tracking, to: fetched, expected: previous, message: "mulu sync: fetch \(source.branch) from \(source.url)")
      }
      try repository.deleteReference(name: scratch, expected: fetched)
      return tip
    } catch let error as GitError {
      throw Failure.fetchFailed(source: source.name, url: source.url, reason: error.message)
    }
  }

  /// The folder a resolved URL names on this machine: an absolute path or a file:// URL; nil
  /// for a remote URL.
  static func localPath(_ url: String) -> String? {
    if url.hasPrefix("/") { return url }
    if url.hasPrefix("file://") { return String(url.dropFirst("file://".count)) }
    return nil
  }

  /// A source's URL as libgit2 takes it: a relative path is taken from the repository's working
  /// tree (the repository itself when bare); URLs and absolute paths are used as written.
  public static func resolve(_ url: String, in repository: Repository) -> String {
    if url.hasPrefix("/") || url.contains("://") { return url }
    // scp-like "host:path" or "user@host:path": a colon before the first slash.
    if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return url }
    let base = repository.workdir ?? repository.path
    return Workspace.normalize(base + "/" + url)
  }

  /// A working tree left at the old commit by a sync that was killed after moving the branch:
  /// the marker that sync wrote names this branch, its tip, and the tree the index still
  /// holds. The checkout the killed sync did not do is done now; local edits make it refuse, as
  /// before. How the tip or the index look never counts without the marker: a staged
  /// `git revert -m 1` of a sync merge looks the same. A marker that does not describe the
  /// present state is stale and removed.
  static func finishInterruptedCheckout(_ repository: Repository, reference: String, tip: ObjectID) throws {
    guard let marker = CheckoutMarker.read(from: repository) else { return }
    guard marker.reference == reference, marker.toCommit == tip, try repository.hasUncommittedChanges() else {
      CheckoutMarker.remove(from: repository)
      return
    }
    var index: [String: TreeEntry] = [:]
    for entry in try repository.indexEntries() { index[entry.path] = entry }
    var tree: [String: TreeEntry] = [:]
    for entry in try repository.treeEntries(marker.fromTree) { tree[entry.path] = entry }
    guard index == tree else {
      CheckoutMarker.remove(from: repository)
      return
    }
    do {
      try repository.checkout(from: marker.fromTree, to: marker.toTree)
      CheckoutMarker.remove(from: repository)
    } catch let error as GitError where error.isCheckoutConflict {
      return
    }
  }

  /// An old review branch may be replaced when nothing on it would be lost: the new merge
  /// contains it, or it is an earlier sync merge whose parents the new merge contains.
  static func reviewBranchIsReplaceable(_ current: ObjectID, by commit: ObjectID, in repository: Repository) throws
    -> Bool
  {
    if try repository.isDescendant(commit, of: current) { return true }
    let old = try repository.commit(current)
    guard old.parents.count == 2, old.message.contains("\n\(sourceTrailer): ") else { return false }
    for parent in old.parents where try !repository.isDescendant(commit, of: parent) { return false }
    return true
  }

  static func identities(_ repository: Repository, _ request: PullRequest) throws(Failure)
    -> (Signature, Signature)
  {
    do {
      return try Identity.commit(in: repository, author: request.author, environment: request.environment)
    } catch {
      throw .identity(error)
    }
  }

  /// Runs a step, turning libgit2's and the catalog layer's errors into failures.
  static func git<Result>(_ body: () throws -> Result) throws(Failure) -> Result {
    try Failure.step(body)
  }

  /// The settings of `registry.yaml`, for severity overrides.
  static func settings(of snapshot: GitSnapshot) throws -> RegistrySettings {
    guard let entry = try snapshot.entry(at: "registry.yaml") else { return RegistrySettings() }
    return RegistrySettings(yaml: try snapshot.read(entry))
  }

  /// Active and retired resources of each department the source owns, in the merged tree.
  static func counts(_ source: SyncSource, in snapshot: GitSnapshot) throws -> [String: DepartmentCount] {
    let departments = try ChangeValidator.departments(of: snapshot)
    var counts: [String: DepartmentCount] = [:]
    for code in source.owns {
      let tally = try ChangeValidator.tally(inFolder: code, of: snapshot)
      counts[code] = DepartmentCount(name: departments[code]?.name ?? "", active: tally.active, retired: tally.retired)
    }
    return counts
  }
}
