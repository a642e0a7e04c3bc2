#if canImport(Glibc)
  import Glibc
#endif
import MuluYAML

/// Builds the bytes of a `RegistryState`: entries in byte order of their paths, the resource
/// files among them in the same order, then the findings of the report.
public struct StateWriter {
  let context: String
  let tree: ContentKey?
  let overrides: [String: SeverityOverride]
  private(set) var allASCII = true
  private var columns = [[UInt8]](repeating: [], count: RegistryState.Section.count)
  private(set) var entryCount = 0
  private(set) var resourceCount = 0
  /// Resources named by entries so far (`addEntry` numbers them before their columns are added).
  private var entryResources = 0
  /// Where the sections go as they are done, when they are written as they are made.
  private var sink: ((UnsafeRawBufferPointer) -> Bool)? = nil
  private var sent = 0
  private var checksum = Checksum.Running()
  private var failed = false
  private(set) var findingCount = 0
  private var textCount = 0
  private var textNumbers: [String: UInt32] = [:]
  /// Stat data changed at or after this second are not kept: such a file may change again
  /// within the same tick of the file system's clock without its data showing it.
  let racySince: Int64

  typealias Section = RegistryState.Section

  init(context: String, tree: ContentKey?, overrides: [String: SeverityOverride], racySince: Int64) {
    self.context = context
    self.tree = tree
    self.overrides = overrides
    self.racySince = racySince
    for section in [Section.pathStarts, .relatedStarts, .itemStarts, .recordStarts, .textStarts, .findingStarts] {
      u32(section, 0)
    }
  }

  /// A writer that starts with the texts of `state` (so that its text numbers stand).
  init(continuing state: RegistryState, tree: ContentKey?, overrides: [String: SeverityOverride], racySince: Int64) {
    self.init(context: state.context, tree: tree, overrides: overrides, racySince: racySince)
    columns[Section.textStarts.rawValue] = []
    for index in 0...state.textCount { u32(.textStarts, state.u32(.textStarts, index)) }
    columns[Section.texts.rawValue] = Array(state.blob(.texts, 0..<Int(state.u32(.textStarts, state.textCount))).bindMemory(to: UInt8.self))
    textCount = state.textCount
    for index in 0..<state.textCount { textNumbers[state.text(index)] = UInt32(index) }
  }

  /// Room for this many entries, resources and findings in the columns of fixed width.
  mutating func reserve(entries: Int, resources: Int, findings: Int) {
    let widths: [(Section, Int)] = [
      (.pathStarts, 4 * (entries + 1)), (.kinds, entries), (.ids, ContentKey.size * entries), (.stamps, 48 * entries),
      (.folded, 8 * entries), (.entryResource, 4 * entries), (.resourceEntry, 4 * resources), (.flags, resources),
      (.codeHash, 8 * resources), (.folder, 4 * resources), (.nameHash, 8 * resources), (.provider, 4 * resources),
      (.relatedStarts, 4 * (resources + 1)), (.itemStarts, 4 * (resources + 1)), (.recordStarts, 4 * (resources + 1)),
      (.findingStarts, 4 * (findings + 1)), (.findingEntry, 4 * findings), (.findingKind, findings),
      (.paths, 48 * entries),
    ]
    for (section, bytes) in widths { columns[section.rawValue].reserveCapacity(bytes) }
  }

  private mutating func u32(_ section: Section, _ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { columns[section.rawValue].append(contentsOf: $0) }
  }

  private mutating func u64(_ section: Section, _ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { columns[section.rawValue].append(contentsOf: $0) }
  }

  private mutating func i64(_ section: Section, _ value: Int64) {
    withUnsafeBytes(of: value.littleEndian) { columns[section.rawValue].append(contentsOf: $0) }
  }

  /// The number of a text, added when new.
  mutating func text(_ text: String) -> UInt32 {
    if let number = textNumbers[text] { return number }
    let number = UInt32(textCount)
    textNumbers[text] = number
    columns[Section.texts.rawValue].append(contentsOf: text.utf8)
    u32(.textStarts, UInt32(columns[Section.texts.rawValue].count))
    textCount += 1
    return number
  }

