import MuluCatalog
import MuluGit

#if canImport(Glibc)
  import Glibc
#endif

/// What a publish leaves in its folder for the next one, `.mulu-publish-state`: the commit it
/// published, the releases whose files it wrote, and for each resource what it contributed to
/// the files every resource shares (the lists, the search index, `dcat.jsonld`), so that a
/// republish renders again only the resources whose files change, and takes the others' share
/// from here instead of reading their files.
///
/// Binary, in the resources' order: a header, a record per resource, the members of
/// `resources.jsonl.gz` (`ResourceLines`). Written last, after
/// every file of the publish, and removed when a publish starts: a publish that stops half-way
/// leaves none, and the next one is a full publish.
struct PublishState: Sendable {
  static let fileName = ".mulu-publish-state"
  static let magic = Array("mulu-publish-state 3\n".utf8)

  /// What every page depends on beyond its resource: the generator, the language, the registry's
  /// name and the navigation. A state of another layout is not used.
  var layout: UInt64
  var commit: String
  /// The releases whose page and JSON were written: their marks.
  var releases: Set<ReleaseMark>
  var departmentNames: [String: String]
  var records: [Record]
  /// The members of `resources.jsonl.gz`, in order.
  var members: [ResourceLines.Member]

  struct ReleaseMark: Hashable, Sendable {
    var tag: String
    var commit: String
    var date: String
    var previous: String
  }

  /// One resource's share.
  struct Record: Sendable {
    var resource: SiteResource
    /// The fingerprint of its history (`PublishState.history`).
    var history: UInt64
    /// Its search keys, as `SearchKeys.encode` writes them.
    var nameKeys: ArraySlice<UInt8>
    var textKeys: ArraySlice<UInt8>
    /// Where its dataset stands in `dcat.jsonld` (length 0: none, a retired resource).
    var dcatOffset: Int
    var dcatLength: Int
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
    let marks = releases.sorted { ($0.tag, $0.commit) < ($1.tag, $1.commit) }
    out.varint(marks.count)
    for mark in marks {
      out.string(mark.tag)
      out.string(mark.commit)
      out.string(mark.date)
      out.string(mark.previous)
    }
    let names = departmentNames.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    out.varint(names.count)
    for (code, name) in names {
      out.string(code)
      out.string(name)
    }
  }

