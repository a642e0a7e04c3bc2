import MuluCatalog

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
