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

/// `part / whole`, nil when `whole` is 0.
func share(_ part: Int, of whole: Int) -> Double? {
  whole == 0 ? nil : Double(part) / Double(whole)
}
