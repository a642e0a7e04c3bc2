import MuluCatalog
import MuluGit

/// A rule judged on a push or a commit: it needs the pusher, the refs or the history, not
/// only the files of one snapshot. Its examples are pushes (`PushExample`); `triggering` and
/// `nonTriggering` give their changes, titled, for the docs of `mulu rules`.
public protocol HistoryRule: Rule {
  /// Pushes on which the rule must fire.
  static var triggeringPushes: [PushExample] { get }
  /// Pushes on which the rule must stay silent.
  static var nonTriggeringPushes: [PushExample] { get }
}

extension HistoryRule {
  public static var triggering: [RuleExample] { triggeringPushes.map(\.ruleExample) }
  public static var nonTriggering: [RuleExample] { nonTriggeringPushes.map(\.ruleExample) }
}

/// The rules of the hooks (docs/rules.md, the rules on pushes and history), in the order of docs/rules.md.
public enum HistoryRules {
  public static let all: [any HistoryRule.Type] = [
    RetireDeleteForbidden.self, RetireImmutable.self,
    AccessUnknownIdentity.self, AccessPathNotOwned.self, AccessMaintainersOnly.self,
    AccessRefNotOwned.self, RefNonFastForward.self, RefDeleteProtected.self, RefAmbiguous.self, TagNotAllowed.self,
    CommitUnsigned.self, CommitDateImplausible.self, PushTooManyFiles.self, PushTooManyRefs.self,
  ]

  /// The rule with this id, if it is a history rule.
  public static func rule(_ id: String) -> (any HistoryRule.Type)? { all.first { $0.id == id } }

  /// The rules on the history of resources, over a net change (`changes`, old → new): a deleted
  /// resource file is `retire.delete-forbidden`; a resource retired on the old side that changed
  /// is `retire.immutable`, unless `maintainer` un-retires it. The hook and sync judge with it,
  /// at the rules' own severities. A blob of more than `limit` bytes (`max_file_bytes`, which
  /// `file.too-large` reports) is never loaded: an old side is then not judged, a new side
  /// does not read.
  /// `newTree` is the new side's tree, whose `dictionaries/departments.yaml` gives the names a
  /// retired resource may follow.
  static func resourceHistory(
    _ repository: Repository, changes: [TreeChange], newTree: ObjectID?, maintainer: Bool,
    limit: Int = RegistrySettings().maxFileBytes
  ) throws -> [Finding] {
    var findings: [Finding] = []
    var departments: [String: Department]? = nil
    let names = { (code: String) throws -> String? in
      if departments == nil {
        departments = try newTree.map {
          try ChangeValidator.departments(of: GitSnapshot(repository: repository, tree: $0, label: "new"))
        } ?? [:]
      }
      return departments?[code]?.name
    }
    for change in changes {
      switch change.status {
      case .deleted:
        if let finding = RetireDeleteForbidden.check(deleted: change.path) { findings.append(finding) }
      case .modified, .typeChanged:
        if let finding = try retiredChange(repository, change, maintainer: maintainer, limit: limit, names: names) {
          findings.append(finding)
        }
      case .added:
        break
      }
    }
    return findings
  }

  /// `retire.immutable` on a changed file that was a retired resource on the old side.
  private static func retiredChange(
    _ repository: Repository, _ change: TreeChange, maintainer: Bool, limit: Int, names: (String) throws -> String?
  ) throws -> Finding? {
    guard case .resource(_, let code) = TreeLayout.role(of: change.path), let oldID = change.oldID,
      change.oldMode == .regular || change.oldMode == .executable, try repository.blobSize(oldID) <= limit,
      let old = Resource(yaml: try repository.blob(oldID)), old.isRetired
    else { return nil }
    var new: Resource? = nil
    if let newID = change.newID, change.newMode == .regular || change.newMode == .executable,
      try repository.blobSize(newID) <= limit
    {
      new = Resource(yaml: try repository.blob(newID))
    }
    let dictionaryName = try new.map { try names($0.provider.code) } ?? nil
    return RetireImmutable.check(
      change.path, code: code.description, old: old, new: new, maintainer: maintainer, dictionaryName: dictionaryName)
  }
}

/// A push to try a history rule on. The registry before the push is `PushExample.before`
/// (the baseline, with `access.yaml`) with the example's `setup` edits, committed on `main`,
/// with the annotated release tag `v2026.01` on main's first commit. The push brings
/// `change` over that, to `target`, by `pusher`, signed as `signing` says.
public struct PushExample: Sendable {
  /// Who pushes: the identities of `PushExample.access`, one it does not know, or none.
  public enum Pusher: String, Sendable, CaseIterable {
    case maintainer = "ndrc-admin"
    case mpsEditor = "mps-editor"
    case ndrcEditor = "ndrc-editor"
    case stranger = "visitor"
    case nobody = ""
  }

  /// What the push does to the refs.
  public enum Target: Sendable, Hashable {
    /// A new commit on top of main (a fast-forward).
    case main
    /// Main replaced by a commit that does not descend from it (main's last commit amended).
    case mainRewritten
    case mainDeleted
    /// A new branch off main.
    case newBranch(String)
    /// A new release tag `v2026.02` on the new commit, pushed with main (`onMain`) or alone.
    case releaseTag(annotated: Bool, onMain: Bool)
    /// `v2026.01` moved to the new commit, pushed with main.
    case releaseTagMoved
    case releaseTagDeleted
    /// A lightweight tag outside `release_tags` on the new commit, pushed alone.
    case otherTag(String)
    /// An annotated tag outside `release_tags` of the new commit's tree, pushed alone.
    case tagOfTree(String)
    /// The new commit pushed to this full ref name (`refs/tags/main`, `refs/notes/x`), alone.
    case ref(String)
    /// New branches, all at the new commit.
    case branches([String])
  }

