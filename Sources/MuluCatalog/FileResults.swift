#if canImport(Glibc)
  import Glibc
#endif
import MuluYAML
import Synchronization

/// What validation learnt of each resource file, kept for the next validation: the findings of
/// its own rules and its digest, keyed by its path and content id (a Git blob id). A file whose
/// path and content are unchanged is then neither read nor parsed; the registry-wide rules (and
/// `related.unknown`, which looks at the other files) run again on the digests.
///
/// The results are only valid for the `context` they were made in: the engine, `registry.yaml`
/// and the dictionaries, which the caller names. As bytes, they carry a checksum: bytes that
/// do not check out are refused as a whole.
public final class FileResults: Sendable {
  /// What the results were made with.
  public let context: String
  private let stored: Stored?
  private let fresh = Mutex<[Record]>([])
  /// The digests of the validation, where each record's position points.
  private let digests = Mutex<[ResourceDigest]>([])
  private let counts = Mutex((hits: 0, misses: 0))
  /// The item names of the validation that uses the results.
  private let itemNames = Mutex<ItemNames?>(nil)

  /// Why stored results cannot be used.
  public enum Refusal: Error, Sendable, Equatable {
    /// Not results of this format, or damaged: the checksum or the structure does not check out.
    case corrupt
    /// Results made in another context (another engine, registry.yaml or dictionaries).
    case otherContext
  }

  /// No results yet, for `context`.
  public init(context: String) {
    self.context = context
    self.stored = nil
  }

  /// Results read back from `bytes` (`serialized()`), refused unless they are whole and were
  /// made for `context`.
  public init(bytes: [UInt8], context: String) throws(Refusal) {
    self.context = context
    self.stored = try Stored(bytes, context: context)
  }

  /// How many files were found in the results, and how many were read.
  public var hits: Int { counts.withLock { $0.hits } }
  public var misses: Int { counts.withLock { $0.misses } }

  /// How many files the stored results held.
  public var storedCount: Int { stored?.count ?? 0 }

  /// Whether the results changed enough to be stored again: files were read, or many that
  /// the stored results hold are gone or changed.
  public var changed: Bool {
    let (hits, misses) = counts.withLock { ($0.hits, $0.misses) }
    guard fresh.withLock({ !$0.isEmpty }) else { return false }
    return stored == nil || misses > 0 || storedCount - hits > storedCount / 10
  }

  /// A name for a context made of parts (the engine, the bytes of registry.yaml and of the
  /// dictionaries) on this day (`date.future` judges a file by today's date): equal parts on
  /// the same day, equal names.
  public static func context(_ parts: [[UInt8]]) -> String {
    var all: [UInt8] = []
    for part in parts + [Array(DateFuture.latest().utf8)] {
      var length = ByteWriter()
      length.int(part.count)
      all += length.buffer + part
    }
    let first = Checksum.of(all)
    let second = Checksum.of(all + [0x5A])
    return String(first, radix: 16) + String(second, radix: 16)
  }

  // MARK: Use during validation

  /// A file's findings (of its own rules, but `related.unknown`) and digest, if they were kept.
  func result(for entry: SnapshotEntry, folder: String, code: ResourceCode, names: ItemNames) -> ([Finding], ResourceDigest)? {
    itemNames.withLock { if $0 == nil { $0 = names } }
    guard let id = entry.contentID.flatMap(ContentKey.init(hex:)) else { return nil }
    let found = stored.flatMap { $0.record(id, path: entry.path, folder: folder, code: code, names: names) }
    counts.withLock { found == nil ? ($0.misses += 1) : ($0.hits += 1) }
    return found
  }

  /// Keeps what validation learnt of the file at `position` of the catalog's resources (read, or
  /// found here); its digest is taken from the catalog (`keepDigests`).
  func keep(_ entry: SnapshotEntry, position: Int, findings: [Finding]) {
    guard let id = entry.contentID.flatMap(ContentKey.init(hex:)) else { return }
    let kept = findings.contains { $0.rule == RelatedUnknown.id } ? findings.filter { $0.rule != RelatedUnknown.id } : findings
    fresh.withLock { $0.append(Record(id: id, path: entry.path, findings: kept, position: position)) }
  }

