import MuluCatalog
import MuluGit
import MuluKit

extension Evaluation {
  /// Joins the counts of the validation pass, the findings, the period's diff and the history
  /// into indicators, scores and ranks.
  struct Builder {
    var catalog: Catalog
    var tally: CatalogTally
    var findings: [Finding]
    var overlaps: [Finding]
    /// The period's diff; nil when the period starts at the empty registry.
    var diff: SemanticDiff?
    var history: HistoryWalk
    /// The revision's commit time: days are counted to it.
    var now: Int64

    mutating func evaluation(
      revision: String, commit: Commit, since: PeriodStart, wanted: Set<String>?, releases: [ReleasePoint],
      sources: [SourceSync]
    ) -> Evaluation {
      let policy = catalog.settings.evaluation
      let perFolder = folderFacts()
      var codes = Set(catalog.departments.keys)
      codes.formUnion(tally.folders.keys)
      var departments: [DepartmentEvaluation] = codes.map { code in
        let department = catalog.departments[code]
        var indicators = indicatorsOf(tally.folders[code] ?? FolderTally(), facts: perFolder[code] ?? FolderFacts())
        indicators.baseAndThemeCoverage = coverage(lead: code)
        indicators.lastChange = history.lastChange[code].map(Identity.dayString)
        indicators.daysSinceLastChange = history.lastChange[code].map(days)
        let components = Evaluation.components(indicators, policy: policy)
        let status = department?.status ?? "unlisted"
        return DepartmentEvaluation(
          code: code, name: department?.name ?? "", status: status, indicators: indicators, components: components,
          score: status == "active" ? Evaluation.score(indicators, components, policy: policy) : nil, rank: nil,
          sync: sources.filter { $0.owns.contains(code) })
      }
      Evaluation.rank(&departments)
      let scores = departments.compactMap { $0.rank == nil ? nil : $0.score }

      var total = FolderTally()
      for folder in tally.folders.values { total.merge(folder) }
      var registry = indicatorsOf(total, facts: perFolder.values.reduce(into: FolderFacts()) { $0.merge($1) })
      registry.baseAndThemeCoverage = coverage(lead: nil)
      registry.errors = findings.count { $0.severity == .error }
      registry.warnings = findings.count { $0.severity == .warning }
      registry.lastChange = history.registryLastChange.map(Identity.dayString)
      registry.daysSinceLastChange = history.registryLastChange.map(days)
      if let summary = diff?.summary {
        registry.period = PeriodActivity(
          added: summary.added, modified: summary.modified, retired: summary.retired, breaking: summary.breaking)
      }

      if let wanted { departments.removeAll { !wanted.contains($0.code) } }
      return Evaluation(
        revision: revision, commit: commit.id.hex, date: Identity.dayString(commit.committer), since: since,
        registry: RegistryEvaluation(
          name: catalog.settings.name, level: catalog.settings.level, indicators: registry,
          meanScore: scores.isEmpty ? nil : Evaluation.rounded(scores.reduce(0, +) / Double(scores.count))),
        departments: departments, releases: releases, sources: sources, policy: policy)
    }

    /// Whole days from a change to the revision's commit (0 when the change is dated later).
    private func days(_ signature: Signature) -> Int {
      max(0, Int((now - signature.time) / 86_400))
    }

    /// The base and theme 项 a department leads (nil: every base and theme 项), each with the
    /// lead's active resources there (for a 项 without a lead, everyone's).
    private func coverage(lead: String?) -> [Coverage] {
      catalog.classification.items.values
        .filter { ($0.catalogClass == "1" || $0.catalogClass == "2") && (lead == nil || $0.lead == lead) }
        .sorted { ($0.catalogClass + $0.code) < ($1.catalogClass + $1.code) }
        .map { item in
          let key = item.catalogClass + item.code
          let count: Int
          if let keeper = item.lead {
            count = tally.folders[keeper]?.baseAndTheme[key] ?? 0
          } else {
            count = tally.folders.values.reduce(0) { $0 + ($1.baseAndTheme[key] ?? 0) }
          }
          return Coverage(item: key, name: item.name, lead: item.lead, resources: count)
        }
    }

    /// What the findings, the duplicate-collection flags and the period's diff say of each folder.
    private func folderFacts() -> [String: FolderFacts] {
      var facts: [String: FolderFacts] = [:]
      var paths: [String: Set<String>] = [:]
      for finding in findings {
        guard let folder = Evaluation.folder(of: finding.path) else { continue }
        if finding.severity == .error { facts[folder, default: FolderFacts()].errors += 1 }
        if finding.severity == .warning { facts[folder, default: FolderFacts()].warnings += 1 }
        if finding.path.hasSuffix(".yaml") { paths[folder, default: []].insert(finding.path) }
      }
      for (folder, set) in paths { facts[folder, default: FolderFacts()].filesWithFindings = set.count }
      var flagged: [String: Set<String>] = [:]
      for finding in overlaps {
        if let folder = Evaluation.folder(of: finding.path) { flagged[folder, default: []].insert(finding.path) }
      }
      for (folder, set) in flagged { facts[folder, default: FolderFacts()].duplicateCollection = set.count }
      guard let diff else {
        for (folder, tally) in tally.folders {
          facts[folder, default: FolderFacts()].period.added = tally.active + tally.retired
        }
        return facts
      }
      for change in diff.changes {
        var period = facts[change.provider, default: FolderFacts()].period
        switch change.kind {
        case .added: period.added += 1
        case .modified: period.modified += 1
        case .retired: period.retired += 1
        case .unretired, .deleted: break
        }
        if change.breaking { period.breaking += 1 }
        facts[change.provider, default: FolderFacts()].period = period
      }
      return facts
    }

