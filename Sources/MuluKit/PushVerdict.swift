import MuluCatalog
import MuluGit

#if canImport(Glibc)
  import Glibc
#endif

/// The verdict on a push: the findings, per ref and for the push as a whole.
public struct PushVerdict: Sendable {
  /// The verdict on one ref.
  public struct RefVerdict: Sendable {
    public var update: RefUpdate
    public var report: Report
    /// The paths the change touches that were judged.
    public var changedPaths: [String]
    /// For a branch: the semantic change of its update (resources added, modified, retired…).
    public var preview: SemanticDiff? = nil
  }

  /// The pusher, as the server named it; nil when it named nobody.
  public var pusher: String?
  /// Whether the push creates the protected branch (and brings its own `access.yaml`).
  public var firstPush: Bool
  /// Findings on the push as a whole: the pusher, the size of the push.
  public var general: Report
  public var refs: [RefVerdict]
  /// What the hook says about the server itself, apart from the push (a damaged cache file).
  public var notes: [LocalizedText] = []

  public var findings: [Finding] { general.findings + refs.flatMap(\.report.findings) }
  public var errorCount: Int { findings.count { $0.severity == .error } }
  public var accepted: Bool { errorCount == 0 }

  /// How many errors each rule found, by rule id.
  public var errorsByRule: [(rule: String, count: Int)] {
    var counts: [String: Int] = [:]
    for finding in findings where finding.severity == .error { counts[finding.rule, default: 0] += 1 }
    return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}
