/// The semantic change of one resource: its kind and the fields that changed.
public struct ResourceDelta: Sendable, Hashable {
  public var kind: ChangeKind
  /// Empty for `added` and `deleted`.
  public var fields: [FieldChange]

  public init(kind: ChangeKind, fields: [FieldChange]) {
    self.kind = kind
    self.fields = fields
  }

  /// Retiring or deleting a resource breaks its users, as does any breaking field change.
  public var breaking: Bool {
    ResourceComparison.isBreaking(kind: kind, fields: fields)
  }
}
