import MuluCatalog

/// `mulu report --format json`: `{"rev","since","registry":{…},"departments":[{"code","name","score","rank",…}]}`,
/// the indicators named as in docs/evaluation.md; shares are fractions 0–1, or null when their
/// denominator is zero.
public enum EvaluationJSON {
  public static func json(_ evaluation: Evaluation) -> JSON {
    var registry: [(String, JSON)] = [
      ("name", .string(evaluation.registry.name)),
      ("level", .string(evaluation.registry.level)),
    ]
    registry += indicators(evaluation.registry.indicators)
    registry.append(("mean_score", .number(evaluation.registry.meanScore)))
    return .object([
      ("rev", .string(evaluation.revision)),
      ("commit", .string(evaluation.commit)),
      ("date", .string(evaluation.date)),
      ("since", .string(evaluation.since.label)),
      ("since_kind", .string(evaluation.since.kind.rawValue)),
      ("since_commit", .string(evaluation.since.commit)),
      ("registry", .object(registry)),
      ("departments", .array(evaluation.departments.map(department))),
      ("releases", .array(evaluation.releases.map(release))),
      ("sources", .array(evaluation.sources.map(source))),
      ("weights", weights(evaluation.policy)),
      ("stale_after_days", .int(evaluation.policy.staleAfterDays)),
    ])
  }

  /// One department, as the report and the published department page show it.
  public static func department(_ department: DepartmentEvaluation) -> JSON {
    var pairs: [(String, JSON)] = [
      ("code", .string(department.code)),
      ("name", .string(department.name)),
      ("score", .number(department.score)),
      ("rank", .int(department.rank)),
      ("status", .string(department.status)),
    ]
    pairs += indicators(department.indicators)
    pairs.append(
      (
        "score_components",
        .object(
          EvaluationPolicy.Component.allCases.map { ($0.rawValue, .number(department.components[$0] ?? nil)) })
      ))
    pairs.append(("sync", .array(department.sync.map(source))))
    return .object(pairs)
  }

  static func indicators(_ indicators: Indicators) -> [(String, JSON)] {
    [
      ("resources", .int(indicators.resources)),
      ("retired", .int(indicators.retired)),
      ("unreadable", .int(indicators.unreadable)),
      (
        "by_sharing_type",
        .object(zip(Vocabulary.sharingTypes, indicators.bySharingType).map { ($0, .int($1)) })
      ),
      ("unconditional_share", .number(indicators.unconditionalShare)),
      ("open_to_public_share", .number(indicators.openToPublicShare)),
      ("not_shared_with_basis_share", .number(indicators.notSharedWithBasisShare)),
      (
        "base_and_theme_coverage",
        .array(
          indicators.baseAndThemeCoverage.map { item in
            .object([
              ("item", .string(item.item)),
              ("name", .string(item.name)),
              ("lead", .string(item.lead)),
              ("resources", .int(item.resources)),
              ("covered", .bool(item.covered)),
            ])
          })
      ),
      ("items_per_resource", .number(indicators.itemsPerResource)),
      ("resources_without_lengths", .int(indicators.resourcesWithoutLengths)),
      ("duplicate_collection", .int(indicators.duplicateCollection)),
      (
        "findings",
        .object([
          ("errors", .int(indicators.errors)),
          ("warnings", .int(indicators.warnings)),
          ("files", .int(indicators.filesWithFindings)),
        ])
      ),
      (
        "period",
        .object([
          ("added", .int(indicators.period.added)),
          ("modified", .int(indicators.period.modified)),
          ("retired", .int(indicators.period.retired)),
          ("breaking", .int(indicators.period.breaking)),
        ])
      ),
      ("last_change", .string(indicators.lastChange)),
      ("days_since_last_change", .int(indicators.daysSinceLastChange)),
    ]
  }

  static func source(_ source: SourceSync) -> JSON {
    .object([
      ("source", .string(source.name)),
      ("owns", .array(source.owns.map { .string($0) })),
      (
        "last_sync",
        source.lastSync.map { last in
          .object([
            ("date", .string(last.date)),
            ("commit", .string(last.commit)),
            ("fork_commit", .string(last.forkCommit)),
          ])
        } ?? .null
      ),
      ("behind", .int(source.behind)),
      ("behind_unknown", .string(source.behind == nil ? (source.unknownBecause ?? "unknown") : nil)),
    ])
  }

  static func release(_ release: ReleasePoint) -> JSON {
    .object([
      ("tag", .string(release.tag)),
      ("date", .string(release.date)),
      ("commit", .string(release.commit)),
      ("resources", .int(release.resources)),
      ("breaking", .int(release.breaking)),
    ])
  }

  static func weights(_ policy: EvaluationPolicy) -> JSON {
    .object(EvaluationPolicy.Component.allCases.map { ($0.rawValue, .int(policy.weights[$0] ?? 0)) })
  }
}
