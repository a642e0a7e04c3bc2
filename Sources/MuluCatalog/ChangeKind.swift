/// What happened to a resource between two versions of a registry.
public enum ChangeKind: String, Sendable, Codable, CaseIterable {
  /// The file appeared.
  case added
  /// Fields changed; the resource is neither newly retired nor newly restored.
  case modified
  /// A `retired` block appeared (注销).
  case retired
  /// The `retired` block went away.
  case unretired
  /// The file went away (which the history rules forbid: resources are retired, not deleted).
  case deleted
}
