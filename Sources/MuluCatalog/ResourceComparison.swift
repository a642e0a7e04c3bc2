import MuluYAML

/// Compares two versions of a resource, field by field, in the terms of the catalog
/// (docs/commands.md): items are matched by name, so reordering them is no change; values are
/// compared as written, so quoting, layout and comments are no change.
public enum ResourceComparison {
  /// The change from `old` to `new` (nil: the file is absent on that side), or nil when
  /// nothing changed in meaning.
  public static func compare(old: Resource?, new: Resource?) -> ResourceDelta? {
    switch (old, new) {
    case (nil, nil):
      return nil
    case (nil, _?):
      return ResourceDelta(kind: .added, fields: [])
    case (_?, nil):
      return ResourceDelta(kind: .deleted, fields: [])
    case (let old?, let new?):
      let changes = fields(old: old, new: new)
      switch (old.isRetired, new.isRetired) {
      case (false, true): return ResourceDelta(kind: .retired, fields: changes)
      case (true, false): return ResourceDelta(kind: .unretired, fields: changes)
      default: return changes.isEmpty ? nil : ResourceDelta(kind: .modified, fields: changes)
      }
    }
  }

  /// Whether a change of this kind with these fields breaks the resource's users.
  public static func isBreaking(kind: ChangeKind, fields: [FieldChange]) -> Bool {
    kind == .retired || kind == .deleted || fields.contains { $0.impact == .breaking }
  }

  /// The fields that differ, in the order of the file (docs/format.md); items in the new file's
  /// order, then the removed ones in the old file's order.
  public static func fields(old: Resource, new: Resource) -> [FieldChange] {
    var changes = Changes()
    changes.text("code", old.code, new.code)
    changes.text("name", old.name, new.name)
    // Another provider: the users of the data must ask another department for it.
    changes.text("provider.code", old.provider.code, new.provider.code, impact: withdrawn)
    changes.text("provider.name", old.provider.name, new.provider.name)
    changes.text("provider.unit", old.provider.unit, new.provider.unit)
    changes.text("summary", old.summary, new.summary)
    changes.text("format.class", old.format.formatClass, new.format.formatClass, impact: withdrawn)
    changes.text("format.type", old.format.type, new.format.type)
    changes.text("format.note", old.format.note, new.format.note)
    compareItems(old.items, new.items, into: &changes)
    changes.text("sharing.type", old.sharing.type, new.sharing.type) {
      ranked($0, $1, in: Vocabulary.sharingTypes)
    }
    changes.text("sharing.condition", old.sharing.condition, new.sharing.condition)
    changes.text("sharing.basis", old.sharing.basis, new.sharing.basis)
    changes.text(
      "sharing.method.class", old.sharing.method?.methodClass, new.sharing.method?.methodClass, impact: withdrawn)
    changes.text("sharing.method.type", old.sharing.method?.type, new.sharing.method?.type, impact: withdrawn)
    changes.text("open.to_public", old.open.toPublic.map(String.init), new.open.toPublic.map(String.init)) {
      $0 == "true" && $1 == "false" ? .breaking : .compatible
    }
    changes.text("open.condition", old.open.condition, new.open.condition)
    changes.text("update_cycle", old.updateCycle, new.updateCycle) {
      ranked($0, $1, in: Vocabulary.updateCycles)
    }
    changes.text("published", old.published, new.published)
    if Set(old.related.map(trimmed)) != Set(new.related.map(trimmed)) {
      changes.record("related", list(old.related), list(new.related), .compatible)
    }
    changes.text("retired.date", old.retired?.date, new.retired?.date) { old, _ in
      old == nil ? .breaking : .compatible
    }
    changes.text("retired.reason", old.retired?.reason, new.retired?.reason)
    changes.text("retired.replaced_by", old.retired?.replacedBy, new.retired?.replacedBy)
    return changes.list
  }

