#if canImport(Glibc)
  import Glibc
#endif
import MuluYAML

/// The verdict on the last validated snapshot, kept with what is needed to judge the next one
/// from what changed since (`revalidate`): the table of its files (path, kind, blob id, stat
/// data) in byte order of the paths; for each resource file, the findings of its own rules and
/// its digest, with what the registry-wide rules look up (code, provider folder, name, links,
/// items) as columns of numbers; the report's findings, each with the file it stands on.
///
/// As bytes it is one run of fixed sections read in one go: columns are read where they stand,
/// and a record becomes `String`s only when a change reaches it. It carries a checksum: bytes
/// that do not check out are refused as a whole.
public final class RegistryState: @unchecked Sendable {
  /// What the verdict was made with (the engine, `registry.yaml`, the dictionaries, the day).
  public let context: String
  /// The tree validated, for a revision; nil for a working tree.
  public let tree: ContentKey?
  /// The severities `registry.yaml` set, as `RegistrySettings.overrides`.
  let overrides: [String: SeverityOverride]
  /// Whether every path is ASCII (case collisions are then found on the columns).
  let allASCII: Bool
  public let entryCount: Int
  public let resourceCount: Int
  let textCount: Int
  let findingCount: Int

  private let storage: UnsafeRawBufferPointer
  private let release: @Sendable () -> Void
  private var sections: [Range<Int>] = []

  /// Why stored bytes are not used.
  public enum Refusal: Error, Sendable, Equatable {
    /// Not a state of this format, or damaged: the checksum or the structure does not check out.
    case corrupt
    /// Made in another context (another engine, registry.yaml, dictionaries or day).
    case otherContext
  }

  static let magic = Array("mulu validation state 3\n".utf8)

  /// Reads the state the bytes of `read` hold (the whole file, `size` bytes); refused unless
  /// they check out and were made for `context`.
  public convenience init(size: Int, context: String, read: (UnsafeMutableRawBufferPointer) -> Bool) throws(Refusal) {
    guard size >= Self.magic.count + 8 else { throw .corrupt }
    let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
    guard read(storage) else {
      storage.deallocate()
      throw .corrupt
    }
    let address = UInt(bitPattern: storage.baseAddress)
    try self.init(bytes: UnsafeRawBufferPointer(storage), context: context) {
      UnsafeMutableRawPointer(bitPattern: address)?.deallocate()
    }
  }