  // MARK: Entries

  /// Adds an entry (after those before it in byte order); `resource` is whether it is the next
  /// resource file, added right after with `addResource` or `copyResource`.
  mutating func addEntry(_ path: UnsafeBufferPointer<UInt8>, kind: EntryKind, id: ContentKey?, stamp: FileStamp?, resource: Bool) {
    columns[Section.paths.rawValue].append(contentsOf: path)
    u32(.pathStarts, UInt32(columns[Section.paths.rawValue].count))
    columns[Section.kinds.rawValue].append(kind.code)
    columns[Section.ids.rawValue].append(contentsOf: (id ?? .zero).bytes)
    if let stamp, stamp.modifiedSeconds < racySince {
      for value in [stamp.size, stamp.modifiedSeconds, stamp.modifiedNanoseconds, stamp.changedSeconds, stamp.changedNanoseconds, Int64(bitPattern: stamp.inode)] {
        i64(.stamps, value)
      }
    } else {
      columns[Section.stamps.rawValue].append(contentsOf: repeatElement(0, count: 48))
    }
    if allASCII && path.contains(where: { $0 >= 0x80 }) { allASCII = false }
    u64(.folded, RegistryState.folded(path))
    u32(.entryResource, resource ? UInt32(entryResources) : UInt32(bitPattern: -1))
    if resource { entryResources += 1 }
    entryCount += 1
  }

  mutating func addEntry(_ path: String, kind: EntryKind, id: ContentKey?, stamp: FileStamp?, resource: Bool) {
    var path = path
    path.withUTF8 { addEntry($0, kind: kind, id: id, stamp: stamp, resource: resource) }
  }

  /// Copies entry `entry` of `state`, with its stat data.
  mutating func copyEntry(_ entry: Int, of state: RegistryState, resource: Bool) {
    addEntry(state.pathBytes(entry), kind: state.kind(entry), id: state.id(entry), stamp: nil, resource: resource)
    // The stat data as they were kept (they were judged when first written).
    let start = (entryCount - 1) * 48
    let kept = state.blob(.stamps, (48 * entry)..<(48 * (entry + 1)))
    columns[Section.stamps.rawValue].replaceSubrange(start..<(start + 48), with: kept.bindMemory(to: UInt8.self))
  }

  // MARK: Resources

  /// Adds the resource of the entry added last: its digest (items as names), its own findings.
  mutating func addResource(_ digest: ResourceDigest, items: [String], findings: [Finding]) {
    addResource(digest, items: items, findings: findings, entry: entryCount - 1, record: true)
  }

  /// Adds a resource of entry `entry`: its columns, and its record when `record` (or later,
  /// with `addRecord`, when the sections are written as they are made).
  mutating func addResource(_ digest: ResourceDigest, items: [String], findings: [Finding], entry: Int, record withRecord: Bool) {
    u32(.resourceEntry, UInt32(entry))
    var flags: RegistryState.Flags = []
    var related: [UInt64] = []
    var itemNumbers: [UInt32] = []
    var provider = text(digest.folder)
    var nameHash: UInt64 = 0
    if let content = digest.content {
      flags.insert(.read)
      if content.isRetired { flags.insert(.retired) }
      let written = digest.writtenCode
      if !content.isRetired && written.hasPrefix("1") { flags.insert(.base) }
      if !content.isRetired && !content.items.isEmpty && written.hasPrefix("3") { flags.insert(.department) }
      if !content.isRetired && !content.name.isEmpty {
        flags.insert(.named)
        if !content.name.isPlainNFC { flags.insert(.oddName) }
        nameHash = RegistryState.hash(content.name.utf8)
      }
      provider = text(content.providerCode)
      related = content.related.map { RegistryState.hash($0.code) }
      if let text = content.replacedBy, let code = ResourceCode(text) { related.append(RegistryState.hash(code)) }
      itemNumbers = items.map { text($0) }
    }
    columns[Section.flags.rawValue].append(flags.rawValue)
    u64(.codeHash, RegistryState.hash(digest.fileCode))
    u32(.folder, text(digest.folder))
    u64(.nameHash, nameHash)
    u32(.provider, provider)
    for hash in related { u64(.related, hash) }
    u32(.relatedStarts, UInt32(columns[Section.related.rawValue].count / 8))
    for number in itemNumbers { u32(.items, number) }
    u32(.itemStarts, UInt32(columns[Section.items.rawValue].count / 4))
    if withRecord { addRecord(digest, findings: findings) }
    resourceCount += 1
  }

