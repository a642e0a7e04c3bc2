import MuluCatalog

/// The YAML's field names as an editor knows them: the column titles.
enum FieldNames {
  static let titles: [(key: String, title: String)] = [
    ("sharing.method.class", Column.methodClass.title), ("sharing.method.type", Column.methodType.title),
    ("retired.replaced_by", Column.replacedBy.title), ("sharing.condition", Column.sharingCondition.title),
    ("retired.reason", Column.retiredReason.title), ("open.to_public", Column.toPublic.title),
    ("open.condition", Column.openCondition.title), ("provider.code", Column.providerCode.title),
    ("provider.name", Column.providerName.title), ("provider.unit", Column.unit.title),
    ("sharing.basis", Column.sharingBasis.title), ("sharing.method", Column.methodClass.title),
    ("sharing.type", Column.sharingType.title), ("format.class", Column.formatClass.title),
    ("format.type", Column.formatType.title), ("format.note", Column.formatNote.title),
    ("retired.date", Column.retiredDate.title), ("update_cycle", Column.updateCycle.title),
    ("replaced_by", Column.replacedBy.title), ("to_public", Column.toPublic.title),
  ]

  static let whole: [String: String] = [
    "code": Column.code.title, "name": Column.name.title, "summary": Column.summary.title,
    "published": Column.published.title, "related": Column.related.title, "items": "信息项",
  ]

  /// A field of a diff (`sharing.type`, `items[项目名称].length`) as column titles.
  static func field(_ path: String) -> String {
    if let title = whole[path] { return title }
    if path.hasPrefix("items[") {
      var rest = String(path.dropFirst("items".count))
      rest = rest.replacingSuffix(".type", with: "." + Column.itemType.title)
      rest = rest.replacingSuffix(".length", with: "." + Column.itemLength.title)
      return "信息项" + rest
    }
    return titles.first { $0.key == path }?.title ?? path
  }

  /// A message or hint of the engine with the YAML's dotted field names written as column titles.
  static func text(_ text: String) -> String {
    guard text.contains("_") || text.contains(".") else { return text }
    var out = text
    for (key, title) in titles where out.contains(key) { out = out.replacing(key, with: title) }
    return out
  }
}