    private func indicatorsOf(_ folder: FolderTally, facts: FolderFacts) -> Indicators {
      var indicators = Indicators()
      indicators.resources = folder.active
      indicators.retired = folder.retired
      indicators.unreadable = folder.unreadable
      indicators.bySharingType = folder.bySharingType
      indicators.unconditionalShare = share(folder.bySharingType[0], of: folder.active)
      indicators.openToPublicShare = share(folder.openToPublic, of: folder.active)
      indicators.notSharedWithBasisShare = share(folder.notSharedWithBasis, of: folder.bySharingType[2])
      indicators.itemsPerResource = share(folder.items, of: folder.active)
      indicators.resourcesWithoutLengths = folder.withoutLengths
      indicators.duplicateCollection = facts.duplicateCollection
      indicators.errors = facts.errors
      indicators.warnings = facts.warnings
      indicators.filesWithFindings = facts.filesWithFindings
      indicators.period = facts.period
      return indicators
    }
  }

  /// What is counted of a folder outside the validation pass.
  struct FolderFacts {
    var errors = 0
    var warnings = 0
    var filesWithFindings = 0
    var duplicateCollection = 0
    var period = PeriodActivity()

    mutating func merge(_ other: FolderFacts) {
      errors += other.errors
      warnings += other.warnings
      filesWithFindings += other.filesWithFindings
      duplicateCollection += other.duplicateCollection
      period.added += other.period.added
      period.modified += other.period.modified
      period.retired += other.period.retired
      period.breaking += other.period.breaking
    }
  }

  /// The provider folder of a path under `catalogs/`.
  static func folder(of path: String) -> String? {
    guard path.hasPrefix("catalogs/") else { return nil }
    let rest = path.dropFirst("catalogs/".count)
    guard let slash = rest.firstIndex(of: "/") else { return nil }
    return String(rest[..<slash])
  }

  // MARK: The score

  /// Each component of the score from a department's indicators (docs/evaluation.md).
  public static func components(_ indicators: Indicators, policy: EvaluationPolicy)
    -> [EvaluationPolicy.Component: Double?]
  {
    let active = indicators.resources
    func complement(_ count: Int, of whole: Int) -> Double? { share(count, of: whole).map { 1 - $0 } }
    return [
      .unconditionalShare: indicators.unconditionalShare,
      .openToPublicShare: indicators.openToPublicShare,
      .notSharedWithBasisShare: indicators.notSharedWithBasisShare,
      .baseAndThemeCoverage: indicators.coverageShare,
      .lengthsComplete: complement(indicators.resourcesWithoutLengths, of: active),
      .noDuplicateCollection: complement(indicators.duplicateCollection, of: active),
      .withoutFindings: complement(indicators.filesWithFindings, of: indicators.files),
      .freshness: indicators.daysSinceLastChange.map {
        max(0, 1 - Double($0) / Double(policy.staleAfterDays))
      },
    ]
  }

  /// 100 × the weighted mean of the components that have a value, with one decimal; 0 for a
  /// department with no active resource; nil when every weight that applies is 0.
  public static func score(
    _ indicators: Indicators, _ components: [EvaluationPolicy.Component: Double?], policy: EvaluationPolicy
  ) -> Double? {
    if indicators.resources == 0 { return 0 }
    var points = 0.0
    var weights = 0
    for component in EvaluationPolicy.Component.allCases {
      guard let value = components[component] ?? nil, let weight = policy.weights[component], weight > 0 else { continue }
      points += Double(weight) * value
      weights += weight
    }
    return weights == 0 ? nil : rounded(100 * points / Double(weights))
  }

  /// One decimal.
  static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

  /// Ranks the active departments with a score, best first; equal scores share a rank and the
  /// next rank skips (1, 2, 2, 4). The list is put in rank order, then by code.
  static func rank(_ departments: inout [DepartmentEvaluation]) {
    departments.sort { a, b in
      switch (a.status == "active" ? a.score : nil, b.status == "active" ? b.score : nil) {
      case (let x?, let y?) where x != y: return x > y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a.code.utf8.lexicographicallyPrecedes(b.code.utf8)
      }
    }
    var previous: Double? = nil
    var rank = 0
    for index in departments.indices {
      guard departments[index].status == "active", let score = departments[index].score else { continue }
      if score != previous { rank = index + 1 }
      previous = score
      departments[index].rank = rank
    }
  }
}
