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
