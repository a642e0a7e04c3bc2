public struct RegistryEvaluation: Sendable {
  public var name: String
  public var level: String
  public var indicators: Indicators
  /// The mean score of the ranked departments.
  public var meanScore: Double?
}