  /// The record of a resource added without it: its own findings and what its digest holds.
  mutating func addRecord(_ digest: ResourceDigest, findings: [Finding]) {
    var record = ByteWriter()
    Self.encode(digest, findings: findings, into: &record)
    columns[Section.records.rawValue].append(contentsOf: record.buffer)
    u32(.recordStarts, UInt32(columns[Section.records.rawValue].count))
  }

  static func encode(_ digest: ResourceDigest, findings: [Finding], into record: inout ByteWriter) {
    record.int(findings.count)
    for finding in findings { record.stateFinding(finding) }
    guard let content = digest.content else { return record.int(0) }
    record.int(1)
    record.optionalString(content.writtenCode)
    record.string(content.name)
    record.int(content.isRetired ? 1 : 0)
    record.optionalString(content.replacedBy)
    record.mark(content.replacedByMark)
    record.int(content.related.count)
    for (code, mark) in content.related {
      record.string(code.description)
      record.mark(mark)
    }
    record.mark(content.codeMark)
    record.mark(content.nameMark)
    record.mark(content.itemsMark)
  }

  /// Copies resource `resource` of `state` for the entry added last (texts are numbered alike).
  mutating func copyResource(_ resource: Int, of state: RegistryState) {
    u32(.resourceEntry, UInt32(entryCount - 1))
    columns[Section.flags.rawValue].append(state.byte(.flags, resource))
    u64(.codeHash, state.u64(.codeHash, resource))
    u32(.folder, state.u32(.folder, resource))
    u64(.nameHash, state.u64(.nameHash, resource))
    u32(.provider, state.u32(.provider, resource))
    for index in state.related(resource) { u64(.related, state.u64(.related, index)) }
    u32(.relatedStarts, UInt32(columns[Section.related.rawValue].count / 8))
    for index in state.items(resource) { u32(.items, state.u32(.items, index)) }
    u32(.itemStarts, UInt32(columns[Section.items.rawValue].count / 4))
    let range = Int(state.u32(.recordStarts, resource))..<Int(state.u32(.recordStarts, resource + 1))
    columns[Section.records.rawValue].append(contentsOf: state.blob(.records, range).bindMemory(to: UInt8.self))
    u32(.recordStarts, UInt32(columns[Section.records.rawValue].count))
    resourceCount += 1
  }

  // MARK: Findings

  /// Adds a finding of the report (before `registry.yaml`'s severities), on entry `entry` (-1: none).
  mutating func addFinding(_ finding: Finding, entry: Int) {
    var writer = ByteWriter()
    writer.stateFinding(finding)
    columns[Section.findings.rawValue].append(contentsOf: writer.buffer)
    u32(.findingStarts, UInt32(columns[Section.findings.rawValue].count))
    u32(.findingEntry, UInt32(bitPattern: Int32(entry)))
    columns[Section.findingKind.rawValue].append(RegistryState.FindingKind(finding).rawValue)
    findingCount += 1
  }

  mutating func copyFinding(_ index: Int, of state: RegistryState, entry: Int) {
    let range = Int(state.u32(.findingStarts, index))..<Int(state.u32(.findingStarts, index + 1))
    columns[Section.findings.rawValue].append(contentsOf: state.blob(.findings, range).bindMemory(to: UInt8.self))
    u32(.findingStarts, UInt32(columns[Section.findings.rawValue].count))
    u32(.findingEntry, UInt32(bitPattern: Int32(entry)))
    columns[Section.findingKind.rawValue].append(state.byte(.findingKind, index))
    findingCount += 1
  }