  /// Reads a resource file for comparison. Only a file that cannot be read as a YAML
  /// mapping is unreadable; schema problems are the validator's business, and the
  /// resource is read leniently around them.
  public static func read(_ bytes: [UInt8], path: String, code: String?) -> ResourceReading {
    let document = YAMLReader.read(bytes)
    guard let root = document.root else {
      if let problem = document.problems.first {
        return .unreadable(YAMLFindings.finding(for: problem, path: path, code: code))
      }
      return .unreadable(SchemaRequired.finding(path, code: code, message: SchemaRequired.emptyFile))
    }
    guard case .mapping(let mapping) = root else {
      return .unreadable(
        SchemaType.finding(path, at: root.mark, code: code, message: SchemaType.expected("mapping", at: "")))
    }
    return .read(Resource(mapping))
  }

  /// How a data item is shown as a value: its type and, when it has one, its length: `C(200)`, `D`.
  public static func describe(_ item: Resource.DataItem) -> String {
    let type = trimmed(item.type)
    guard let length = item.length.map(trimmed), !length.isEmpty else { return type }
    return "\(type)(\(length))"
  }

  // MARK: Items

  private static func compareItems(_ old: [Resource.DataItem], _ new: [Resource.DataItem], into changes: inout Changes) {
    // Matched by name; a repeated name (an error of its own) is matched by its occurrence.
    let oldKeys = keys(old)
    let newKeys = keys(new)
    var oldByKey: [ItemKey: Resource.DataItem] = [:]
    for (key, item) in zip(oldKeys, old) { oldByKey[key] = item }
    let newKeySet = Set(newKeys)
    for (key, item) in zip(newKeys, new) {
      let field = "items[\(key.name)]"
      guard let before = oldByKey[key] else {
        changes.record(field, nil, describe(item), .compatible)
        continue
      }
      changes.text("\(field).type", before.type, item.type, impact: withdrawn)
      // A length is a number: `0200` and `200` are one length.
      if let was = before.lengthValue, let now = item.lengthValue {
        if was != now { changes.record("\(field).length", String(was), String(now), now < was ? .breaking : .compatible) }
      } else {
        changes.text("\(field).length", before.length, item.length)
      }
    }
    for (key, item) in zip(oldKeys, old) where !newKeySet.contains(key) {
      changes.record("items[\(key.name)]", describe(item), nil, .breaking)
    }
  }

  private struct ItemKey: Hashable {
    var name: String
    var occurrence: Int
  }

  private static func keys(_ items: [Resource.DataItem]) -> [ItemKey] {
    var seen: [String: Int] = [:]
    return items.map { item in
      let name = trimmed(item.name)
      let occurrence = seen[name, default: 0]
      seen[name] = occurrence + 1
      return ItemKey(name: name, occurrence: occurrence)
    }
  }

  // MARK: Impacts

  /// A value that was there changed or went away: its users relied on it. A value that
  /// was missing (an invalid file) and is now given breaks nobody.
  private static func withdrawn(_ old: String?, _ new: String?) -> Impact {
    old == nil ? .compatible : .breaking
  }

  /// Moving later in `order` (less shared, slower) breaks; moving earlier does not.
  /// Values outside the vocabulary (reported by the validator) are compatible.
  private static func ranked(_ old: String?, _ new: String?, in order: [String]) -> Impact {
    guard let old, let new, let from = order.firstIndex(of: old), let to = order.firstIndex(of: new) else {
      return .compatible
    }
    return to > from ? .breaking : .compatible
  }

  // MARK: Values

  private static func trimmed(_ text: String) -> String { text.trimmingWhitespace() }

  private static func list(_ codes: [String]) -> String? {
    codes.isEmpty ? nil : codes.map(trimmed).joined(separator: ", ")
  }

  /// The changes found so far.
  private struct Changes {
    var list: [FieldChange] = []

    mutating func record(_ field: String, _ old: String?, _ new: String?, _ impact: Impact) {
      list.append(FieldChange(field: field, old: old, new: new, impact: impact))
    }

    /// Records a text field when its trimmed value differs; empty counts as absent.
    mutating func text(
      _ field: String, _ old: String?, _ new: String?,
      impact: (String?, String?) -> Impact = { _, _ in .compatible }
    ) {
      let before = old.map(ResourceComparison.trimmed).flatMap { $0.isEmpty ? nil : $0 }
      let after = new.map(ResourceComparison.trimmed).flatMap { $0.isEmpty ? nil : $0 }
      if before != after { record(field, before, after, impact(before, after)) }
    }
  }
}