  /// The digests of the catalog validation made, which the kept records point into.
  func keepDigests(of catalog: Catalog) {
    digests.withLock { $0 = catalog.resources }
  }

  // MARK: Bytes

  static let magic = Array("mulu file results 1\n".utf8)

  /// The results of the files the validation saw (found or read), as bytes to store.
  public func serialized() -> [UInt8] {
    let records = fresh.withLock { $0 }
    let digests = digests.withLock { $0 }
    let allNames = itemNames.withLock { $0?.names } ?? []
    // The shared texts: item names, then the providers the records name.
    var texts = allNames
    var textNumbers: [String: Int] = [:]
    for record in records where record.position < digests.count {
      guard let provider = digests[record.position].content?.providerCode, textNumbers[provider] == nil else { continue }
      texts.append(provider)
      textNumbers[provider] = texts.count - 1
    }
    var body = ByteWriter()
    body.bytes(Self.magic)
    body.string(context)
    body.int(texts.count)
    for text in texts { body.string(text) }
    let written = records.count { $0.position < digests.count }
    body.int(written)
    for record in records where record.position < digests.count {
      body.key(record.id)
      body.string(record.path)
      body.int(record.findings.count)
      for finding in record.findings { body.finding(finding) }
      guard let content = digests[record.position].content else {
        body.int(0)
        continue
      }
      body.int(1)
      body.optionalString(content.writtenCode)
      body.int(textNumbers[content.providerCode] ?? 0)
      body.string(content.name)
      body.int(content.isRetired ? 1 : 0)
      body.optionalString(content.replacedBy)
      body.mark(content.replacedByMark)
      body.int(content.related.count)
      for (code, mark) in content.related {
        body.string(code.description)
        body.mark(mark)
      }
      body.int(content.items.count)
      for symbol in content.items { body.int(Int(symbol)) }
      body.mark(content.codeMark)
      body.mark(content.nameMark)
      body.mark(content.itemsMark)
    }
    body.word(Checksum.of(body.buffer))
    return body.buffer
  }

  /// A file's results, as they are written.
  struct Record: Sendable {
    var id: ContentKey
    var path: String
    var findings: [Finding]
    /// Where its digest stands among the catalog's resources.
    var position: Int
  }

  /// Results read from bytes: each record is decoded when it is asked for.
  private final class Stored: Sendable {
    let bytes: [UInt8]
    let texts: [String]
    let count: Int
    /// Content id → the offset of the first record with that content, and of the others.
    let offsets: [ContentKey: Int]
    let moreOffsets: [ContentKey: [Int]]

    init(_ bytes: [UInt8], context: String) throws(Refusal) {
      guard bytes.count >= FileResults.magic.count + 8, bytes.starts(with: FileResults.magic) else { throw .corrupt }
      var reader = ByteReader(bytes, end: bytes.count - 8)
      guard reader.word(at: bytes.count - 8) == Checksum.of(bytes[..<(bytes.count - 8)]) else { throw .corrupt }
      reader.position = FileResults.magic.count
      guard let storedContext = reader.string() else { throw .corrupt }
      guard storedContext == context else { throw .otherContext }
      guard let textCount = reader.int() else { throw .corrupt }
      var texts: [String] = []
      texts.reserveCapacity(textCount)
      for _ in 0..<textCount {
        guard let text = reader.string() else { throw .corrupt }
        texts.append(text)
      }
      guard let count = reader.int() else { throw .corrupt }
      var offsets: [ContentKey: Int] = Dictionary(minimumCapacity: count)
      var moreOffsets: [ContentKey: [Int]] = [:]
      for _ in 0..<count {
        let start = reader.position
        guard let id = reader.key(), Stored.skip(&reader, texts: texts.count) else { throw .corrupt }
        if offsets[id] == nil {
          offsets[id] = start
        } else {
          moreOffsets[id, default: []].append(start)
        }
      }
      guard reader.position == reader.end else { throw .corrupt }
      self.bytes = bytes
      self.texts = texts
      self.offsets = offsets
      self.moreOffsets = moreOffsets
      self.count = count
    }

