/// How much a finding weighs: errors block, warnings report.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
  case warning
  case error

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs == .warning && rhs == .error
  }
}
