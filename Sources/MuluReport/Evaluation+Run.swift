import MuluCatalog
import MuluGit
import MuluKit

extension Evaluation {
  /// What `mulu report` was asked for.
  public struct Request: Sendable {
    /// The revision to evaluate.
    public var revision: String
    /// A revision or a date (YYYY-MM-DD) where the period starts; nil: the previous release.
    public var since: String?
    /// Provider codes to report on (empty: every department). Ranks are among all departments.
    public var departments: [String]
    /// Fetch each source of `sources.yaml` to count the commits not yet merged. A published site
    /// leaves them out: they depend on when they are counted, and a site of a revision does not.
    public var countBehind: Bool

    public init(revision: String = "main", since: String? = nil, departments: [String] = [], countBehind: Bool = true) {
      self.revision = revision
      self.since = since
      self.departments = departments
      self.countBehind = countBehind
    }
  }

  /// A failure that stops the report (exit code 2).
  public enum Failure: UserFacingError, Sendable, Equatable {
    case workspace(Workspace.Failure)
    case catalog(CatalogError)
    case release(Release.Failure)
    case unknownDepartments([String])
    /// `--since` has the form of a date but is no calendar date, nor a revision.
    case badDate(String)
    case git(String)

    public var message: LocalizedText {
      switch self {
      case .workspace(let failure): return failure.message
      case .catalog(let error): return error.message
      case .release(let failure): return failure.message
      case .unknownDepartments(let codes):
        let list = codes.joined(separator: ", ")
        return LocalizedText(
          zh: "departments.yaml 中没有部门 \(list)，目录中也没有其文件夹",
          en: "no department \(list) in departments.yaml nor a folder of it in the catalogs")
      case .badDate(let text):
        return LocalizedText(
          zh: "“\(text)”既不是有效的日期（YYYY-MM-DD），也不是版本", en: "\"\(text)\" is neither a real date (YYYY-MM-DD) nor a revision")
      case .git(let detail): return LocalizedText(zh: "Git 操作失败：\(detail)", en: "a Git operation failed: \(detail)")
      }
    }
  }

  /// What a caller knows of the revision without reading it again: the validation engine's
  /// verdict on it (a publish takes it from the validation cache, which judges again only what
  /// changed since the revision validated last), and what the evaluation counts of each
  /// resource file (a publish has read every one).
  public struct Known: Sendable {
    public var report: Report
    /// Each resource file's provider folder and code, and its counts (nil: it could not be read).
    public var files: [(folder: String, code: ResourceCode, counts: ResourceCounts?)]

    public init(report: Report, files: [(folder: String, code: ResourceCode, counts: ResourceCounts?)]) {
      self.report = report
      self.files = files
    }
  }

  /// Evaluates the registry at `request.revision`. With `known`, no resource file is read: the
  /// verdict and the counts are the caller's.
  public static func run(in workspace: Workspace, _ request: Request, known: Known? = nil) throws(Failure)
    -> Evaluation
  {
    // Histories and releases: a shallow clone would show a missing past as none.
    let repository = try Failure.repository(of: workspace, wholeHistory: true)
    let commit = try resolve(request.revision, in: repository)
    return try Failure.step {
      let head = try repository.commit(commit)
      guard try repository.entry(at: "registry.yaml", inTree: head.tree) != nil else {
        throw Failure.workspace(.notARegistry(request.revision))
      }

      // The one validation pass, counting each resource as it is read.
      let snapshot = GitSnapshot(repository: repository, tree: head.tree, label: request.revision)
      let (catalog, report, overlaps, tally) = try judge(snapshot, known: known)

      let wanted = try departmentsWanted(request.departments, catalog: catalog, tally: tally)
      let sinceDate = request.since.flatMap { DateInvalid.isValid($0) && $0.utf8.count == 10 ? $0 : nil }
      let sources = try sourceList(head.tree, repository)
      let history = try HistoryWalk.walk(
        repository, from: head, folders: Set(tally.folders.keys), sources: Set(sources.map(\.name)),
        before: sinceDate)

      let releases = try releasePoints(in: workspace, repository, upTo: commit)
      let (since, base) = try periodStart(
        request.since, date: sinceDate, history: history, releases: releases, commit: commit, in: repository)
      // From the empty registry every resource file that reads is added, and nothing else changed:
      // the tally counts them, and no second reading of the whole registry is needed.
      let diff = try base.map {
        try DiffEngine.diff(repository, from: $0, to: commit, fromLabel: since.label ?? "", toLabel: request.revision)
      }

      let syncs = try sourceSyncs(
        sources, history: history, countBehind: request.countBehind, in: workspace, repository, revision: commit)

      var builder = Builder(
        catalog: catalog, tally: tally, findings: report.findings, overlaps: overlaps, diff: diff, history: history,
        now: head.committer.time)
      return builder.evaluation(
        revision: request.revision, commit: head, since: since, wanted: wanted, releases: releases, sources: syncs)
    }
  }

  // MARK: Steps