    /// Past one record after its key; false when it does not hold together.
    private static func skip(_ reader: inout ByteReader, texts: Int) -> Bool {
      guard reader.skipString(), let findings = reader.int() else { return false }
      for _ in 0..<findings where !reader.skipFinding() { return false }
      guard let hasContent = reader.int() else { return false }
      guard hasContent == 1 else { return hasContent == 0 }
      guard reader.skipOptionalString(), let provider = reader.int(), provider < texts, reader.skipString(),
        reader.int() != nil, reader.skipOptionalString(), reader.mark() != nil, let related = reader.int()
      else { return false }
      for _ in 0..<related where !reader.skipString() || reader.mark() == nil { return false }
      guard let items = reader.int() else { return false }
      for _ in 0..<items {
        guard let symbol = reader.int(), symbol < texts else { return false }
      }
      return reader.mark() != nil && reader.mark() != nil && reader.mark() != nil
    }

    /// The record of `path` with content `id`, decoded; nil when there is none.
    func record(_ id: ContentKey, path: String, folder: String, code: ResourceCode, names: ItemNames)
      -> ([Finding], ResourceDigest)?
    {
      guard let first = offsets[id] else { return nil }
      if let found = record(at: first, path: path, folder: folder, code: code, names: names) { return found }
      for offset in moreOffsets[id] ?? [] {
        if let found = record(at: offset, path: path, folder: folder, code: code, names: names) { return found }
      }
      return nil
    }

    private func record(at offset: Int, path: String, folder: String, code: ResourceCode, names: ItemNames)
      -> ([Finding], ResourceDigest)?
    {
      var reader = ByteReader(bytes, end: bytes.count - 8)
      reader.position = offset + ContentKey.size
      guard reader.skipString(matching: path) else { return nil }
      return decode(&reader, path: path, folder: folder, code: code, names: names)
    }

    /// The symbol of each shared text in `names`, made once for the validation that uses them.
    private let symbols = Mutex<(names: ItemNames, symbols: [ItemNames.Symbol])?>(nil)

    private func symbols(in names: ItemNames) -> [ItemNames.Symbol] {
      symbols.withLock { made in
        if let made, made.names === names { return made.symbols }
        let symbols = names.symbols(each: texts)
        made = (names, symbols)
        return symbols
      }
    }

    private func decode(_ reader: inout ByteReader, path: String, folder: String, code: ResourceCode, names: ItemNames)
      -> ([Finding], ResourceDigest)?
    {
      guard let findingCount = reader.int() else { return nil }
      var findings: [Finding] = []
      for _ in 0..<findingCount {
        guard let finding = reader.finding(path: path) else { return nil }
        findings.append(finding)
      }
      var digest = ResourceDigest(folder: folder, fileCode: code)
      guard let hasContent = reader.int() else { return nil }
      guard hasContent == 1 else { return (findings, digest) }
      guard let written = reader.optionalString(), let provider = reader.int(), let name = reader.string(),
        let retired = reader.int(), let replacedBy = reader.optionalString(), let replacedByMark = reader.mark(),
        let relatedCount = reader.int()
      else { return nil }
      let providerText = texts[provider]
      var content = ResourceDigest.Content(
        writtenCode: written, providerCode: providerText == folder ? folder : providerText, name: name,
        isRetired: retired == 1, replacedBy: replacedBy, replacedByMark: replacedByMark, related: [], items: [],
        codeMark: nil, nameMark: nil, itemsMark: nil)
      content.related.reserveCapacity(relatedCount)
      for _ in 0..<relatedCount {
        guard let text = reader.string(), let relatedCode = ResourceCode(text), let mark = reader.mark() else { return nil }
        content.related.append((relatedCode, mark))
      }
      guard let itemCount = reader.int() else { return nil }
      let symbolOf = symbols(in: names)
      content.items.reserveCapacity(itemCount)
      for _ in 0..<itemCount {
        guard let text = reader.int(), text < symbolOf.count else { return nil }
        let symbol = symbolOf[text]
        if !content.items.contains(symbol) { content.items.append(symbol) }
      }
      guard let codeMark = reader.mark(), let nameMark = reader.mark(), let itemsMark = reader.mark() else { return nil }
      (content.codeMark, content.nameMark, content.itemsMark) = (codeMark, nameMark, itemsMark)
      digest.content = content
      return (findings, digest)
    }
  }
}

/// A Git object id, as a key: its 20 bytes as numbers.
public struct ContentKey: Hashable, Sendable {
  static let size = 20
  var first: UInt64
  var second: UInt64
  var last: UInt32