  /// When the new commit was committed.
  public enum Dating: Sendable, Hashable {
    /// A minute after main's tip.
    case usual
    /// Two days after the server's clock.
    case future
    /// An hour before main's tip.
    case beforeMain
  }

  /// How the new commits are signed (with `require_signed_commits: true` in the setup).
  public enum Signing: Sendable, Hashable {
    case none
    /// With the pusher's key, listed for the pusher in `allowed_signers`.
    case byPusher
    /// With a key listed in `allowed_signers` for someone else.
    case byAnother
    /// Unsigned, with a `gpgsig` line written into the message.
    case inMessageOnly
  }

  public var title: String
  public var pusher: Pusher
  public var target: Target
  /// Edits of the files on main before the push.
  public var setup: [RuleExample.Edit]
  /// The files the push changes, over main's.
  public var change: RuleExample
  public var signing: Signing
  public var dating: Dating

  public init(
    _ title: String, by pusher: Pusher, to target: Target = .main, setup: [RuleExample.Edit] = [],
    change: RuleExample = RuleExample(""), signing: Signing = .none, dating: Dating = .usual
  ) {
    self.title = title
    self.pusher = pusher
    self.target = target
    self.setup = setup
    self.change = change
    self.signing = signing
    self.dating = dating
  }

  /// The change titled with the example, its pusher and its target, for the docs.
  public var ruleExample: RuleExample {
    var example = change
    let who = pusher == .nobody ? "no pusher identity" : pusher.rawValue
    let when: String
    switch dating {
    case .usual: when = ""
    case .future: when = ", committed two days ahead of the server's clock"
    case .beforeMain: when = ", committed before main's tip"
    }
    example.title = "\(title) (\(who), \(target.label)\(when))"
    return example
  }

  /// `access.yaml` of the examples: a maintainer and one editor for each baseline department.
  public static let access = """
    maintainers: [ndrc-admin]
    identities:
      - { id: ndrc-editor, department: 11100000000000001M }
      - { id: mps-editor, department: 11100000000001234L }
    protected_branches: [main]
    release_tags: "v*"
    require_signed_commits: false

    """

  /// The registry the examples start from: the baseline and `access`.
  public static var before: [String: String] {
    var files = Baseline.files
    files["access.yaml"] = access
    return files
  }

  /// Applies edits and file changes to a set of files; nil when an edit does not match.
  public static func apply(_ edits: [RuleExample.Edit], files: [String: String?] = [:], to base: [String: String])
    -> [String: String]?
  {
    var text = base
    for edit in edits {
      guard let current = text[edit.path], current.contains(edit.old) else { return nil }
      text[edit.path] = current.replacingFirst(edit.old, with: edit.new)
    }
    for (path, content) in files { text[path] = content }
    return text
  }

  /// Main's files before the push, and after it; nil when an edit does not match.
  public func files() -> (before: [String: String], after: [String: String])? {
    guard let before = PushExample.apply(setup, to: PushExample.before),
      let after = PushExample.apply(change.edits, files: change.files, to: before)
    else { return nil }
    return (before, after)
  }

  // Edits the examples share.
  static let requireSigned = RuleExample.Edit(
    path: "access.yaml", old: "require_signed_commits: false", new: "require_signed_commits: true")
  static let retireNDRC = RuleExample.Edit(
    path: Baseline.departmentResourcePath, old: "related: [101001001/000001]\n",
    new: "related: [101001001/000001]\nretired:\n  date: 2026-06-30\n  reason: 职能划转\n")
  static let ndrcMonthlyToWeekly = RuleExample.resource(
    "国家发展和改革委员会 updates its resource weekly", replacing: "update_cycle: 每月", with: "update_cycle: 每周")
  static let mpsRealTimeToDaily = RuleExample.edit(
    "公安部 updates its base resource daily", Baseline.baseResourcePath, replacing: "update_cycle: 实时",
    with: "update_cycle: 每日")
}

extension PushExample.Target {
  public var label: String {
    switch self {
    case .main: return "to main"
    case .mainRewritten: return "force-pushed to main"
    case .mainDeleted: return "deleting main"
    case .newBranch(let name): return "to a new branch \(name)"
    case .releaseTag(let annotated, let onMain):
      return "\(annotated ? "annotated" : "lightweight") release tag v2026.02\(onMain ? " on main" : " outside main")"
    case .releaseTagMoved: return "moving release tag v2026.01"
    case .releaseTagDeleted: return "deleting release tag v2026.01"
    case .otherTag(let name): return "lightweight tag \(name)"
    case .tagOfTree(let name): return "annotated tag \(name) of a tree"
    case .ref(let name): return "to \(name)"
    case .branches(let names): return "to \(names.count) new branches"
    }
  }
}

/// Where a path of the registry belongs, for the access rules.
enum PathScope: Equatable {
  /// `dictionaries/`, `access.yaml`, `registry.yaml`, `sources.yaml`, `allowed_signers`.
  case maintainers
  /// `catalogs/<department>/…`
  case department(String)
  /// Anything else: only maintainers may change it.
  case other

  init(_ path: String) {
    switch path {
    case "access.yaml", "registry.yaml", "sources.yaml", "allowed_signers":
      self = .maintainers
      return
    default: break
    }
    if path.hasPrefix("dictionaries/") {
      self = .maintainers
      return
    }
    let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
    if parts.count == 3, parts[0] == "catalogs", !parts[1].isEmpty {
      self = .department(String(parts[1]))
    } else {
      self = .other
    }
  }
}
