import MuluCatalog

/// The keys a resource is found by: every character and every pair of adjacent characters of
/// its name (`name`), and of its name, summary and item names (`text`). Text is cut into runs at
/// white space, ASCII letters are lower-cased; a pair never spans two runs or two fields.
/// A key is its characters' scalars packed in 42 bits: `first << 21 | second` (0 for one).
struct SearchKeys: Sendable {
  var name: [UInt64]
  var text: [UInt64]

  init(_ resource: Resource) {
    var name = Set<UInt64>()
    SearchKeys.add(resource.name, to: &name)
    var text = name
    SearchKeys.add(resource.summary, to: &text)
    for item in resource.items { SearchKeys.add(item.name, to: &text) }
    self.name = name.sorted()
    self.text = text.sorted()
  }

  static func add(_ value: String, to keys: inout Set<UInt64>) {
    var previous: UInt32 = 0
    for scalar in value.unicodeScalars {
      guard let folded = fold(scalar) else {
        previous = 0
        continue
      }
      keys.insert(UInt64(folded) << 21)
      if previous != 0 { keys.insert(UInt64(previous) << 21 | UInt64(folded)) }
      previous = folded
    }
  }

  /// The scalar as the index holds it: ASCII letters lower-cased; nil for white space and
  /// control characters, which separate runs.
  static func fold(_ scalar: Unicode.Scalar) -> UInt32? {
    let value = scalar.value
    if value <= 0x20 || (0x7F...0xA0).contains(value) || value == 0x3000 || (0x2000...0x200F).contains(value)
      || (0x2028...0x202F).contains(value) || (0x2066...0x2069).contains(value) || value == 0xFEFF
    {
      return nil
    }
    if (0x41...0x5A).contains(value) { return value + 0x20 }
    return value
  }

  /// The text of a key.
  static func string(_ key: UInt64) -> String {
    var out = String.UnicodeScalarView()
    if let first = Unicode.Scalar(UInt32(key >> 21)) { out.append(first) }
    if key & 0x1F_FFFF != 0, let second = Unicode.Scalar(UInt32(key & 0x1F_FFFF)) { out.append(second) }
    return String(out)
  }
}
