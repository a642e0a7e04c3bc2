/// The JSON Schema (draft 2020-12) of resource files, for editors.
public enum JSONSchema {
  public static let id = "https://mulu.example/schema/resource-1.json"
  public static let modeline = "# yaml-language-server: $schema=\(id)"

  public static func resource() -> JSON {
    guard case .object(var pairs) = shape(Schemas.resource, title: "政务信息资源目录 · 资源文件") else { return .null }
    pairs.insert(("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
    pairs.insert(("$id", .string(id)), at: 1)
    pairs.append(("allOf", .array(conditions)))
    return .object(pairs)
  }

  /// `nonEmpty` is false for optional text: mulu reads an empty optional field as absent
  /// (docs/format.md writes `note: ""`), so the editor must not mark it.
  static func shape(_ shape: FieldShape, title: String = "", nonEmpty: Bool = true) -> JSON {
    var pairs: [(String, JSON)] = []
    if !title.isEmpty { pairs.append(("title", .string(title))) }
    switch shape {
    case .string(let pattern):
      pairs.append(("type", .string("string")))
      if nonEmpty { pairs.append(("minLength", .int(1))) }
      if let pattern { pairs.append(("pattern", .string(pattern))) }
    case .date:
      pairs.append(("type", .string("string")))
      pairs.append(("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")))
      pairs.append(("format", .string("date")))
    case .boolean:
      pairs.append(("type", .string("boolean")))
    case .integer:
      pairs.append(("type", .string("integer")))
    case .enumeration(let values):
      pairs.append(("type", .string("string")))
      pairs.append(("enum", .array(values.map { .string($0) })))
    case .nullable(let inner):
      return .object(pairs + [("anyOf", .array([JSON.shape(inner), .object([("type", .string("null"))])]))])
    case .array(let element, _):
      pairs.append(("type", .string("array")))
      pairs.append(("items", JSON.shape(element)))
    case .object(let fields, let values):
      pairs.append(("type", .string("object")))
      let properties = fields.map { ($0.name, JSONSchema.shape($0.type, title: $0.title, nonEmpty: $0.required)) }
      pairs.append(("properties", .object(properties)))
      let required = fields.filter(\.required).map { JSON.string($0.name) }
      if !required.isEmpty { pairs.append(("required", .array(required))) }
      pairs.append(("additionalProperties", values.map { JSONSchema.shape($0) } ?? .bool(false)))
    }
    return .object(pairs)
  }

  /// The rules of docs/rules.md that JSON Schema can say: conditional requirements.
  static var conditions: [JSON] {
    func when(_ path: [String], _ value: JSON, then: JSON) -> JSON {
      var condition: JSON = .object([("const", value)])
      for key in path.reversed() {
        condition = .object([("properties", .object([(key, condition)])), ("required", .array([.string(key)]))])
      }
      return .object([("if", condition), ("then", then)])
    }
    // Present and not empty, as the rules read them (minLength does not apply to objects).
    func require(_ parent: String, _ keys: [String]) -> JSON {
      .object([
        ("properties", .object([(parent, .object([
          ("required", .array(keys.map { .string($0) })),
          ("properties", .object(keys.map { ($0, .object([("minLength", .int(1))])) })),
        ]))])),
        ("required", .array([.string(parent)])),
      ])
    }
    let needsItems: JSON = .object([
      ("required", .array([.string("items")])),
      ("properties", .object([("items", .object([("minItems", .int(1))]))])),
    ])
    return [
      when(["sharing", "type"], .string("有条件共享"), then: require("sharing", ["condition", "method"])),
      when(["sharing", "type"], .string("无条件共享"), then: require("sharing", ["method"])),
      when(["sharing", "type"], .string("不予共享"), then: .object([
        ("properties", .object([
          ("sharing", .object([
            ("required", .array([.string("basis")])),
            ("properties", .object([("basis", .object([("minLength", .int(1))]))])),
          ])),
          ("open", .object([("properties", .object([("to_public", .object([("const", .bool(false))]))]))])),
        ]))
      ])),
      when(["format", "class"], .string("数据库"), then: needsItems),
      when(["format", "class"], .string("电子表格"), then: needsItems),
      when(["format", "type"], .string("其他"), then: require("format", ["note"])),
      .object([
        ("properties", .object([
          ("items", .object([
            ("items", .object([
              ("if", .object([
                ("properties", .object([("type", .object([("enum", .array([.string("C"), .string("N")]))]))])),
                ("required", .array([.string("type")])),
              ])),
              ("then", .object([
                ("required", .array([.string("length")])),
                ("properties", .object([("length", .object([("minimum", .int(1))]))])),
              ])),
            ]))
          ]))
        ]))
      ]),
    ]
  }
}

extension JSON {
  fileprivate static func shape(_ shape: FieldShape) -> JSON { JSONSchema.shape(shape) }
}