  /// The catalog, the verdict on it, the findings of `items.overlaps-base` (duplicate collection
  /// is a fact of the catalog, counted even where registry.yaml turns the rule off) and the
  /// counts: from one validation pass that counts each resource as it reads it, or, with
  /// `known`, from the caller, the files left unread.
  private static func judge(_ snapshot: GitSnapshot, known: Known?) throws -> (Catalog, Report, [Finding], CatalogTally) {
    if let known {
      let catalog = try Validator.context(of: snapshot)
      // Where registry.yaml turns the rule off, its findings are not in the verdict: counted here.
      if catalog.settings.runs(ItemsOverlapsBase.self) {
        var tally = CatalogTally()
        for file in known.files {
          if let counts = file.counts {
            tally.folders[file.folder, default: FolderTally()].add(counts, code: file.code)
          } else {
            tally.folders[file.folder, default: FolderTally()].unreadable += 1
          }
        }
        return (catalog, known.report, known.report.findings.filter { $0.rule == ItemsOverlapsBase.id }, tally)
      }
    }
    let (catalog, readFindings, tally) = try Validator.load(snapshot, tally: CatalogTally.self)
    let checked = Validator.check(catalog)
    let report = Report(findings: Validator.apply(catalog.settings, to: readFindings + checked))
    let overlaps =
      catalog.settings.runs(ItemsOverlapsBase.self)
      ? checked.filter { $0.rule == ItemsOverlapsBase.id } : ItemsOverlapsBase.check(catalog)
    return (catalog, report, overlaps, tally)
  }

  /// Where the period starts, and its commit (nil: the empty registry): the last commit before
  /// `date`, the revision `since` names, else the last release before `commit`, else the
  /// beginning.
  static func periodStart(
    _ since: String?, date: String?, history: HistoryWalk, releases: [ReleasePoint], commit: ObjectID,
    in repository: Repository
  ) throws -> (PeriodStart, ObjectID?) {
    if let date {
      return (PeriodStart(kind: .date, label: date, commit: history.baseBefore?.hex), history.baseBefore)
    }
    if let revision = since {
      let base: ObjectID
      do {
        base = try resolve(revision, in: repository)
      } catch {
        throw looksLikeDate(revision) ? Failure.badDate(revision) : error
      }
      return (PeriodStart(kind: .revision, label: revision, commit: base.hex), base)
    }
    if let previous = releases.last(where: { $0.commit != commit.hex }) {
      return (PeriodStart(kind: .release, label: previous.tag, commit: previous.commit), ObjectID(hex: previous.commit))
    }
    return (PeriodStart(kind: .beginning, label: nil, commit: nil), nil)
  }

  /// Each source's last sync, and (with `countBehind`) how far its fork is behind.
  static func sourceSyncs(
    _ sources: [SyncSource], history: HistoryWalk, countBehind: Bool, in workspace: Workspace, _ repository: Repository,
    revision: ObjectID
  ) throws -> [SourceSync] {
    let syncs = sources.map { source in
      var sync = SourceSync(name: source.name, owns: source.owns)
      sync.lastSync = history.lastSync[source.name]
      return sync
    }
    guard !syncs.isEmpty && countBehind else { return syncs }
    return try behind(syncs, in: workspace, repository, revision: revision)
  }



  private static func resolve(_ revision: String, in repository: Repository) throws(Failure) -> ObjectID {
    do {
      return try repository.resolveCommit(revision)
    } catch {
      throw .workspace(.revision(revision, error, in: repository))
    }
  }

  /// Ten characters in the form YYYY-MM-DD.
  static func looksLikeDate(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10 else { return false }
    return bytes.indices.allSatisfy { index in
      index == 4 || index == 7 ? bytes[index] == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
    }
  }

  /// The codes asked for, each a department of the dictionary or a folder of the catalogs.
  private static func departmentsWanted(_ codes: [String], catalog: Catalog, tally: CatalogTally) throws -> Set<String>? {
    guard !codes.isEmpty else { return nil }
    let unknown = codes.filter { catalog.departments[$0] == nil && tally.folders[$0] == nil }
    if !unknown.isEmpty { throw Failure.unknownDepartments(unknown) }
    return Set(codes)
  }

  private static func sourceList(_ tree: ObjectID, _ repository: Repository) throws -> [SyncSource] {
    guard let entry = try repository.entry(at: SourceList.path, inTree: tree) else { return [] }
    return SourceList.read(try repository.blob(entry.id)).sources
  }

  /// The release tags whose commits the revision contains, oldest first.
  private static func releasePoints(in workspace: Workspace, _ repository: Repository, upTo commit: ObjectID) throws
    -> [ReleasePoint]
  {
    let entries: [Release.Entry]
    do {
      entries = try Release.list(in: workspace)
    } catch {
      throw Failure.release(error)
    }
    var points: [ReleasePoint] = []
    for entry in entries.reversed() where try repository.isDescendant(commit, of: entry.commit) {
      let signature = try entry.tagger ?? repository.commit(entry.commit).committer
      let date = Identity.dayString(signature)
      points.append(
        ReleasePoint(
          tag: entry.tag, date: date, commit: entry.commit.hex, resources: entry.resources, breaking: entry.breaking))
    }
    return points
  }

  /// How many commits each fork has that the revision has not, fetched as `mulu sync status`
  /// fetches (into `refs/mulu/sources/<name>`).
  private static func behind(
    _ syncs: [SourceSync], in workspace: Workspace, _ repository: Repository, revision: ObjectID
  ) throws -> [SourceSync] {
    var statuses: [String: Sync.SourceStatus] = [:]
    var failure: String? = nil
    do {
      for status in try Sync.status(in: workspace, fetch: true).sources { statuses[status.source.name] = status }
    } catch {
      failure = error.message.en
    }
    return try syncs.map { sync in
      var sync = sync
      if let failure {
        sync.unknownBecause = failure
      } else if let status = statuses[sync.name] {
        if let reason = status.fetchError {
          sync.unknownBecause = reason
        } else if let tip = status.forkTip {
          sync.behind = try repository.revwalk(from: [tip], hiding: [revision]).count
        } else {
          sync.unknownBecause = "never fetched"
        }
      } else {
        sync.unknownBecause = "not listed in sources.yaml on main"
      }
      return sync
    }
  }
}

extension Evaluation.Failure: WorkflowFailure {}
