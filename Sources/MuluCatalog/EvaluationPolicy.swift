import MuluYAML

/// The `evaluation:` section of `registry.yaml`: how `mulu report` weighs a department's
/// indicators into its score of 0–100. Policy is data of the registry; every value has a
/// default, and `docs/evaluation.md` defines each component.
///
/// ```yaml
/// evaluation:
///   weights:                 # points (分值) per component; a component not named keeps its default
///     unconditional_share: 30
///     freshness: 0           # 0 leaves a component out of the score
///   stale_after_days: 365    # freshness falls from 1 to 0 over this many days without a change
/// ```
public struct EvaluationPolicy: Sendable, Hashable {
  /// A part of the score: a value from 0 to 1 computed from the indicators, or none when its
  /// denominator is zero.
  public enum Component: String, Sendable, Hashable, CaseIterable {
    case unconditionalShare = "unconditional_share"
    case openToPublicShare = "open_to_public_share"
    case notSharedWithBasisShare = "not_shared_with_basis_share"
    case baseAndThemeCoverage = "base_and_theme_coverage"
    case lengthsComplete = "lengths_complete"
    case noDuplicateCollection = "no_duplicate_collection"
    case withoutFindings = "without_findings"
    case freshness = "freshness"

    /// The default points: 100 in all.
    public var defaultWeight: Int {
      switch self {
      case .unconditionalShare: 30
      case .openToPublicShare: 10
      case .notSharedWithBasisShare: 15
      case .baseAndThemeCoverage: 10
      case .lengthsComplete: 10
      case .noDuplicateCollection: 10
      case .withoutFindings: 10
      case .freshness: 5
      }
    }
  }

  /// The largest weight taken; a larger one is read as this.
  public static let maxWeight = 1_000
  /// The longest `stale_after_days` taken (about 100 years).
  public static let maxStaleAfterDays = 36_500

  /// Points per component, every component present.
  public var weights: [Component: Int]
  /// Days without a change after which `freshness` is 0.
  public var staleAfterDays: Int

  public init() {
    weights = Dictionary(uniqueKeysWithValues: Component.allCases.map { ($0, $0.defaultWeight) })
    staleAfterDays = 365
  }

  /// Reads the section leniently: a value of the wrong shape keeps its default (the schema
  /// check of `registry.yaml` reports it).
  init(_ map: YAMLMapping?) {
    self.init()
    guard let map else { return }
    for pair in map.mapping("weights")?.pairs ?? [] {
      guard let component = Component(rawValue: pair.key.value), case .scalar(let scalar) = pair.value,
        let points = Int(scalar.value), points >= 0
      else { continue }
      weights[component] = min(points, Self.maxWeight)
    }
    if let days = map.text("stale_after_days").flatMap({ Int($0) }), days > 0 {
      staleAfterDays = min(days, Self.maxStaleAfterDays)
    }
  }

  /// What the schema cannot say: a weight below 0, a period of no days.
  static func findings(_ root: YAMLMapping?) -> [Finding] {
    guard let map = root?.mapping("evaluation") else { return [] }
    var findings: [Finding] = []
    for pair in map.mapping("weights")?.pairs ?? [] {
      guard case .scalar(let scalar) = pair.value, let points = Int(scalar.value), points < 0 else { continue }
      findings.append(
        DictionaryInvalid.finding(
          "registry.yaml", at: scalar.mark,
          message: DictionaryInvalid.meaning.with(
            zh: "权重 \(pair.key.value) 不能为负数（\(points)）", en: "weight \(pair.key.value) cannot be negative (\(points))")))
    }
    if let pair = map.pairs.first(where: { $0.key.value == "stale_after_days" }), case .scalar(let scalar) = pair.value,
      let days = Int(scalar.value), days <= 0
    {
      findings.append(
        DictionaryInvalid.finding(
          "registry.yaml", at: scalar.mark,
          message: DictionaryInvalid.meaning.with(
            zh: "stale_after_days 须为正数（\(days)）", en: "stale_after_days must be positive (\(days))")))
    }
    return findings
  }

  /// The shape of the section, for the schema of `registry.yaml`.
  static let shape: FieldShape = .object([
    SchemaField(
      "weights", .object(Component.allCases.map { SchemaField($0.rawValue, .integer) }), title: "评分权重（分值）"),
    SchemaField("stale_after_days", .integer, title: "多少天未更新时及时性得分为 0"),
  ])
}
