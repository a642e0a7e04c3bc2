/// Whether a change can break a department that uses the resource (docs/commands.md).
public enum Impact: String, Sendable, Codable {
  case breaking
  case compatible
}