  public init?(hex: String) {
    var hex = hex
    guard let key = hex.withUTF8({ ContentKey(hexBytes: $0) }) else { return nil }
    self = key
  }

  private init?(hexBytes: UnsafeBufferPointer<UInt8>) {
    guard hexBytes.count == 40 else { return nil }
    var values = (UInt64(0), UInt64(0), UInt64(0))
    for (index, character) in hexBytes.enumerated() {
      let value: UInt8
      switch character {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
      default: return nil
      }
      switch index {
      case 0..<16: values.0 = values.0 << 4 | UInt64(value)
      case 16..<32: values.1 = values.1 << 4 | UInt64(value)
      default: values.2 = values.2 << 4 | UInt64(value)
      }
    }
    (first, second, last) = (values.0, values.1, UInt32(values.2))
  }

  init(bytes: ArraySlice<UInt8>) {
    var values = (UInt64(0), UInt64(0), UInt64(0))
    for (index, byte) in bytes.enumerated() {
      switch index {
      case 0..<8: values.0 = values.0 << 8 | UInt64(byte)
      case 8..<16: values.1 = values.1 << 8 | UInt64(byte)
      default: values.2 = values.2 << 8 | UInt64(byte)
      }
    }
    (first, second, last) = (values.0, values.1, UInt32(values.2))
  }

  /// The id in hexadecimal, as Git writes it.
  public var hex: String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  var bytes: [UInt8] {
    var out: [UInt8] = []
    for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: first >> UInt64(shift))) }
    for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: second >> UInt64(shift))) }
    for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: last >> UInt32(shift))) }
    return out
  }
}

/// A 64-bit checksum of bytes, eight at a time (not cryptographic: it finds damage, not forgery).
enum Checksum {
  static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    var running = Running()
    running.add(raw)
    return running.value
  }

  /// The checksum of bytes given in parts, equal to that of all of them at once.
  struct Running {
    private var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var total = 0

    private mutating func mix(_ word: UInt64) {
      hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
    }

    mutating func add(_ raw: UnsafeRawBufferPointer) {
      var offset = 0
      total += raw.count
      while pendingCount > 0 && offset < raw.count {
        pending |= UInt64(raw[offset]) << UInt64(8 * pendingCount)
        pendingCount += 1
        offset += 1
        if pendingCount == 8 {
          mix(pending)
          (pending, pendingCount) = (0, 0)
        }
      }
      while offset + 8 <= raw.count {
        mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        offset += 8
      }
      while offset < raw.count {
        pending |= UInt64(raw[offset]) << UInt64(8 * pendingCount)
        pendingCount += 1
        offset += 1
      }
    }

    var value: UInt64 {
      var copy = self
      copy.mix(copy.pending ^ UInt64(copy.total) << 8)
      return copy.hash
    }
  }

  static func of(_ bytes: some Collection<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    func mix(_ word: UInt64) {
      hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
    }
    let done = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
      let raw = UnsafeRawBufferPointer(buffer)
      var offset = 0
      while offset + 8 <= raw.count {
        mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset += 8
      }
      var last: UInt64 = 0
      for index in offset..<raw.count { last = last << 8 | UInt64(raw[index]) }
      mix(last ^ UInt64(raw.count))
      return true
    }
    if done == nil { return of(Array(bytes)) }
    return hash
  }
}

// MARK: Encoding

struct ByteWriter {
  var buffer: [UInt8] = []

  mutating func bytes(_ bytes: [UInt8]) { buffer += bytes }

  /// A content id's 20 bytes.
  mutating func key(_ key: ContentKey) {
    for shift in stride(from: 56, through: 0, by: -8) { buffer.append(UInt8(truncatingIfNeeded: key.first >> UInt64(shift))) }
    for shift in stride(from: 56, through: 0, by: -8) { buffer.append(UInt8(truncatingIfNeeded: key.second >> UInt64(shift))) }
    for shift in stride(from: 24, through: 0, by: -8) { buffer.append(UInt8(truncatingIfNeeded: key.last >> UInt32(shift))) }
  }