  /// Reads the state `bytes` hold (a mapped file); `release` is called when the state is no
  /// longer used, or refused.
  public init(bytes: UnsafeRawBufferPointer, context: String, release: @escaping @Sendable () -> Void) throws(Refusal) {
    storage = bytes
    self.release = release
    let size = bytes.count
    guard size >= Self.magic.count + 8 else {
      release()
      throw .corrupt
    }
    var reader = RawReader(bytes: bytes, end: size - 8)
    do {
      guard bytes.starts(with: Self.magic),
        bytes.loadUnaligned(fromByteOffset: size - 8, as: UInt64.self) == Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[..<(size - 8)]))
      else { throw Refusal.corrupt }
      reader.position = Self.magic.count
      guard let storedContext = reader.string() else { throw Refusal.corrupt }
      guard storedContext == context else { throw Refusal.otherContext }
      self.context = storedContext
      guard let treeBytes = reader.take(ContentKey.size), let flags = reader.int(), let overrideCount = reader.int()
      else { throw Refusal.corrupt }
      let key = ContentKey(raw: treeBytes)
      tree = key.isZero ? nil : key
      allASCII = flags & 1 != 0
      var overrides: [String: SeverityOverride] = [:]
      for _ in 0..<overrideCount {
        guard let rule = reader.string(), let value = reader.string().flatMap(SeverityOverride.init(rawValue:)) else {
          throw Refusal.corrupt
        }
        overrides[rule] = value
      }
      self.overrides = overrides
      guard let e = reader.int(), let r = reader.int(), let f = reader.int() else { throw Refusal.corrupt }
      (entryCount, resourceCount, findingCount) = (e, r, f)
      for _ in 0..<Section.count {
        guard let length = reader.int(), reader.position + length <= reader.end else { throw Refusal.corrupt }
        sections.append(reader.position..<(reader.position + length))
        reader.position += length
      }
      guard reader.position == reader.end else { throw Refusal.corrupt }
      let textStarts = sections[Section.textStarts.rawValue].count
      guard textStarts >= 4, textStarts % 4 == 0 else { throw Refusal.corrupt }
      let t = textStarts / 4 - 1
      textCount = t
      let expected: [(Section, Int)] = [
        (.pathStarts, 4 * (e + 1)), (.kinds, e), (.ids, ContentKey.size * e), (.stamps, 48 * e), (.folded, 8 * e),
        (.entryResource, 4 * e), (.resourceEntry, 4 * r), (.flags, r), (.codeHash, 8 * r), (.folder, 4 * r),
        (.nameHash, 8 * r), (.provider, 4 * r), (.relatedStarts, 4 * (r + 1)), (.itemStarts, 4 * (r + 1)),
        (.recordStarts, 4 * (r + 1)), (.textStarts, 4 * (t + 1)), (.findingStarts, 4 * (f + 1)), (.findingEntry, 4 * f),
        (.findingKind, f),
      ]
      for (section, length) in expected where sections[section.rawValue].count != length { throw Refusal.corrupt }
      // Every run a start table points at stands in its blob, in order.
      for (starts, blob, count) in [
        (Section.pathStarts, Section.paths, e), (.relatedStarts, .related, r), (.itemStarts, .items, r),
        (.recordStarts, .records, r), (.textStarts, .texts, t), (.findingStarts, .findings, f),
      ] {
        let width = blob == .related ? 8 : (blob == .items ? 4 : 1)
        var previous: UInt32 = 0
        for index in 0...count {
          let value = u32(starts, index)
          guard value >= previous, Int(value) * width <= sections[blob.rawValue].count else { throw Refusal.corrupt }
          previous = value
        }
        guard Int(previous) * width == sections[blob.rawValue].count else { throw Refusal.corrupt }
      }
      for index in 0..<e {
        let resource = i32(.entryResource, index)
        guard resource >= -1, Int(resource) < r else { throw Refusal.corrupt }
      }
      for index in 0..<r {
        guard Int(u32(.resourceEntry, index)) < e, Int(u32(.folder, index)) < t, Int(u32(.provider, index)) < t else {
          throw Refusal.corrupt
        }
      }
      for index in 0..<f where Int(i32(.findingEntry, index)) >= e { throw Refusal.corrupt }
      for index in 0..<sections[Section.items.rawValue].count / 4 where Int(u32(.items, index)) >= t { throw Refusal.corrupt }
    } catch {
      release()
      throw error as! Refusal
    }
  }

  deinit { release() }

  // MARK: Sections

  enum Section: Int, CaseIterable {
    case paths, pathStarts, kinds, ids, stamps, folded, entryResource
    case resourceEntry, flags, codeHash, folder, nameHash, provider, relatedStarts, related, itemStarts, items
    case recordStarts, records, textStarts, texts, findingStarts, findingEntry, findingKind, findings
    static let count = allCases.count
  }

  /// Flags of a resource, for the rules that look at many.
  struct Flags: OptionSet {
    let rawValue: UInt8
    /// The file was read (it has content).
    static let read = Flags(rawValue: 1)
    static let retired = Flags(rawValue: 2)
    /// An active base resource (`items.overlaps-base` compares with it).
    static let base = Flags(rawValue: 4)
    /// An active department resource with items (`items.overlaps-base` judges it).
    static let department = Flags(rawValue: 8)
    /// Active and named (`name.duplicate` looks at it).
    static let named = Flags(rawValue: 16)
    /// Its name is not in plain NFC: compared as text, not by its hash.
    static let oddName = Flags(rawValue: 32)
  }

  /// What a finding of the report is, for what a change makes judge again.
  enum FindingKind: UInt8 {
    /// Of `registry.yaml`, the dictionaries, `access.yaml` or `sources.yaml`: read again on each change.
    case context = 0
    /// Of one file alone (its layout, its own rules): judged again when the file changes.
    case file = 1
    case codeDuplicate, nameDuplicate, relatedUnknown, relatedRetired, overlapsBase, caseCollision

    init(_ finding: Finding) {
      switch finding.rule {
      case CodeDuplicate.id: self = .codeDuplicate
      case NameDuplicate.id: self = .nameDuplicate
      case RelatedUnknown.id: self = .relatedUnknown
      case RelatedRetired.id: self = .relatedRetired
      case ItemsOverlapsBase.id: self = .overlapsBase
      case TreeCaseCollision.id: self = .caseCollision
      case TreeLayout.id: self = .file
      default: self = RegistryState.contextPaths.contains(finding.path) ? .context : .file
      }
    }
  }

  /// The files read for every resource's context, and `access.yaml` and `sources.yaml`.
  static let contextPaths: Set<String> = [
    "registry.yaml", "dictionaries/departments.yaml", "dictionaries/classification.yaml", "access.yaml", SourceList.path,
  ]

  @inline(__always) func u32(_ section: Section, _ index: Int) -> UInt32 {
    UInt32(littleEndian: storage.loadUnaligned(fromByteOffset: sections[section.rawValue].lowerBound + 4 * index, as: UInt32.self))
  }

  @inline(__always) func i32(_ section: Section, _ index: Int) -> Int32 { Int32(bitPattern: u32(section, index)) }

  @inline(__always) func u64(_ section: Section, _ index: Int) -> UInt64 {
    UInt64(littleEndian: storage.loadUnaligned(fromByteOffset: sections[section.rawValue].lowerBound + 8 * index, as: UInt64.self))
  }

  @inline(__always) func byte(_ section: Section, _ index: Int) -> UInt8 {
    storage[sections[section.rawValue].lowerBound + index]
  }

  func blob(_ section: Section, _ range: Range<Int>) -> UnsafeRawBufferPointer {
    let start = sections[section.rawValue].lowerBound
    return UnsafeRawBufferPointer(rebasing: storage[(start + range.lowerBound)..<(start + range.upperBound)])
  }

  // MARK: Entries

  /// The bytes of entry `entry`'s path, where they stand.
  public func pathBytes(_ entry: Int) -> UnsafeBufferPointer<UInt8> {
    blob(.paths, Int(u32(.pathStarts, entry))..<Int(u32(.pathStarts, entry + 1))).assumingMemoryBound(to: UInt8.self)
  }

  public func path(_ entry: Int) -> String { String(decoding: pathBytes(entry), as: UTF8.self) }

  public func kind(_ entry: Int) -> EntryKind { EntryKind(code: byte(.kinds, entry)) }

  public func id(_ entry: Int) -> ContentKey? {
    let key = ContentKey(raw: blob(.ids, (ContentKey.size * entry)..<(ContentKey.size * (entry + 1))))
    return key.isZero ? nil : key
  }

  /// The stat data kept of an entry; nil when there is none (a revision's, or a file changed in
  /// the instant it was listed, which is read again).
  public func stamp(_ entry: Int) -> FileStamp? {
    let start = sections[Section.stamps.rawValue].lowerBound + 48 * entry
    var values: [Int64] = []
    for field in 0..<6 { values.append(Int64(littleEndian: storage.loadUnaligned(fromByteOffset: start + 8 * field, as: Int64.self))) }
    if values.allSatisfy({ $0 == 0 }) { return nil }
    return FileStamp(
      size: values[0], modifiedSeconds: values[1], modifiedNanoseconds: values[2], changedSeconds: values[3],
      changedNanoseconds: values[4], inode: UInt64(bitPattern: values[5]))
  }

  /// Whether entry `entry`'s stat data are `stamp`, compared where they stand.
  public func hasStamp(_ entry: Int, _ stamp: FileStamp) -> Bool {
    let start = sections[Section.stamps.rawValue].lowerBound + 48 * entry
    func field(_ index: Int) -> Int64 { Int64(littleEndian: storage.loadUnaligned(fromByteOffset: start + 8 * index, as: Int64.self)) }
    return field(0) == stamp.size && field(1) == stamp.modifiedSeconds && field(2) == stamp.modifiedNanoseconds
      && field(3) == stamp.changedSeconds && field(4) == stamp.changedNanoseconds
      && field(5) == Int64(bitPattern: stamp.inode) && stamp.inode != 0
  }

  /// The entry of `path`, found by bisection.
  public func entry(of path: String) -> Int? {
    PathOrder.position(of: path, count: entryCount, pathBytes)
  }

  // MARK: Resources

  func flags(_ resource: Int) -> Flags { Flags(rawValue: byte(.flags, resource)) }

  func text(_ index: Int) -> String {
    String(decoding: blob(.texts, Int(u32(.textStarts, index))..<Int(u32(.textStarts, index + 1))), as: UTF8.self)
  }

  func items(_ resource: Int) -> Range<Int> { Int(u32(.itemStarts, resource))..<Int(u32(.itemStarts, resource + 1)) }

  func related(_ resource: Int) -> Range<Int> { Int(u32(.relatedStarts, resource))..<Int(u32(.relatedStarts, resource + 1)) }

  /// The file code of a resource, from its path.
  func fileCode(_ resource: Int) -> ResourceCode? {
    let path = pathBytes(Int(u32(.resourceEntry, resource)))
    let name = 9 + 18 + 1
    guard path.count > name else { return nil }
    return ResourceCode(fileName: UnsafeBufferPointer(rebasing: path[name...]))
  }

  /// A resource's own findings and digest, decoded (its items as text numbers of this state).
  func record(_ resource: Int) throws(Refusal) -> (findings: [Finding], digest: ResourceDigest) {
    guard let code = fileCode(resource) else { throw .corrupt }
    let folder = text(Int(u32(.folder, resource)))
    let range = Int(u32(.recordStarts, resource))..<Int(u32(.recordStarts, resource + 1))
    var reader = RawReader(bytes: blob(.records, range), end: range.count)
    let path = self.path(Int(u32(.resourceEntry, resource)))
    guard let count = reader.int() else { throw .corrupt }
    var findings: [Finding] = []
    for _ in 0..<count {
      guard let finding = reader.finding() else { throw .corrupt }
      findings.append(finding)
    }
    var digest = ResourceDigest(folder: folder, fileCode: code)
    guard let hasContent = reader.int() else { throw .corrupt }
    if hasContent == 1 {
      guard let written = reader.optionalString(), let name = reader.string(), let retired = reader.int(),
        let replacedBy = reader.optionalString(), let replacedByMark = reader.mark(), let relatedCount = reader.int()
      else { throw .corrupt }
      let provider = text(Int(u32(.provider, resource)))
      var content = ResourceDigest.Content(
        writtenCode: written, providerCode: provider == folder ? folder : provider, name: name, isRetired: retired == 1,
        replacedBy: replacedBy, replacedByMark: replacedByMark, related: [], items: [], codeMark: nil, nameMark: nil,
        itemsMark: nil)
      for _ in 0..<relatedCount {
        guard let text = reader.string(), let code = ResourceCode(text), let mark = reader.mark() else { throw .corrupt }
        content.related.append((code, mark))
      }
      guard let codeMark = reader.mark(), let nameMark = reader.mark(), let itemsMark = reader.mark() else { throw .corrupt }
      (content.codeMark, content.nameMark, content.itemsMark) = (codeMark, nameMark, itemsMark)
      content.items = items(resource).map { u32(.items, $0) }
      digest.content = content
    }
    _ = path
    return (findings, digest)
  }

  // MARK: Findings

  func finding(_ index: Int) throws(Refusal) -> Finding {
    let range = Int(u32(.findingStarts, index))..<Int(u32(.findingStarts, index + 1))
    var reader = RawReader(bytes: blob(.findings, range), end: range.count)
    guard let finding = reader.finding() else { throw .corrupt }
    return finding
  }

  func findingKind(_ index: Int) -> FindingKind { FindingKind(rawValue: byte(.findingKind, index)) ?? .file }

  /// The report kept, with the severities of its `registry.yaml`.
  public func report() throws(Refusal) -> Report {
    var findings: [Finding] = []
    findings.reserveCapacity(findingCount)
    for index in 0..<findingCount { findings.append(try finding(index)) }
    var settings = RegistrySettings()
    settings.overrides = overrides
    return Report(findings: Validator.apply(settings, to: findings))
  }

  // MARK: Hashes

  /// FNV-1a of bytes, never 0.
  static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash | 1
  }

  /// A hash of a text, the same in every run (for names of files).
  public static func nameHash(_ text: String) -> UInt64 { hash(text.utf8) }

  static func hash(_ code: ResourceCode) -> UInt64 {
    hash(code.classification.utf8 + [UInt8(ascii: "/")] + code.sequence.utf8)
  }

  static func folded(_ bytes: some Sequence<UInt8>) -> UInt64 {
    hash(bytes.lazy.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 })
  }
}

