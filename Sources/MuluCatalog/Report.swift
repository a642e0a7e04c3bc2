/// The verdict on a registry: every finding, in a stable order.
public struct Report: Sendable, Hashable {
  public var findings: [Finding]

  public init(findings: [Finding]) {
    self.findings = findings.sorted(by: Finding.ordered)
  }

  public var errorCount: Int { count(of: .error) }
  public var warningCount: Int { count(of: .warning) }

  /// Counted by position, so that no finding is copied (a national registry has 100,000 warnings).
  private func count(of severity: Severity) -> Int {
    var count = 0
    for index in findings.indices where findings[index].severity == severity { count += 1 }
    return count
  }
  public var hasErrors: Bool { findings.contains { $0.severity == .error } }

  /// Only the findings on the given paths (files, or folders ending in "/").
  public func limited(to paths: [String]) -> Report {
    guard !paths.isEmpty else { return self }
    return Report(findings: findings.filter { finding in
      paths.contains { finding.path == $0 || (finding.path.hasPrefix($0) && $0.hasSuffix("/")) }
    })
  }
}
