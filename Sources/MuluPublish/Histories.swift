import MuluCatalog
import MuluGit
import MuluKit

/// Each resource's history: the releases that changed its code, newest first. A full publish
/// makes every code's from the releases' diffs. A republish computes only the diffs of the
/// releases the earlier publish did not show, and takes every other code's history from the
/// earlier state (`PublishState`), which keeps each record's: only the codes a new release
/// changed, or a release the earlier publish showed and this one does not, are made here.
struct Histories: Sendable {
  /// Histories made here, complete, by code: every code of a full publish; in a republish, the
  /// codes changed by a release the earlier publish did not show or by one it showed and this
  /// one does not.
  private var made: [String: [HistoryItem]] = [:]
  /// The codes of `made` in a republish, looked up without making a code's text.
  private var madeCodes: Set<ResourceCode> = []
  /// The earlier state the other histories are taken from (nil: a full publish).
  private var earlier: PublishState? = nil
  /// The place of each of the earlier state's releases among this publish's (-1: not one of them).
  private var places: [Int] = []
  /// Whether every earlier release shown again has the place it had: its items are copied as
  /// they are.
  private var samePlaces = true
  /// The earlier histories of codes that no record at their path holds, by code: those of
  /// resources added or moved since, and those `made` extends.
  private var found: [String: Range<Int>] = [:]
  /// The releases of this publish by tag: their places, oldest first.
  private var placeOfTag: [String: Int] = [:]

  init() {}

  /// The histories of a full publish: each release's changes, oldest release first.
  init(releases: [String], changes: [String: [HistoryItem]]) {
    placeOfTag = Histories.places(releases)
    // Newest first; most resources have one entry, kept as it is.
    made = changes.mapValues { $0.count > 1 ? $0.reversed() : $0 }
  }

  /// The histories of a republish: those of `earlier` with the changes of the releases it did
  /// not show (`changes`, by code, each with the place of its release among `releases`, oldest
  /// first); `places` gives where each of the earlier releases stands now (-1: not shown now).
  init(
    releases: [String], changes: [String: [(place: Int, item: HistoryItem)]], earlier: PublishState, places: [Int],
    resources: [SiteResource]
  ) {
    self.earlier = earlier
    self.places = places
    placeOfTag = Histories.places(releases)
    samePlaces = places.enumerated().allSatisfy { $1 == -1 || $1 == $0 }
    // The codes whose history changes: those of the new changes, and those with an item of an
    // earlier release not shown now.
    var changed = Set(changes.keys)
    if places.contains(-1) {
      for record in earlier.records where earlier.places(record.items).contains(where: { places[$0] == -1 }) {
        changed.insert(record.resource.codeText)
      }
      for orphan in earlier.orphans where earlier.places(orphan.items).contains(where: { places[$0] == -1 }) {
        changed.insert(orphan.code)
      }
    }
    // The earlier histories of the changed codes, and of resources no record at their path has.
    var wanted = changed
    for resource in resources where resource.record < 0 { wanted.insert(resource.codeText) }
    if !wanted.isEmpty {
      let codes = Set(wanted.compactMap { ResourceCode($0) })
      for record in earlier.records where codes.contains(record.resource.code) {
        let code = record.resource.codeText
        if found[code] == nil { found[code] = record.items }
      }
      for orphan in earlier.orphans where wanted.contains(orphan.code) && found[orphan.code] == nil {
        found[orphan.code] = orphan.items
      }
    }
    for code in changed {
      // Oldest first: the earlier items still shown, and the new ones, by the place of their release.
      var items: [(place: Int, item: HistoryItem)] = []
      if let range = found[code], let stored = earlier.placedItems(range) {
        for (place, item) in stored.reversed() where places[place] >= 0 { items.append((places[place], item)) }
      }
      items += changes[code] ?? []
      let ordered = items.enumerated().sorted { ($0.element.place, $0.offset) < ($1.element.place, $1.offset) }
      made[code] = ordered.reversed().map(\.element.item)
    }
    madeCodes = Set(made.keys.compactMap { ResourceCode($0) })
  }

