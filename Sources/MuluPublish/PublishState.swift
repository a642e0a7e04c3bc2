import MuluCatalog
import MuluGit
import MuluKit

#if canImport(Glibc)
  import Glibc
#endif

/// What a publish leaves in its folder for the next one, `.mulu-publish-state`: the commit it
/// published, the releases whose files it wrote, and for each resource what it contributed to
/// the files every resource shares (the lists, the search index, `dcat.jsonld`), so that a
/// republish renders again only the resources whose files change, and takes the others' share
/// from here instead of reading their files.
///
/// Binary, in the resources' order: a header (with the releases the publish showed, oldest
/// first, each with its summary), a record per resource (with its history: what a republish
/// knows of a resource no new release changed), the histories of codes no resource has now,
/// the members of `resources.jsonl.gz` (`ResourceLines`), the lists of the search index's name
/// and text keys (`SearchIndexBuilder`). Written last, after
/// every file of the publish, and removed when a publish starts: a publish that stops half-way
/// leaves none, and the next one is a full publish.
struct PublishState: Sendable {
  static let fileName = ".mulu-publish-state"
  static let magic = Array("mulu-publish-state 6\n".utf8)

  /// What every page depends on beyond its resource: the generator, the language, the registry's
  /// name and the navigation. A state of another layout is not used.
  var layout: UInt64
  var commit: String
  /// The releases the publish showed, oldest first: a history item names its release by its
  /// place here.
  var releases: [StoredRelease]
  var departmentNames: [String: String]
  var records: [Record]
  /// The histories of the codes no resource had (a file deleted), in code order: each code and
  /// where its items stand in `bytes`.
  var orphans: [(code: String, items: Range<Int>)]
  /// The members of `resources.jsonl.gz`, in order.
  var members: [ResourceLines.Member]
  /// The search index's lists of name keys and of text keys, in key order.
  var name: [SearchIndexBuilder.SearchList]
  var text: [SearchIndexBuilder.SearchList]
  /// The state as read: the records' histories (and the search lists) are slices of it.
  var bytes: [UInt8] = []

  /// A release as a publish showed it: the same mark, the same diff and page.
  struct ReleaseMark: Hashable, Sendable {
    var tag: String
    var commit: String
    var date: String
    var previous: String
    var previousCommit: String
  }

  /// A release and what its diff counted.
  struct StoredRelease: Sendable {
    var mark: ReleaseMark
    var summary: DiffSummary
    var changes: Int
  }

  /// One resource's share.
  struct Record: Sendable {
    var resource: SiteResource
    /// The fingerprint of its history (`PublishState.history`).
    var history: UInt64
    /// Where its history's items (`PublishState.write(items:)`) stand in the state's bytes
    /// (empty when the record is one being written).
    var items: Range<Int> = 0..<0
    /// Where its dataset stands in `dcat.jsonld` (length 0: none, a retired resource).
    var dcatOffset: Int
    var dcatLength: Int
    /// The bytes of its page, JSON and registry file as written (0: none was written).
    var files: Int
  }

  // MARK: Fingerprints

  static func layout(generator: String, language: Language, registryName: String, navigation: [(String, String)])
    -> UInt64
  {
    var bytes = ByteWriter()
    bytes.string(generator)
    bytes.string(language.rawValue)
    bytes.string(registryName)
    for (path, title) in navigation {
      bytes.string(path)
      bytes.string(title)
    }
    return FNV.hash(bytes.bytes)
  }

  static func history(_ items: [HistoryItem]) -> UInt64 {
    guard !items.isEmpty else { return 0 }
    var bytes = ByteWriter()
    for item in items {
      bytes.string(item.release)
      bytes.string(item.date)
      bytes.string(item.kind.rawValue)
      bytes.varint(item.breaking ? 1 : 0)
      for field in item.fields {
        bytes.string(field.field)
        bytes.string(field.old ?? "\u{0}")
        bytes.string(field.new ?? "\u{0}")
        bytes.string(field.impact.rawValue)
      }
      bytes.varint(item.fields.count)
    }
    return FNV.hash(bytes.bytes) | 1
  }

  // MARK: Reading and writing

