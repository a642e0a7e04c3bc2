/// One key of a mapping.
public struct SchemaField: Sendable {
  public var name: String
  public var type: FieldShape
  public var required: Bool
  public var title: String

  public init(_ name: String, _ type: FieldShape, required: Bool = false, title: String = "") {
    self.name = name
    self.type = type
    self.required = required
    self.title = title
  }
}