  // MARK: Bytes

  /// How many bytes `write` gives.
  public var size: Int {
    var total = header().count + 8
    for column in columns {
      var length = ByteWriter()
      length.int(column.count)
      total += length.buffer.count + column.count
    }
    return total
  }

  private func header() -> [UInt8] {
    var header = ByteWriter()
    header.bytes(RegistryState.magic)
    header.string(context)
    header.bytes((tree ?? .zero).bytes)
    header.int(allASCII ? 1 : 0)
    header.int(overrides.count)
    for (rule, value) in overrides.sorted(by: { $0.key < $1.key }) {
      header.string(rule)
      header.string(value.rawValue)
    }
    header.int(entryCount)
    header.int(resourceCount)
    header.int(findingCount)
    return header.buffer
  }

  /// Writes the sections to `sink` as they are done (`flush`), the header first: the state
  /// will have `entries` entries, `resources` resources and `findings` findings, and its paths
  /// are all ASCII or not as `allASCII` says.
  mutating func stream(
    to sink: @escaping (UnsafeRawBufferPointer) -> Bool, entries: Int, resources: Int, findings: Int, allASCII: Bool
  ) {
    self.sink = sink
    self.allASCII = allASCII
    (entryCount, resourceCount, findingCount) = (entries, resources, findings)
    send(header())
    (entryCount, resourceCount, findingCount) = (0, 0, 0)
  }

  private mutating func send(_ bytes: [UInt8]) {
    guard !failed, let sink else { return }
    bytes.withUnsafeBytes { raw in
      checksum.add(raw)
      if !sink(raw) { failed = true }
    }
  }

  /// Writes the sections up to `last` and lets them go, back to the system.
  mutating func flush(through last: Section) {
    while sent <= last.rawValue {
      var length = ByteWriter()
      length.int(columns[sent].count)
      send(length.buffer)
      send(columns[sent])
      columns[sent] = []
      sent += 1
    }
    Self.giveBack()
  }

  /// Returns the free memory of the heap to the system: what a full validation let go (its
  /// catalog, the digests written) is not kept resident beside the state's columns.
  static func giveBack() {
    #if os(Linux)
      _ = mallocTrim(0)
    #endif
  }

  /// Writes what is left and the checksum; false when the sink refused a part.
  mutating func finish() -> Bool {
    flush(through: Section.allCases.last!)
    var last = checksum.value.littleEndian
    if !failed, let sink, !withUnsafeBytes(of: &last, { sink($0) }) { failed = true }
    return !failed
  }

  /// Gives the bytes in parts, the checksum last; stops when `body` returns false.
  public func write(_ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
    var checksum = Checksum.Running()
    func give(_ bytes: [UInt8]) -> Bool {
      bytes.withUnsafeBytes { raw in
        checksum.add(raw)
        return body(raw)
      }
    }
    guard give(header()) else { return false }
    for column in columns {
      var length = ByteWriter()
      length.int(column.count)
      guard give(length.buffer), give(column) else { return false }
    }
    var last = checksum.value.littleEndian
    return withUnsafeBytes(of: &last) { body($0) }
  }

  /// The bytes, whole (tests).
  public var bytes: [UInt8] {
    var all: [UInt8] = []
    _ = write { all.append(contentsOf: $0); return true }
    return all
  }
}

