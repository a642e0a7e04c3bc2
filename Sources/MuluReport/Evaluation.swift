import MuluCatalog

/// The evaluation (评价) of a registry at one revision: indicators for the registry and for
/// each department, a score and a rank per department, and the history they were read from.
/// `docs/evaluation.md` defines every value. Everything but the forks' `behind` is fixed by
/// the revision: a report of a given revision never changes.
public struct Evaluation: Sendable {
  /// The revision as given, its commit and its commit date (YYYY-MM-DD, in the committer's zone).
  public var revision: String
  public var commit: String
  public var date: String
  /// Where the period starts.
  public var since: PeriodStart
  public var registry: RegistryEvaluation
  /// Every department of `dictionaries/departments.yaml` (or those asked for), by rank, then code.
  public var departments: [DepartmentEvaluation]
  /// The releases up to the revision, oldest first.
  public var releases: [ReleasePoint]
  /// The sources of `sources.yaml` at the revision.
  public var sources: [SourceSync]
  /// The weights the scores were computed with.
  public var policy: EvaluationPolicy
}

/// The start of the period of activity.
public struct PeriodStart: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// The previous release before the revision.
    case release
    /// A revision the user gave.
    case revision
    /// A date the user gave: the period starts at the last commit before it.
    case date
    /// No release before the revision: the period starts at the empty registry.
    case beginning
  }

  public var kind: Kind
  /// The tag, revision or date; nil at the beginning.
  public var label: String?
  /// The commit the period's diff starts from; nil for the empty registry.
  public var commit: String?
}

/// The indicators of a set of resources: the registry's, or one department's.
public struct Indicators: Sendable, Hashable {
  /// Active resources (read, not retired) and retired ones.
  public var resources = 0
  public var retired = 0
  /// Resource files that could not be read as resources (their findings say why).
  public var unreadable = 0
  /// Active resources by sharing type, in `Vocabulary.sharingTypes` order.
  public var bySharingType: [Int] = [0, 0, 0]
  public var unconditionalShare: Double?
  public var openToPublicShare: Double?
  public var notSharedWithBasisShare: Double?
  /// The base and theme 项 the set's department leads (for the registry: all of them).
  public var baseAndThemeCoverage: [Coverage] = []
  public var itemsPerResource: Double?
  public var resourcesWithoutLengths = 0
  public var duplicateCollection = 0
  public var errors = 0
  public var warnings = 0
  /// Resource files with at least one finding.
  public var filesWithFindings = 0
  public var period = PeriodActivity()
  /// The newest first-parent commit up to the revision that changed these resources' folders.
  public var lastChange: String?
  public var daysSinceLastChange: Int?

  /// The share of covered 项, nil when there is none to cover.
  public var coverageShare: Double? {
    share(baseAndThemeCoverage.count { $0.covered }, of: baseAndThemeCoverage.count)
  }

  /// Every resource file: active, retired, unreadable.
  public var files: Int { resources + retired + unreadable }
}

/// One base or theme 项 and whether its lead department keeps at least one active resource there.
public struct Coverage: Sendable, Hashable {
  /// 类 + 项, three digits ("101").
  public var item: String
  public var name: String
  public var lead: String?
  /// The lead's active resources under the 项 (for a 项 without a lead: anyone's).
  public var resources: Int
  public var covered: Bool { resources > 0 }
}

/// Resources changed in the period, by the semantic diff.
public struct PeriodActivity: Sendable, Hashable {
  public var added = 0
  public var modified = 0
  public var retired = 0
  public var breaking = 0
}

public struct RegistryEvaluation: Sendable {
  public var name: String
  public var level: String
  public var indicators: Indicators
  /// The mean score of the ranked departments.
  public var meanScore: Double?
}

public struct DepartmentEvaluation: Sendable {
  public var code: String
  public var name: String
  /// `active` or `dissolved`; a dissolved department is not ranked.
  public var status: String
  public var indicators: Indicators
  /// Each component of the score, 0–1, nil when its denominator is zero.
  public var components: [EvaluationPolicy.Component: Double?]
  /// 0–100 with one decimal; nil for a dissolved department or when every weight is 0.
  public var score: Double?
  /// 1 for the best score; equal scores share a rank.
  public var rank: Int?
  /// The sources that own this department.
  public var sync: [SourceSync]
}

/// One release up to the revision, as its tag's trailers count it.
public struct ReleasePoint: Sendable, Hashable {
  public var tag: String
  public var date: String
  public var commit: String
  public var resources: Int?
  public var breaking: Int?
}

/// One source of `sources.yaml`: its last merge into the revision's history and how far the
/// fork is ahead of the revision.
public struct SourceSync: Sendable, Hashable {
  public var name: String
  public var owns: [String]
  /// The newest merge of this source on the first-parent history; nil when none.
  public var lastSync: LastSync?
  /// The fork's commits the revision does not have; nil when the fork could not be reached.
  public var behind: Int?
  /// Why `behind` is unknown.
  public var unknownBecause: String?

  public struct LastSync: Sendable, Hashable {
    /// The merge commit's date and id.
    public var date: String
    public var commit: String
    /// The fork commit it brought in (its `Mulu-Source-Commit` trailer).
    public var forkCommit: String?
  }

  public init(name: String, owns: [String]) {
    self.name = name
    self.owns = owns
  }
}

/// `part / whole`, nil when `whole` is 0.
func share(_ part: Int, of whole: Int) -> Double? {
  whole == 0 ? nil : Double(part) / Double(whole)
}