  func writeHeader(into out: inout ByteWriter) {
    out.bytes += PublishState.magic
    out.u64(layout)
    out.string(commit)
    out.varint(releases.count)
    for release in releases {
      out.string(release.mark.tag)
      out.string(release.mark.commit)
      out.string(release.mark.date)
      out.string(release.mark.previous)
      out.string(release.mark.previousCommit)
      let summary = release.summary
      for count in [summary.added, summary.modified, summary.retired, summary.unretired, summary.deleted, summary.breaking] {
        out.varint(count)
      }
      out.varint(release.changes)
    }
    let names = departmentNames.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    out.varint(names.count)
    for (code, name) in names {
      out.string(code)
      out.string(name)
    }
  }

  /// A record; `items` writes its history's items (`Histories.write`).
  static func write(_ record: Record, items: (inout ByteWriter) -> Void, into out: inout ByteWriter) {
    let resource = record.resource
    out.string(resource.folder)
    out.string(resource.code.description)
    out.objectID(resource.blob)
    out.string(resource.name)
    out.string(resource.providerName)
    out.string(resource.sharingType)
    out.string(resource.updateCycle)
    out.string(resource.formatClass)
    out.string(resource.writtenClass)
    out.varint((resource.toPublic ? 1 : 0) | (resource.retired ? 2 : 0))
    let counts = resource.counts
    out.varint(
      (counts.retired ? 1 : 0) | (counts.toPublic ? 2 : 0) | (counts.notSharedWithBasis ? 4 : 0)
        | (counts.withoutLengths ? 8 : 0))
    out.varint(counts.sharingIndex + 1)
    out.varint(counts.items)
    out.varint(resource.links.count)
    for link in resource.links { out.string(link) }
    out.u64(record.history)
    items(&out)
    out.varint(record.dcatOffset)
    out.varint(record.dcatLength)
    out.varint(record.files)
  }

  /// Whether `bytes` are the state of another version of this format (an earlier mulu's).
  static func isOtherFormat(_ bytes: [UInt8]) -> Bool {
    bytes.starts(with: Array("mulu-publish-state ".utf8)) && !bytes.starts(with: magic)
  }

