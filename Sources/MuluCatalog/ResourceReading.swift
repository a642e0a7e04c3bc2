/// A resource file as read for comparison: the resource, or why it could not be read.
public enum ResourceReading: Sendable, Hashable {
  case read(Resource)
  case unreadable(Finding)
}
