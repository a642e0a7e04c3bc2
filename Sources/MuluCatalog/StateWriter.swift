import MuluYAML

/// Builds the bytes of a `RegistryState`: entries in byte order of their paths, the resource
/// files among them in the same order, then the findings of the report.
public struct StateWriter: Sendable {
  let context: String
  let tree: ContentKey?
  let overrides: [String: SeverityOverride]
  private(set) var allASCII = true
  private var columns = [[UInt8]](repeating: [], count: RegistryState.Section.count)
  private(set) var entryCount = 0
  private(set) var resourceCount = 0
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
    u32(.entryResource, resource ? UInt32(resourceCount) : UInt32(bitPattern: -1))
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
    u32(.resourceEntry, UInt32(entryCount - 1))
    var flags: RegistryState.Flags = []
    var record = ByteWriter()
    record.int(findings.count)
    for finding in findings { record.finding(finding) }
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
        related.append(RegistryState.hash(code))
      }
      if let text = content.replacedBy, let code = ResourceCode(text) { related.append(RegistryState.hash(code)) }
      record.mark(content.codeMark)
      record.mark(content.nameMark)
      record.mark(content.itemsMark)
      itemNumbers = items.map { text($0) }
    } else {
      record.int(0)
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
    columns[Section.records.rawValue].append(contentsOf: record.buffer)
    u32(.recordStarts, UInt32(columns[Section.records.rawValue].count))
    resourceCount += 1
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
    writer.finding(finding)
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
    header.int(textCount)
    header.int(findingCount)
    return header.buffer
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
  /// The state of a snapshot validated in full: its entries (with their stat data, or their blob
  /// ids), the catalog, each resource's own findings, every finding of the report before the
  /// severities of `registry.yaml`.
  static func writer(
    entries: [SnapshotEntry], stamps: [FileStamp?], catalog: Catalog, own: [[Finding]], findings: [Finding],
    names: ItemNames, context: String, tree: ContentKey?, racySince: Int64
  ) -> StateWriter {
    var writer = StateWriter(context: context, tree: tree, overrides: catalog.settings.overrides, racySince: racySince)
    var order = Array(entries.indices)
    let sorted = zip(order, order.dropFirst()).allSatisfy { PathOrder.compare(entries[$0].path, entries[$1].path) < 0 }
    if !sorted { order.sort { PathOrder.compare(entries[$0].path, entries[$1].path) < 0 } }
    let itemNames = names.names
    var resource = 0
    var entryOfPath: [String: Int] = [:]
    for (number, position) in order.enumerated() {
      let entry = entries[position]
      let isResource = resource < catalog.resources.count && entry.isFile && catalog.resources[resource].path == entry.path
      writer.addEntry(
        entry.path, kind: entry.kind, id: entry.contentID.flatMap(ContentKey.init(hex:)),
        stamp: position < stamps.count ? stamps[position] : nil, resource: isResource)
      if isResource {
        let digest = catalog.resources[resource]
        let items = (digest.content?.items ?? []).map { Int($0) < itemNames.count ? itemNames[Int($0)] : "" }
        writer.addResource(digest, items: items, findings: resource < own.count ? own[resource] : [])
        resource += 1
      }
      if !isResource { entryOfPath[entry.path] = number }
    }
    // Findings on resource files are found by bisection, the few others by name.
    let sortedFindings = findings.sorted(by: Finding.ordered)
    var lastPath = ""
    var lastEntry = -1
    for finding in sortedFindings {
      if finding.path != lastPath {
        lastPath = finding.path
        lastEntry = entryOfPath[finding.path] ?? writer.entryNumber(of: finding.path) ?? -1
      }
      writer.addFinding(finding, entry: lastEntry)
    }
    return writer
  }
}

extension StateWriter {
  /// The number of an entry added, by bisection.
  func entryNumber(of path: String) -> Int? {
    var path = path
    let paths = columns[Section.paths.rawValue]
    let starts = columns[Section.pathStarts.rawValue]
    func start(_ index: Int) -> Int {
      starts.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))) }
    }
    return path.withUTF8 { wanted in
      paths.withUnsafeBufferPointer { all in
        var low = 0
        var high = entryCount
        while low < high {
          let middle = (low + high) / 2
          let order = PathOrder.compare(UnsafeBufferPointer(rebasing: all[start(middle)..<start(middle + 1)]), wanted)
          if order == 0 { return middle }
          if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
      }
    }
  }
}