extension RegistryState {
  /// Writes to `sink` the state of a snapshot validated in full: its entries (with their stat
  /// data, or their blob ids), its resources' digests, each resource's own findings, every
  /// finding of the report before the severities of `registry.yaml`. Each section is written
  /// as it is done and let go, and each digest once written: the state is never whole in memory
  /// beside the catalog. False when the sink refused a part.
  static func write(
    entries: [SnapshotEntry], stamps: [FileStamp?], digests: inout [ResourceDigest], settings: RegistrySettings,
    own: [[Finding]], findings: [Finding], names: ItemNames, context: String, tree: ContentKey?, racySince: Int64,
    to sink: @escaping (UnsafeRawBufferPointer) -> Bool
  ) -> Bool {
    StateWriter.giveBack()
    var writer = StateWriter(context: context, tree: tree, overrides: settings.overrides, racySince: racySince)
    var order = Array(entries.indices)
    let sorted = zip(order, order.dropFirst()).allSatisfy { PathOrder.compare(entries[$0].path, entries[$1].path) < 0 }
    if !sorted { order.sort { PathOrder.compare(entries[$0].path, entries[$1].path) < 0 } }
    // Which entry each resource is.
    var resourceEntries: [Int] = []
    resourceEntries.reserveCapacity(digests.count)
    var entryOfPath: [String: Int] = [:]
    for (number, position) in order.enumerated() {
      let entry = entries[position]
      if resourceEntries.count < digests.count && entry.isFile && digests[resourceEntries.count].path == entry.path {
        resourceEntries.append(number)
      } else {
        entryOfPath[entry.path] = number
      }
    }
    let allASCII = entries.allSatisfy { $0.path.utf8.allSatisfy { $0 < 0x80 } }
    writer.stream(
      to: sink, entries: entries.count, resources: resourceEntries.count, findings: findings.count, allASCII: allASCII)
    writer.reserve(entries: entries.count, resources: resourceEntries.count, findings: findings.count)
    var next = 0
    for (number, position) in order.enumerated() {
      let entry = entries[position]
      let isResource = next < resourceEntries.count && resourceEntries[next] == number
      if isResource { next += 1 }
      writer.addEntry(
        entry.path, kind: entry.kind, id: entry.contentID.flatMap(ContentKey.init(hex:)),
        stamp: position < stamps.count ? stamps[position] : nil, resource: isResource)
    }
    writer.flush(through: .entryResource)
    let itemNames = names.names
    for (resource, entry) in resourceEntries.enumerated() {
      let digest = digests[resource]
      let items = (digest.content?.items ?? []).map { Int($0) < itemNames.count ? itemNames[Int($0)] : "" }
      writer.addResource(digest, items: items, findings: [], entry: entry, record: false)
    }
    writer.flush(through: .items)
    for resource in resourceEntries.indices {
      writer.addRecord(digests[resource], findings: resource < own.count ? own[resource] : [])
      // Written: what it held is let go.
      digests[resource] = ResourceDigest(folder: digests[resource].folder, fileCode: digests[resource].fileCode)
      if resource % 65_536 == 65_535 { StateWriter.giveBack() }
    }
    writer.flush(through: .texts)
    // Findings on resource files are found by bisection among the paths, the few others by name.
    var lastPath = ""
    var lastEntry = -1
    for finding in findings.sorted(by: Finding.ordered) {
      if finding.path != lastPath {
        lastPath = finding.path
        lastEntry = entryOfPath[finding.path] ?? resourceEntry(of: finding.path) ?? -1
      }
      writer.addFinding(finding, entry: lastEntry)
    }
    return writer.finish()

    func resourceEntry(of path: String) -> Int? {
      var low = 0
      var high = resourceEntries.count
      while low < high {
        let middle = (low + high) / 2
        let order = PathOrder.compare(digests[middle].path, path)
        if order == 0 { return resourceEntries[middle] }
        if order < 0 { low = middle + 1 } else { high = middle }
      }
      return nil
    }
  }
}

extension StateWriter {
  /// The number of an entry added, by bisection.
  func entryNumber(of path: String) -> Int? {
    let paths = columns[Section.paths.rawValue]
    let starts = columns[Section.pathStarts.rawValue]
    func start(_ index: Int) -> Int {
      starts.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))) }
    }
    return paths.withUnsafeBufferPointer { all in
      PathOrder.position(of: path, count: entryCount) { UnsafeBufferPointer(rebasing: all[start($0)..<start($0 + 1)]) }
    }
  }
}

#if os(Linux)
  /// glibc's `malloc_trim`, which its module map leaves out (`malloc.h`).
  @_silgen_name("malloc_trim")
  private func mallocTrim(_ pad: Int) -> Int32
#endif