  /// The state in `bytes`, nil when it does not check out (another format, cut short, damaged).
  init?(bytes: [UInt8]) {
    guard bytes.count > PublishState.magic.count + 8, bytes.starts(with: PublishState.magic) else { return nil }
    let end = bytes.count - 8
    var sum: UInt64 = 0
    for index in 0..<8 { sum |= UInt64(bytes[end + index]) << (8 * UInt64(index)) }
    guard bytes.withUnsafeBytes({ ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[..<end])) }) == sum else { return nil }
    var reader = ByteReader(bytes: bytes, position: PublishState.magic.count, end: end)
    guard let layout = reader.u64(), let commit = reader.string(), let releaseCount = reader.varint(),
      releaseCount <= bytes.count
    else { return nil }
    var releases: [StoredRelease] = []
    for _ in 0..<releaseCount {
      guard let tag = reader.string(), let commit = reader.string(), let date = reader.string(),
        let previous = reader.string(), let previousCommit = reader.string()
      else { return nil }
      var counts: [Int] = []
      for _ in 0..<7 {
        guard let count = reader.varint() else { return nil }
        counts.append(count)
      }
      var summary = DiffSummary()
      (summary.added, summary.modified, summary.retired, summary.unretired, summary.deleted, summary.breaking) = (
        counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]
      )
      releases.append(
        StoredRelease(
          mark: ReleaseMark(tag: tag, commit: commit, date: date, previous: previous, previousCommit: previousCommit),
          summary: summary, changes: counts[6]))
    }
    guard let nameCount = reader.varint() else { return nil }
    var names: [String: String] = [:]
    for _ in 0..<nameCount {
      guard let code = reader.string(), let name = reader.string() else { return nil }
      names[code] = name
    }
    guard let count = reader.varint(), count <= bytes.count else { return nil }
    var records: [Record] = []
    records.reserveCapacity(count)
    // The fields most resources share with others, held once each.
    var folders = Interner()
    var providers = Interner()
    var sharingTypes = Interner()
    var cycles = Interner()
    var formats = Interner()
    var classes = Interner()
    for _ in 0..<count {
      guard let folder = reader.slice().map({ folders.string($0) }), let codeText = reader.string(),
        let code = ResourceCode(codeText), let blob = reader.slice().flatMap({ ObjectID(hexDigits: $0) }),
        let name = reader.string(), let providerName = reader.slice().map({ providers.string($0) }),
        let sharingType = reader.slice().map({ sharingTypes.string($0) }),
        let updateCycle = reader.slice().map({ cycles.string($0) }),
        let formatClass = reader.slice().map({ formats.string($0) }),
        let writtenClass = reader.slice().map({ classes.string($0) }), let flags = reader.varint(),
        let countFlags = reader.varint(),
        let sharingIndex = reader.varint(), let items = reader.varint(), let linkCount = reader.varint()
      else { return nil }
      let counts = ResourceCounts(
        retired: countFlags & 1 != 0, sharingIndex: sharingIndex - 1, toPublic: countFlags & 2 != 0,
        notSharedWithBasis: countFlags & 4 != 0, items: items, withoutLengths: countFlags & 8 != 0)
      var links: [String] = []
      for _ in 0..<linkCount {
        guard let link = reader.string() else { return nil }
        links.append(link)
      }
      guard let history = reader.u64(), let items = reader.slice(), let dcatOffset = reader.varint(),
        let dcatLength = reader.varint(), let files = reader.varint()
      else { return nil }
      records.append(
        Record(
          resource: SiteResource(
            folder: folder, code: code, blob: blob, name: name, providerName: providerName,
            sharingType: sharingType, updateCycle: updateCycle, formatClass: formatClass,
            writtenClass: writtenClass, toPublic: flags & 1 != 0, retired: flags & 2 != 0, counts: counts,
            links: links),
          history: history, items: items.indices, dcatOffset: dcatOffset, dcatLength: dcatLength, files: files))
    }
    guard let orphanCount = reader.varint(), orphanCount <= bytes.count else { return nil }
    var orphans: [(code: String, items: Range<Int>)] = []
    for _ in 0..<orphanCount {
      guard let code = reader.string(), let items = reader.slice() else { return nil }
      orphans.append((code, items.indices))
    }
    guard let memberCount = reader.varint(), memberCount <= count else { return nil }
    var members: [ResourceLines.Member] = []
    members.reserveCapacity(memberCount)
    var (start, offset) = (0, 0)
    for _ in 0..<memberCount {
      guard let lines = reader.varint(), lines > 0, let length = reader.varint() else { return nil }
      members.append(ResourceLines.Member(start: start, count: lines, offset: offset, length: length))
      start += lines
      offset += length
    }
    guard start == count, let name = PublishState.lists(&reader), let text = PublishState.lists(&reader),
      reader.position == end
    else { return nil }
    self.name = name
    self.text = text
    self.members = members
    self.layout = layout
    self.commit = commit
    self.releases = releases
    self.departmentNames = names
    self.records = records
    self.orphans = orphans
    self.bytes = bytes
  }

  init(
    layout: UInt64, commit: String, releases: [StoredRelease], departmentNames: [String: String], records: [Record],
    members: [ResourceLines.Member] = [], name: [SearchIndexBuilder.SearchList] = [],
    text: [SearchIndexBuilder.SearchList] = []
  ) {
    self.layout = layout
    self.commit = commit
    self.releases = releases
    self.departmentNames = departmentNames
    self.records = records
    self.orphans = []
    self.members = members
    self.name = name
    self.text = text
  }

  /// A field's lists: their number, then each as the gap from the key before, the count of
  /// positions, the list's length and bytes.
  static func write(_ lists: [SearchIndexBuilder.SearchList], into out: inout ByteWriter) {
    out.varint(lists.count)
    var previous: UInt64 = 0
    for list in lists {
      out.varint(Int(list.key - previous))
      out.varint(list.count)
      out.varint(list.bytes.count)
      out.bytes += list.bytes
      previous = list.key
    }
  }

  static func lists(_ reader: inout ByteReader) -> [SearchIndexBuilder.SearchList]? {
    guard let count = reader.varint(), count <= reader.end - reader.position else { return nil }
    var lists: [SearchIndexBuilder.SearchList] = []
    lists.reserveCapacity(count)
    var key: UInt64 = 0
    for index in 0..<count {
      guard let gap = reader.varint(), index == 0 || gap > 0, let positions = reader.varint(),
        let bytes = reader.slice()
      else { return nil }
      key += UInt64(gap)
      lists.append(SearchIndexBuilder.SearchList(key: key, count: positions, bytes: bytes))
    }
    return lists
  }
}

