/// The verdict on a registry: every finding, in a stable order.
public struct Report: Sendable, Hashable {
  public var findings: [Finding]

  public init(findings: [Finding]) {
    self.findings = findings.sorted(by: Finding.ordered)
  }

  public var errorCount: Int { findings.count { $0.severity == .error } }
  public var warningCount: Int { findings.count { $0.severity == .warning } }
  public var hasErrors: Bool { findings.contains { $0.severity == .error } }

  /// Only the findings on the given paths (files, or folders ending in "/").
  public func limited(to paths: [String]) -> Report {
    guard !paths.isEmpty else { return self }
    return Report(findings: findings.filter { finding in
      paths.contains { finding.path == $0 || (finding.path.hasPrefix($0) && $0.hasSuffix("/")) }
    })
  }
}