  static func write(_ record: Record, into out: inout ByteWriter) {
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
    out.varint(record.nameKeys.count)
    out.bytes += record.nameKeys
    out.varint(record.textKeys.count)
    out.bytes += record.textKeys
    out.varint(record.dcatOffset)
    out.varint(record.dcatLength)
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
    guard bytes.withUnsafeBytes({ FNV.hash(UnsafeRawBufferPointer(rebasing: $0[..<end])) }) == sum else { return nil }
    var reader = ByteReader(bytes: bytes, position: PublishState.magic.count, end: end)
    guard let layout = reader.u64(), let commit = reader.string(), let markCount = reader.varint() else { return nil }
    var marks: Set<ReleaseMark> = []
    for _ in 0..<markCount {
      guard let tag = reader.string(), let commit = reader.string(), let date = reader.string(),
        let previous = reader.string()
      else { return nil }
      marks.insert(ReleaseMark(tag: tag, commit: commit, date: date, previous: previous))
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
    var interned: [String: String] = [:]
    func intern(_ text: String) -> String {
      if let known = interned[text] { return known }
      interned[text] = text
      return text
    }
    for _ in 0..<count {
      guard let folder = reader.string(), let codeText = reader.string(), let code = ResourceCode(codeText),
        let blob = reader.objectID(), let name = reader.string(), let providerName = reader.string(),
        let sharingType = reader.string(), let updateCycle = reader.string(), let formatClass = reader.string(),
        let writtenClass = reader.string(), let flags = reader.varint(), let countFlags = reader.varint(),
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
      guard let history = reader.u64(), let nameKeys = reader.slice(), let textKeys = reader.slice(),
        let dcatOffset = reader.varint(), let dcatLength = reader.varint()
      else { return nil }
      records.append(
        Record(
          resource: SiteResource(
            folder: intern(folder), code: code, blob: blob, name: name, providerName: intern(providerName),
            sharingType: intern(sharingType), updateCycle: intern(updateCycle), formatClass: intern(formatClass),
            writtenClass: intern(writtenClass), toPublic: flags & 1 != 0, retired: flags & 2 != 0, counts: counts,
            links: links),
          history: history, nameKeys: nameKeys, textKeys: textKeys, dcatOffset: dcatOffset, dcatLength: dcatLength))
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
    guard start == count, reader.position == end else { return nil }
    self.members = members
    self.layout = layout
    self.commit = commit
    self.releases = marks
    self.departmentNames = names
    self.records = records
  }

  init(
    layout: UInt64, commit: String, releases: Set<ReleaseMark>, departmentNames: [String: String], records: [Record],
    members: [ResourceLines.Member] = []
  ) {
    self.layout = layout
    self.commit = commit
    self.releases = releases
    self.departmentNames = departmentNames
    self.records = records
    self.members = members
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

/// Reads what `ByteWriter` wrote; nil at any field that does not check out.
struct ByteReader {
  let bytes: [UInt8]
  var position: Int
  let end: Int

  mutating func varint() -> Int? {
    var value = 0
    var shift = 0
    while position < end, shift < 63 {
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

extension SearchKeys {
  /// The keys as ascending gaps, each an unsigned LEB128 varint.
  static func encode(_ keys: [UInt64]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(keys.count * 3)
    var previous: UInt64 = 0
    for key in keys {
      PostingList.varint(Int(key - previous), into: &out)
      previous = key
    }
    return out
  }

  static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt64] {
    var keys: [UInt64] = []
    keys.reserveCapacity(bytes.count / 2)
    var value: UInt64 = 0
    var shift: UInt64 = 0
    var previous: UInt64 = 0
    for byte in bytes {
      value |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 {
        previous += value
        keys.append(previous)
        value = 0
        shift = 0
      } else {
        shift += 7
      }
    }
    return keys
  }

  init(name: [UInt64], text: [UInt64]) {
    self.name = name
    self.text = text
  }
}

/// The search keys of every resource, in the resources' order, spooled to a file beside the
/// state while the resources are read and read back when the state is written, so that they
/// are not held in memory meanwhile.
final class KeySpool {
  let path: String
  private var file: StreamFile
  private var pending = ByteWriter()

  init(path: String) throws(PublishFailure) {
    self.path = path
    file = try StreamFile(path: path)
  }

  func add(name: ArraySlice<UInt8>, text: ArraySlice<UInt8>) throws(PublishFailure) {
    pending.varint(name.count)
    pending.bytes += name
    pending.varint(text.count)
    pending.bytes += text
    if pending.bytes.count >= 1 << 20 { try flush() }
  }

  private func flush() throws(PublishFailure) {
    try file.write(pending.bytes)
    pending.bytes.removeAll(keepingCapacity: true)
  }

  func close() throws(PublishFailure) {
    try flush()
    try file.close()
  }

  /// Reads the spool back, one resource's keys at a time.
  struct Reader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false

    init(path: String) throws(PublishFailure) {
      fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { throw .output(path, String(cString: strerror(errno))) }
    }

    func close() { _ = Glibc.close(fd) }

    /// The next resource's name and text keys; nil at the end or at a record cut short.
    mutating func next() -> (name: ArraySlice<UInt8>, text: ArraySlice<UInt8>)? {
      guard let name = field(), let text = field() else { return nil }
      return (name, text)
    }

    private mutating func field() -> ArraySlice<UInt8>? {
      while true {
        var reader = ByteReader(bytes: buffer, position: start, end: buffer.count)
        if let count = reader.varint(), count <= buffer.count - reader.position {
          start = reader.position + count
          return buffer[reader.position..<start]
        }
        guard fill() else { return nil }
      }
    }

    private mutating func fill() -> Bool {
      guard !ended else { return false }
      if start > 0 {
        buffer.removeFirst(start)
        start = 0
      }
      var chunk = [UInt8](repeating: 0, count: 1 << 20)
      while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 {
          ended = true
          return false
        }
        buffer += chunk[0..<n]
        return true
      }
    }
  }
}

extension PublishState {
  /// Writes the state of a publish to `path` as it is made, record by record: the header, each
  /// resource with its keys from `spool`, the checksum.
  static func write(
    to path: String, layout: UInt64, commit: String, releases: Set<ReleaseMark>, departmentNames: [String: String],
    count: Int, record: (Int, ArraySlice<UInt8>, ArraySlice<UInt8>) -> Record, members: [ResourceLines.Member],
    spool: String
  ) throws(PublishFailure) {
    let temporary = path + ".tmp"
    var file = try StreamFile(path: temporary)
    var reader = try KeySpool.Reader(path: spool)
    defer { reader.close() }
    do throws(PublishFailure) {
      let header = PublishState(
        layout: layout, commit: commit, releases: releases, departmentNames: departmentNames, records: [])
      var out = ByteWriter()
      header.writeHeader(into: &out)
      out.varint(count)
      for index in 0..<count {
        guard let (name, text) = reader.next() else { throw .output(spool, "cut short") }
        PublishState.write(record(index, name, text), into: &out)
        if out.bytes.count >= 1 << 20 {
          try file.write(out.bytes)
          out.bytes.removeAll(keepingCapacity: true)
        }
      }
      // The members follow one another from the file's start: their lines and lengths say all.
      out.varint(members.count)
      for member in members {
        out.varint(member.count)
        out.varint(member.length)
      }
      try file.write(out.bytes)
      var sum = ByteWriter()
      sum.u64(file.hash)
      try file.write(sum.bytes)
      try file.close()
    } catch {
      file.abandon()
      throw error
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .output(path, reason)
    }
  }
}