/// Bytes written field by field: unsigned LEB128 varints, strings as their length and UTF-8.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func varint(_ value: Int) { PostingList.varint(value, into: &bytes) }

  mutating func string(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      varint(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func u64(_ value: UInt64) {
    for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
  }

  mutating func objectID(_ id: ObjectID) { string(id.hex) }
}

/// Strings read from bytes, each held once: the one before is taken again when the bytes are
/// the same (resources in path order share most fields with the one before), else the one
/// held for them.
struct Interner {
  private var last: (bytes: ArraySlice<UInt8>, string: String)? = nil
  private var held: [String: String] = [:]

  mutating func string(_ bytes: ArraySlice<UInt8>) -> String {
    if let last, last.bytes.elementsEqual(bytes) { return last.string }
    var string = String(decoding: bytes, as: UTF8.self)
    if let known = held[string] {
      string = known
    } else {
      held[string] = string
    }
    last = (bytes, string)
    return string
  }
}

/// Reads what `ByteWriter` wrote; nil at any field that does not check out.
struct ByteReader {
  let bytes: [UInt8]
  var position: Int
  let end: Int

  mutating func varint() -> Int? {
    ByteReader.varint(bytes, at: &position, end: end, bits: 63)
  }

  /// The varint of `bytes` at `position` (moved past it), seven bits a byte, low bits first;
  /// nil when it runs to `end` or past `bits` bits.
  @inline(__always)
  static func varint<Bytes: RandomAccessCollection<UInt8>>(
    _ bytes: Bytes, at position: inout Int, end: Int, bits: Int
  ) -> Int? where Bytes.Index == Int {
    var value = 0
    var shift = 0
    while position < end, shift < bits {
      let byte = bytes[position]
      position += 1
      value |= Int(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
    return nil
  }

  mutating func slice() -> ArraySlice<UInt8>? {
    guard let count = varint(), count <= end - position else { return nil }
    defer { position += count }
    return bytes[position..<position + count]
  }

  mutating func string() -> String? {
    slice().map { String(decoding: $0, as: UTF8.self) }
  }

  mutating func u64() -> UInt64? {
    guard end - position >= 8 else { return nil }
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
    position += 8
    return value
  }

  mutating func objectID() -> ObjectID? { string().flatMap { ObjectID(hex: $0) } }
}

extension PublishState {
  /// Writes the state of a publish beside `path` (`temporary(path)`) as it is made, record by
  /// record: the header, each resource (`items` writes the history of the one at an index), the
  /// histories of codes no resource has (`orphans`), the members, the search index's lists, the
  /// checksum. `commit` puts it in its place.
  static func write(
    to path: String, layout: UInt64, commit: String, releases: [StoredRelease], departmentNames: [String: String],
    count: Int, record: (Int) -> Record, items: (Int, inout ByteWriter) -> Void,
    orphans: (inout ByteWriter) -> Void, members: [ResourceLines.Member], search: SearchIndexBuilder
  ) throws(PublishFailure) {
    var file = try StreamFile(path: temporary(path))
    do throws(PublishFailure) {
      let header = PublishState(
        layout: layout, commit: commit, releases: releases, departmentNames: departmentNames, records: [])
      var out = ByteWriter()
      header.writeHeader(into: &out)
      out.varint(count)
      for index in 0..<count {
        PublishState.write(record(index), items: { items(index, &$0) }, into: &out)
        if out.bytes.count >= 1 << 20 {
          try file.write(out.bytes)
          out.bytes.removeAll(keepingCapacity: true)
        }
      }
      orphans(&out)
      // The members follow one another from the file's start: their lines and lengths say all.
      out.varint(members.count)
      for member in members {
        out.varint(member.count)
        out.varint(member.length)
      }
      PublishState.write(search.nameLists, into: &out)
      PublishState.write(search.textLists, into: &out)
      try file.write(out.bytes)
      var sum = ByteWriter()
      sum.u64(file.hash)
      try file.write(sum.bytes)
      try file.close()
    } catch {
      file.abandon()
      throw error
    }
  }

  static func temporary(_ path: String) -> String { path + ".tmp" }

  /// Puts the state `write` wrote in its place at `path`.
  static func commit(_ path: String) throws(PublishFailure) {
    if rename(temporary(path), path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary(path))
      throw .output(path, reason)
    }
  }
}