  private static func places(_ releases: [String]) -> [String: Int] {
    var places: [String: Int] = [:]
    for (place, tag) in releases.enumerated() where places[tag] == nil { places[tag] = place }
    return places
  }

  /// Where a resource's history comes from: made here, or the earlier state's items at a
  /// range (with the record's fingerprint of them, when it is that record's).
  private enum Source {
    case made([HistoryItem])
    case stored(Range<Int>, fingerprint: UInt64?)
  }

  private func source(_ resource: SiteResource) -> Source {
    guard let earlier else { return .made(made[resource.codeText] ?? []) }
    if !madeCodes.isEmpty && madeCodes.contains(resource.code) { return .made(made[resource.codeText] ?? []) }
    if resource.record >= 0 && resource.record < earlier.records.count {
      let record = earlier.records[resource.record]
      return .stored(record.items, fingerprint: record.history)
    }
    if let range = found[resource.codeText] { return .stored(range, fingerprint: nil) }
    return .made([])
  }

  /// The history of `resource`, newest first.
  func items(_ resource: SiteResource) -> [HistoryItem] {
    switch source(resource) {
    case .made(let items): return items
    case .stored(let range, _): return earlier?.items(range) ?? []
    }
  }

  /// The fingerprint of the history of `resource` (`PublishState.history`).
  func fingerprint(_ resource: SiteResource) -> UInt64 {
    switch source(resource) {
    case .made(let items): return PublishState.history(items)
    case .stored(let range, let fingerprint): return fingerprint ?? PublishState.history(earlier?.items(range) ?? [])
    }
  }

  /// Writes the history of `resource` into a state: its items' length and bytes.
  func write(_ resource: SiteResource, into out: inout ByteWriter) {
    switch source(resource) {
    case .made(let items): write(items, into: &out)
    case .stored(let range, _): copy(range, into: &out)
    }
  }

  private func write(_ items: [HistoryItem], into out: inout ByteWriter) {
    write(items.map { (placeOfTag[$0.release] ?? 0, $0) }, into: &out)
  }

  private func write(_ items: [(place: Int, item: HistoryItem)], into out: inout ByteWriter) {
    var bytes = ByteWriter()
    PublishState.write(items: items, into: &bytes)
    out.varint(bytes.bytes.count)
    out.bytes += bytes.bytes
  }

  /// Earlier items, as they are when their releases keep their places, else with their places now.
  private func copy(_ range: Range<Int>, into out: inout ByteWriter) {
    guard let earlier else { return out.varint(0) }
    if samePlaces {
      out.varint(range.count)
      out.bytes += earlier.bytes[range]
    } else {
      let items = (earlier.placedItems(range) ?? []).filter { places[$0.place] >= 0 }
      write(items.map { (places[$0.place], $0.item) }, into: &out)
    }
  }

  /// Writes the histories of the codes no resource of `site` has: their number, then each code
  /// and its items, in code order.
  func writeOrphans(_ site: Site, into out: inout ByteWriter) {
    var orphans: [String: Source] = [:]
    for (code, items) in made where !items.isEmpty && site.byCode[code] == nil { orphans[code] = .made(items) }
    if let earlier {
      // The earlier records no resource stands at now, and the earlier orphans.
      var taken = [Bool](repeating: false, count: earlier.records.count)
      for resource in site.resources where resource.record >= 0 && resource.record < taken.count {
        taken[resource.record] = true
      }
      var others: [(String, Range<Int>)] = earlier.orphans
      for (index, record) in earlier.records.enumerated() where !taken[index] {
        others.append((record.resource.codeText, record.items))
      }
      for (code, range) in others where orphans[code] == nil && site.byCode[code] == nil {
        if made[code] != nil || range.isEmpty { continue }
        orphans[code] = .stored(range, fingerprint: nil)
      }
    }
    let codes = orphans.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    out.varint(codes.count)
    for code in codes {
      out.string(code)
      switch orphans[code]! {
      case .made(let items): write(items, into: &out)
      case .stored(let range, _): copy(range, into: &out)
      }
    }
  }
}