extension EntryKind {
  var code: UInt8 {
    switch self {
    case .regular: 0
    case .executable: 1
    case .symlink: 2
    case .submodule: 3
    case .other: 4
    }
  }

  init(code: UInt8) {
    switch code {
    case 0: self = .regular
    case 1: self = .executable
    case 2: self = .symlink
    case 3: self = .submodule
    default: self = .other
    }
  }
}

extension FileStamp {
  public init(
    size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, changedSeconds: Int64, changedNanoseconds: Int64,
    inode: UInt64
  ) {
    self.size = size
    self.modifiedSeconds = modifiedSeconds
    self.modifiedNanoseconds = modifiedNanoseconds
    self.changedSeconds = changedSeconds
    self.changedNanoseconds = changedNanoseconds
    self.inode = inode
  }
}

extension ContentKey {
  init(raw bytes: UnsafeRawBufferPointer) {
    self.init(bytes: ArraySlice(bytes.bindMemory(to: UInt8.self)))
  }

  var isZero: Bool { first == 0 && second == 0 && last == 0 }

  static let zero = ContentKey(bytes: ArraySlice(repeating: 0, count: ContentKey.size))
}

/// Reads what `ByteWriter` wrote, from raw bytes; every read is nil past the end.
struct RawReader: WrittenBytesReading {
  let bytes: UnsafeRawBufferPointer
  let end: Int
  var position = 0

