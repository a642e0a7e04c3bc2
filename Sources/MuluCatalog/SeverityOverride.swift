/// What `registry.yaml` may set a rule to.
public enum SeverityOverride: String, Sendable, Hashable, Codable, CaseIterable {
  case error
  case warning
  case off
}
