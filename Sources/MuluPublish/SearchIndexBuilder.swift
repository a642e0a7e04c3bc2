import MuluCatalog

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
