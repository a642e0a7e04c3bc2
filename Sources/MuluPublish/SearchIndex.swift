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

/// A list of resource positions, ascending, kept as runs: each run is the gap since the end of
/// the previous one and its length less one, as unsigned LEB128 varints. A list of consecutive
/// positions (a word every resource of a department has) takes a few bytes.
struct PostingList: Sendable {
  private(set) var bytes: [UInt8] = []
  private(set) var count = 0
  private var runStart = -1
  private var last = -1
  /// The end of the last run written, plus one.
  private var written = 0

  mutating func append(_ id: Int) {
    guard id > last else { return }
    if last >= 0 && id == last + 1 {
      last = id
    } else {
      flush()
      runStart = id
      last = id
    }
    count += 1
  }

  private mutating func flush() {
    guard runStart >= 0 else { return }
    PostingList.varint(runStart - written, into: &bytes)
    PostingList.varint(last - runStart, into: &bytes)
    written = last + 1
    runStart = -1
  }

  /// The encoded list.
  mutating func finished() -> [UInt8] {
    flush()
    return bytes
  }

  static func varint(_ value: Int, into out: inout [UInt8]) {
    var value = UInt(value)
    while value >= 0x80 {
      out.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    out.append(UInt8(value))
  }
}

/// The facets the search filters on, and their values in the order the page offers them.
enum Facet: String, CaseIterable, Sendable {
  case sharing
  case catalogClass = "class"
  case format
  case cycle
  case open
  case status

  var known: [String] {
    switch self {
    case .sharing: return Vocabulary.sharingTypes
    case .catalogClass: return ["1", "2", "3"]
    case .format: return Vocabulary.formatClasses
    case .cycle: return Vocabulary.updateCycles
    case .open: return ["true", "false"]
    case .status: return ["retired"]
    }
  }
}

/// Builds the search index while the resources are read, in their order.
final class SearchIndexBuilder: @unchecked Sendable {
  private(set) var name: [UInt64: PostingList] = [:]
  private(set) var text: [UInt64: PostingList] = [:]
  private(set) var facets: [Facet: [String: PostingList]] = [:]
  private(set) var count = 0

  func add(id: Int, keys: SearchKeys, resource: SiteResource) {
    for key in keys.name { name[key, default: PostingList()].append(id) }
    for key in keys.text { text[key, default: PostingList()].append(id) }
    let values: [(Facet, String)] = [
      (.sharing, resource.sharingType), (.catalogClass, resource.writtenClass),
      (.format, resource.formatClass), (.cycle, resource.updateCycle),
      (.open, resource.toPublic ? "true" : "false"),
    ]
    for (facet, value) in values where !value.isEmpty {
      facets[facet, default: [:]][value, default: PostingList()].append(id)
    }
    if resource.retired { facets[.status, default: [:]]["retired", default: PostingList()].append(id) }
    count = id + 1
  }

  /// The values of a facet: the known ones, then any other the files use, in code-point order.
  func values(_ facet: Facet) -> [String] {
    let found = facets[facet] ?? [:]
    let others = found.keys.filter { !facet.known.contains($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return facet.known + others
  }

  /// The shard files of one field: each key's list goes to shard `fnv1a32(key) mod shards`, a
  /// power of two chosen so that a shard holds about 24 KB. A shard is a sequence of records:
  /// varint key length, the key's UTF-8, varint count, varint length of the list, the list.
  static func shards(_ lists: [UInt64: PostingList]) -> (count: Int, files: [[UInt8]]) {
    var encoded: [(String, Int, [UInt8])] = []
    var total = 0
    for (key, list) in lists {
      var list = list
      let bytes = list.finished()
      total += bytes.count + 8
      encoded.append((SearchKeys.string(key), list.count, bytes))
    }
    encoded.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    var shards = 1
    while shards < 4096 && total / shards > 24 * 1024 { shards *= 2 }
    var files = [[UInt8]](repeating: [], count: shards)
    for (key, count, bytes) in encoded {
      let shard = Int(FNV.hash32(key) & UInt32(shards - 1))
      let utf8 = Array(key.utf8)
      PostingList.varint(utf8.count, into: &files[shard])
      files[shard] += utf8
      PostingList.varint(count, into: &files[shard])
      PostingList.varint(bytes.count, into: &files[shard])
      files[shard] += bytes
    }
    return (shards, files)
  }
}