  init(bytes: UnsafeRawBufferPointer, end: Int) {
    self.bytes = bytes
    self.end = end
  }

  func byte(at offset: Int) -> UInt8 { bytes[offset] }

  mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
    guard count >= 0, position + count <= end else { return nil }
    defer { position += count }
    return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
  }

  mutating func string() -> String? {
    guard let count = int(), let run = take(count) else { return nil }
    return String(decoding: run, as: UTF8.self)
  }

  mutating func optionalString() -> String?? {
    guard let count = int() else { return nil }
    if count == 0 { return .some(nil) }
    guard let run = take(count - 1) else { return nil }
    return .some(String(decoding: run, as: UTF8.self))
  }

  /// A finding as `ByteWriter.stateFinding` wrote it.
  mutating func finding() -> Finding? {
    guard let rule = string(), let severity = int(), let path = string(), let line = int(), let column = int(),
      let code = optionalString(), let zh = string(), let en = string(), let ownHint = int()
    else { return nil }
    let hint: LocalizedText
    if ownHint == 0 {
      guard let ruleHint = RuleHints.hint(of: rule) else { return nil }
      hint = ruleHint
    } else {
      guard let hintZh = string(), let hintEn = string() else { return nil }
      hint = LocalizedText(zh: hintZh, en: hintEn)
    }
    return Finding(
      rule: rule, severity: severity == 1 ? .error : .warning, path: path, line: line == 0 ? nil : line - 1,
      column: column == 0 ? nil : column - 1, code: code, message: LocalizedText(zh: zh, en: en), hint: hint)
  }
}

extension RegistryState {
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
}
