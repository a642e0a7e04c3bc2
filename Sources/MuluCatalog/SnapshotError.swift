/// A failure to read a snapshot (not a finding: the tool could not do its work).
public enum SnapshotError: Error, Sendable, Equatable {
  case unreadable(path: String, reason: String)
  case notADirectory(path: String)
}
