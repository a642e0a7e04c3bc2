import MuluCatalog

/// Builds the search index while the resources are read, in their order. A republish adds the
/// keys of the resources it reads, and takes the others' from the earlier publish's lists
/// (`finish`), moved to where those resources stand now.
final class SearchIndexBuilder: @unchecked Sendable {
  private var name: [UInt64: PostingList] = [:]
  private var text: [UInt64: PostingList] = [:]
  private(set) var facets: [Facet: [String: PostingList]] = [:]
  private(set) var count = 0
  /// Each field's lists in key order, made by `finish`.
  private(set) var nameLists: [SearchList] = []
  private(set) var textLists: [SearchList] = []

  /// A key's list, encoded (`PostingList`).
  struct SearchList: Sendable {
    var key: UInt64
    var count: Int
    var bytes: ArraySlice<UInt8>
  }

  /// Resources `earlier..<earlier+length` of the earlier publish, which stand at
  /// `now..<now+length` in this one.
  struct Moved: Sendable, Equatable {
    var earlier: Int
    var now: Int
    var length: Int
  }

  /// A resource read now: its keys and its facets.
  func add(id: Int, keys: SearchKeys, resource: SiteResource) {
    for key in keys.name { name[key, default: PostingList()].append(id) }
    for key in keys.text { text[key, default: PostingList()].append(id) }
    addFacets(id: id, resource: resource)
  }

  /// A resource whose keys are in the earlier publish's lists: its facets.
  func addFacets(id: Int, resource: SiteResource) {
    add(id, .sharing, resource.sharingType)
    add(id, .catalogClass, resource.writtenClass)
    add(id, .format, resource.formatClass)
    add(id, .cycle, resource.updateCycle)
    add(id, .open, resource.toPublic ? "true" : "false")
    if resource.retired { add(id, .status, "retired") }
    count = id + 1
  }

  private func add(_ id: Int, _ facet: Facet, _ value: String) {
    guard !value.isEmpty else { return }
    facets[facet, default: [:]][value, default: PostingList()].append(id)
  }

  /// Makes the lists of `count` resources: those added, with, in a republish, the earlier
  /// publish's lists of the resources `moved` (every other position of those lists is of a
  /// resource read again, or gone). False when an earlier list does not decode.
  func finish(count: Int, earlier: (name: [SearchList], text: [SearchList])?, moved: [Moved]) -> Bool {
    self.count = count
    guard
      let names = SearchIndexBuilder.merged(earlier?.name ?? [], name, moved: moved),
      let texts = SearchIndexBuilder.merged(earlier?.text ?? [], text, moved: moved)
    else { return false }
    nameLists = names
    textLists = texts
    name = [:]
    text = [:]
    return true
  }

  /// The lists of `added` merged with those of `earlier` moved, in key order; lists left
  /// empty are left out.
  static func merged(_ earlier: [SearchList], _ added: [UInt64: PostingList], moved: [Moved]) -> [SearchList]? {
    var fresh: [SearchList] = added.map { key, list in
      var list = list
      let bytes = list.finished()
      return SearchList(key: key, count: list.count, bytes: bytes[...])
    }
    fresh.sort { $0.key < $1.key }
    if earlier.isEmpty { return fresh }
    var out: [SearchList] = []
    out.reserveCapacity(max(earlier.count, fresh.count))
    var next = 0
    for old in earlier {
      while next < fresh.count && fresh[next].key < old.key {
        out.append(fresh[next])
        next += 1
      }
      var addedRuns: [(start: Int, length: Int)] = []
      if next < fresh.count && fresh[next].key == old.key {
        guard let runs = PostingList.runs(fresh[next].bytes) else { return nil }
        addedRuns = runs
        next += 1
      }
      guard let oldRuns = PostingList.runs(old.bytes) else { return nil }
      var list = moving(oldRuns, moved: moved, with: addedRuns)
      guard list.count > 0 else { continue }
      let bytes = list.finished()
      out.append(SearchList(key: old.key, count: list.count, bytes: bytes[...]))
    }
    out += fresh[next...]
    return out
  }

  /// The positions of `runs` (earlier positions) that `moved` keeps, at their new places,
  /// merged with `added` (new positions, none of them a moved one).
  static func moving(_ runs: [(start: Int, length: Int)], moved: [Moved], with added: [(start: Int, length: Int)])
    -> PostingList
  {
    var list = PostingList()
    var next = 0
    func emit(_ start: Int, _ length: Int) {
      while next < added.count && added[next].start < start {
        list.append(run: added[next].start, length: added[next].length)
        next += 1
      }
      list.append(run: start, length: length)
    }
    for run in runs {
      let end = run.start + run.length
      // The first move that ends after the run starts.
      var (low, high) = (0, moved.count)
      while low < high {
        let middle = (low + high) / 2
        if moved[middle].earlier + moved[middle].length <= run.start { low = middle + 1 } else { high = middle }
      }
      while low < moved.count && moved[low].earlier < end {
        let move = moved[low]
        let from = max(run.start, move.earlier)
        let to = min(end, move.earlier + move.length)
        if from < to { emit(move.now + from - move.earlier, to - from) }
        low += 1
      }
    }
    while next < added.count {
      list.append(run: added[next].start, length: added[next].length)
      next += 1
    }
    return list
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
  static func shards(_ lists: [SearchList]) -> (count: Int, files: [[UInt8]]) {
    var encoded: [(String, Int, ArraySlice<UInt8>)] = []
    encoded.reserveCapacity(lists.count)
    var total = 0
    for list in lists {
      total += list.bytes.count + 8
      encoded.append((SearchKeys.string(list.key), list.count, list.bytes))
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
