import MuluYAML
import Synchronization

/// `registry.yaml`, read.
public struct RegistrySettings: Sendable, Hashable {
  public var name: String = ""
  public var level: String = "national"
  public var overrides: [String: SeverityOverride] = [:]
  public var maxFileBytes: Int = 262_144
  public var maxChangedFilesPerPush: Int = 20_000
  /// How many refs one push may create, move or delete (`push.too-many-refs`).
  public var maxRefsPerPush: Int = 100
  /// How `mulu report` scores departments.
  public var evaluation = EvaluationPolicy()

  /// The largest `limits.max_file_bytes` taken (1 GiB): a larger value is read as this one, so
  /// that the limits derived from it (the departments dictionary may be 16 times as large) stay
  /// far from overflowing.
  public static let maxFileBytesCeiling = 1 << 30

  public init() {}

  /// Whether a rule is run at all: one set to `off` is not.
  public func runs(_ rule: any Rule.Type) -> Bool { overrides[rule.id] != .off }

  init(_ map: YAMLMapping) {
    name = map.text("name") ?? ""
    level = map.text("level") ?? "national"
    for pair in map.mapping("rules")?.pairs ?? [] {
      if case .scalar(let value) = pair.value, let severity = SeverityOverride(rawValue: value.value) {
        overrides[pair.key.value] = severity
      }
    }
    if let limits = map.mapping("limits") {
      if let bytes = limits.text("max_file_bytes").flatMap({ Int($0) }), bytes > 0 {
        maxFileBytes = min(bytes, Self.maxFileBytesCeiling)
      }
      if let files = limits.text("max_changed_files_per_push").flatMap({ Int($0) }), files > 0 {
        maxChangedFilesPerPush = files
      }
      if let refs = limits.text("max_refs_per_push").flatMap({ Int($0) }), refs > 0 {
        maxRefsPerPush = refs
      }
    }
    evaluation = EvaluationPolicy(map.mapping("evaluation"))
  }
}