extension PublishState {
  /// A history's items, newest first: each as the place of its release in the state's releases,
  /// its kind and whether it breaks, its fields (name, old and new value, whether it breaks).
  static func write(items: [(place: Int, item: HistoryItem)], into out: inout ByteWriter) {
    for (place, item) in items {
      out.varint(place)
      out.varint((ChangeKind.allCases.firstIndex(of: item.kind) ?? 0) << 1 | (item.breaking ? 1 : 0))
      out.varint(item.fields.count)
      for field in item.fields {
        out.string(field.field)
        out.optional(field.old)
        out.optional(field.new)
        out.varint(field.impact == .breaking ? 1 : 0)
      }
    }
  }

  /// The items at `range` of the state's bytes; nil when they do not read.
  func items(_ range: Range<Int>) -> [HistoryItem]? {
    placedItems(range)?.map(\.item)
  }

  /// The items at `range` of the state's bytes, each with the place of its release; nil when
  /// they do not read.
  func placedItems(_ range: Range<Int>) -> [(place: Int, item: HistoryItem)]? {
    guard !range.isEmpty else { return [] }
    var reader = ByteReader(bytes: bytes, position: range.lowerBound, end: range.upperBound)
    var items: [(place: Int, item: HistoryItem)] = []
    while reader.position < reader.end {
      guard let place = reader.varint(), place < releases.count, let flags = reader.varint(),
        flags >> 1 < ChangeKind.allCases.count, let count = reader.varint(), count <= range.count
      else { return nil }
      var fields: [FieldChange] = []
      for _ in 0..<count {
        guard let field = reader.string(), let old = reader.optional(), let new = reader.optional(),
          let impact = reader.varint()
        else { return nil }
        fields.append(FieldChange(field: field, old: old, new: new, impact: impact == 1 ? .breaking : .compatible))
      }
      let release = releases[place].mark
      items.append(
        (
          place,
          HistoryItem(
            release: release.tag, date: release.date, kind: ChangeKind.allCases[flags >> 1], breaking: flags & 1 != 0,
            fields: fields)
        ))
    }
    return items
  }

  /// The places of the releases of the items at `range`, read without their fields' text.
  func places(_ range: Range<Int>) -> [Int] {
    var reader = ByteReader(bytes: bytes, position: range.lowerBound, end: range.upperBound)
    var places: [Int] = []
    while reader.position < reader.end {
      guard let place = reader.varint(), place < releases.count, reader.varint() != nil, let count = reader.varint()
      else { return places }
      for _ in 0..<count {
        guard reader.slice() != nil, reader.optional() != nil, reader.optional() != nil, reader.varint() != nil
        else { return places }
      }
      places.append(place)
    }
    return places
  }
}

extension ByteWriter {
  /// An optional string: 0 for none, else its length + 1 and its UTF-8.
  mutating func optional(_ text: String?) {
    guard let text else { return varint(0) }
    var copy = text
    copy.withUTF8 { utf8 in
      varint(utf8.count + 1)
      bytes.append(contentsOf: utf8)
    }
  }
}

extension ByteReader {
  /// What `ByteWriter.optional` wrote: .some(nil) for none, nil when it does not read.
  mutating func optional() -> String?? {
    guard let count = varint() else { return nil }
    if count == 0 { return .some(nil) }
    guard count - 1 <= end - position else { return nil }
    defer { position += count - 1 }
    return .some(String(decoding: bytes[position..<position + count - 1], as: UTF8.self))
  }
}