  /// A non-negative number, 7 bits a byte.
  mutating func int(_ value: Int) {
    var value = UInt64(max(0, value))
    while value >= 0x80 {
      buffer.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    buffer.append(UInt8(value))
  }

  mutating func word(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { buffer.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
  }

  mutating func string(_ text: String) {
    int(text.utf8.count)
    buffer += text.utf8
  }

  mutating func optionalString(_ text: String?) {
    guard let text else { return int(0) }
    int(text.utf8.count + 1)
    buffer += text.utf8
  }

  /// A position, or none.
  mutating func mark(_ mark: YAMLMark?) {
    guard let mark else { return int(0) }
    int(mark.line + 1)
    int(mark.column)
  }

  mutating func finding(_ finding: Finding) {
    string(finding.rule)
    int(finding.severity == .error ? 1 : 0)
    string(finding.path)
    int(finding.line.map { $0 + 1 } ?? 0)
    int(finding.column.map { $0 + 1 } ?? 0)
    optionalString(finding.code)
    string(finding.message.zh)
    string(finding.message.en)
    string(finding.hint.zh)
    string(finding.hint.en)
  }
}

/// Reads what `ByteWriter` wrote; every read is nil past the end or on bytes that make no sense.
struct ByteReader {
  let bytes: [UInt8]
  let end: Int
  var position = 0

  init(_ bytes: [UInt8], end: Int) {
    self.bytes = bytes
    self.end = end
  }

  mutating func int() -> Int? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while position < end, shift < 63 {
      let byte = bytes[position]
      position += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value <= UInt64(Int32.max) ? Int(value) : nil }
      shift += 7
    }
    return nil
  }

  func word(at offset: Int) -> UInt64 {
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
    return value
  }

  mutating func key() -> ContentKey? {
    guard position + ContentKey.size <= end else { return nil }
    defer { position += ContentKey.size }
    return ContentKey(bytes: bytes[position..<position + ContentKey.size])
  }

  /// Past a string; false when the bytes make no sense.
  mutating func skipString() -> Bool {
    guard let count = int(), position + count <= end else { return false }
    position += count
    return true
  }

  /// Past a string that must be `text`; false when it is another.
  mutating func skipString(matching text: String) -> Bool {
    guard let count = int(), count == text.utf8.count, position + count <= end else { return false }
    var text = text
    let same = text.withUTF8 { utf8 in
      bytes.withUnsafeBufferPointer { all in
        count == 0 || memcmp(all.baseAddress! + position, utf8.baseAddress!, count) == 0
      }
    }
    position += count
    return same
  }

  mutating func skipOptionalString() -> Bool {
    guard let count = int() else { return false }
    guard count > 0 else { return true }
    guard position + count - 1 <= end else { return false }
    position += count - 1
    return true
  }

  mutating func skipFinding() -> Bool {
    skipString() && int() != nil && skipString() && int() != nil && int() != nil && skipOptionalString()
      && skipString() && skipString() && skipString() && skipString()
  }

  mutating func string() -> String? {
    guard let count = int(), position + count <= end else { return nil }
    defer { position += count }
    return String(decoding: bytes[position..<position + count], as: UTF8.self)
  }

  /// A string that may be absent: `.some(nil)` when it is, nil when the bytes make no sense.
  mutating func optionalString() -> String?? {
    guard let count = int() else { return nil }
    if count == 0 { return .some(nil) }
    guard position + count - 1 <= end else { return nil }
    defer { position += count - 1 }
    return .some(String(decoding: bytes[position..<position + count - 1], as: UTF8.self))
  }

  /// A position: `.some(nil)` for none.
  mutating func mark() -> YAMLMark?? {
    guard let line = int() else { return nil }
    if line == 0 { return .some(nil) }
    guard let column = int() else { return nil }
    return .some(YAMLMark(line: line - 1, column: column))
  }

  mutating func finding(path: String) -> Finding? {
    guard let rule = string(), let severity = int(), let findingPath = string(), let line = int(), let column = int(),
      let code = optionalString(), let zh = string(), let en = string(), let hintZh = string(), let hintEn = string()
    else { return nil }
    return Finding(
      rule: rule, severity: severity == 1 ? .error : .warning, path: findingPath, line: line == 0 ? nil : line - 1,
      column: column == 0 ? nil : column - 1, code: code, message: LocalizedText(zh: zh, en: en),
      hint: LocalizedText(zh: hintZh, en: hintEn))
  }
}
