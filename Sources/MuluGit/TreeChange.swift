/// A changed path between two trees.
public struct TreeChange: Sendable, Hashable {
  public var path: String
  public var status: ChangeStatus
  /// nil for an added path.
  public var oldID: ObjectID?
  /// nil for a deleted path.
  public var newID: ObjectID?
  public var oldMode: FileMode?
  public var newMode: FileMode?

  public init(
    path: String, status: ChangeStatus, oldID: ObjectID?, newID: ObjectID?,
    oldMode: FileMode?, newMode: FileMode?
  ) {
    self.path = path
    self.status = status
    self.oldID = oldID
    self.newID = newID
    self.oldMode = oldMode
    self.newMode = newMode
  }
}
