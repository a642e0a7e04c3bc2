import MuluParallel

/// One path whose entry differs from the snapshot a `RegistryState` was made of.
public struct EntryChange: Sendable {
  public var path: String
  /// The entry now; nil when the path is gone.
  public var entry: SnapshotEntry?
  /// Its stat data, in a working tree.
  public var stamp: FileStamp?

  public init(path: String, entry: SnapshotEntry?, stamp: FileStamp? = nil) {
    self.path = path
    self.entry = entry
    self.stamp = stamp
  }
}

extension RegistryState {
  /// The verdict on a snapshot that differs from this state's by `changes`: exactly that of a
  /// full validation (`Validator.validate`), judging again only what a change can reach.
  ///
  /// The changed files are read and judged. Of the registry-wide rules, each judges again the
  /// files that share a key with a changed file, before or after the change: `code.duplicate`
  /// the holders of its codes; `name.duplicate` the files of its folder and name;
  /// `related.unknown` the files naming a code that came or went; `related.retired` the files
  /// naming a code whose first holder's retirement changed; `tree.case-collision` the paths
  /// equal to a changed one but for case. `items.overlaps-base` judges the changed department
  /// resources against the base resources, and every department resource when a base resource's
  /// items, provider or code changed, or one came or went. The files the rules look at are
  /// found on the state's columns; only those become `String`s.
  ///
  /// `snapshot` reads the changed files and, through `lookup`, `registry.yaml` and the
  /// dictionaries. With `keep`, the new state is made too.
  public func revalidate(
    _ changes: [EntryChange], in snapshot: any Snapshot, lookup: (String) throws -> SnapshotEntry?, tree: ContentKey?,
    racySince: Int64 = .max, keep: Bool, workers: Int = Validator.defaultWorkers
  ) throws -> (Report, StateWriter?) {
    if changes.isEmpty { return (try report(), nil) }
    var judge = try Rejudging(state: self, changes: changes, snapshot: snapshot, lookup: lookup, workers: workers)
    try judge.run()
    let report = try judge.report()
    guard keep else { return (report, nil) }
    return (report, try judge.newState(tree: tree, racySince: racySince))
  }
}

/// One `revalidate`: what changed, and what the rules judge again.
private struct Rejudging {
  let state: RegistryState
  let changes: [EntryChange]
  let snapshot: any Snapshot
  let context: Validator.Context
  let workers: Int

  /// Old entries whose path changed.
  var changedEntries = Set<Int>()
  /// Old resources that are gone or changed.
  var removed: [Bool]
  var removedList: [Int] = []
  /// The resource files among the changes, read.
  var fresh: [Fresh] = []
  /// Findings made again, and the old entries whose findings of each kind they replace.
  var added: [Finding] = []
  var replaced: [RegistryState.FindingKind: Set<Int>] = [:]
  /// Kinds whose old findings are all replaced.
  var replacedAll: Set<RegistryState.FindingKind> = []
  /// Text numbers of the state, and those of new texts after them.
  var textNumbers: [String: UInt32] = [:]
  var newTexts: [String] = []

  struct Fresh: Sendable {
    var change: Int
    var path: String
    var digest: ResourceDigest
    var own: [Finding]
    /// Its item names, in the order of the digest's items.
    var items: [String]
  }

  /// A resource of the new snapshot: an unchanged one of the state, or a changed one.
  enum Current: Hashable, Sendable {
    case old(Int)
    case new(Int)
  }

  init(
    state: RegistryState, changes: [EntryChange], snapshot: any Snapshot, lookup: (String) throws -> SnapshotEntry?,
    workers: Int
  ) throws {
    self.state = state
    self.snapshot = snapshot
    self.workers = workers
    guard let registryEntry = try lookup("registry.yaml") else { throw CatalogError.notARegistry(snapshot.label) }
    context = try Validator.readContext(registryEntry, from: snapshot) { try lookup($0) }
    // In byte order, each path once.
    var sorted = changes.sorted { PathOrder.compare($0.path, $1.path) < 0 }
    sorted = sorted.enumerated().filter { $0.offset + 1 == sorted.count || sorted[$0.offset + 1].path != $0.element.path }
      .map(\.element)
    self.changes = sorted
    removed = [Bool](repeating: false, count: state.resourceCount)
    for change in sorted {
      guard let old = state.entry(of: change.path) else { continue }
      changedEntries.insert(old)
      let resource = Int(state.i32(.entryResource, old))
      if resource >= 0 {
        removed[resource] = true
        removedList.append(resource)
      }
    }
  }

  var settings: RegistrySettings { context.settings }

  // MARK: Reading the changed files

  mutating func readChanged() throws {
    var placed: [(Int, String, ResourceCode)] = []
    for (index, change) in changes.enumerated() {
      guard let entry = change.entry, entry.isFile,
        case .resource(let folder, let code)? = TreeLayout.resourceRole(of: change.path)
      else { continue }
      placed.append((index, folder, code))
    }
    let index = Catalog(
      label: snapshot.label, settings: settings, departments: context.departments,
      classification: context.classification, dictionariesRead: context.dictionariesRead, digests: [],
      codes: CodeIndex([]))
    let rules = CatalogRules.resourceRules.filter { settings.runs($0) && $0.id != RelatedUnknown.id }
    let names = ItemNames()
    let changes = changes
    let snapshot = snapshot
    let limit = settings.maxFileBytes
    let read = try parallelMap(placed, workers: workers) { (position, folder, code) -> (ResourceFile, [Finding]) in
      let (file, findings) = try Validator.readResource(
        changes[position].entry!, folder: folder, code: code, from: snapshot, limit: limit)
      var judged = findings
      if let resource = file.resource { for rule in rules { judged += rule.check(file, resource, in: index) } }
      return (file, judged)
    }
    for index in 0..<state.textCount { textNumbers[state.text(index)] = UInt32(index) }
    let allNames = { names.names }
    for ((position, folder, code), (file, own)) in zip(placed, read) {
      var digest = ResourceDigest(file, fileCode: code, folder: folder, names: names)
      var items: [String] = []
      if var content = digest.content {
        let table = allNames()
        items = content.items.map { table[Int($0)] }
        content.items = items.map { number(of: $0) }
        digest.content = content
      }
      fresh.append(Fresh(change: position, path: changes[position].path, digest: digest, own: own, items: items))
    }
  }

  /// The text number of `text`: the state's, or a new one after them.
  mutating func number(of text: String) -> UInt32 {
    if let number = textNumbers[text] { return number }
    let number = UInt32(state.textCount + newTexts.count)
    newTexts.append(text)
    textNumbers[text] = number
    return number
  }

  // MARK: Looking up

  func path(_ current: Current) -> String {
    switch current {
    case .old(let resource): state.path(Int(state.u32(.resourceEntry, resource)))
    case .new(let index): fresh[index].path
    }
  }

  func digest(_ current: Current) throws -> ResourceDigest {
    switch current {
    case .old(let resource): try state.record(resource).digest
    case .new(let index): fresh[index].digest
    }
  }

  func entryOf(_ resource: Int) -> Int { Int(state.u32(.resourceEntry, resource)) }

  /// The catalog of some resources, in path order, for a rule to judge.
  func catalog(_ members: some Sequence<Current>) throws -> Catalog {
    let sorted = Set(members).map { ($0, path($0)) }.sorted { PathOrder.compare($0.1, $1.1) < 0 }
    let digests = try sorted.map { try digest($0.0) }
    return Catalog(
      label: snapshot.label, settings: settings, departments: context.departments,
      classification: context.classification, dictionariesRead: context.dictionariesRead, digests: digests,
      codes: CodeIndex(digests.map(\.fileCode)))
  }

  /// The unchanged resources of the state whose code is one of `codes` (with the changed and
  /// gone ones too when `all`), by code.
  func holders(of codes: Set<ResourceCode>, all: Bool = false) -> [ResourceCode: [Int]] {
    guard !codes.isEmpty else { return [:] }
    let hashes = Set(codes.map(RegistryState.hash))
    var found: [ResourceCode: [Int]] = [:]
    for resource in 0..<state.resourceCount where (all || !removed[resource]) && hashes.contains(state.u64(.codeHash, resource)) {
      if let code = state.fileCode(resource), codes.contains(code) { found[code, default: []].append(resource) }
    }
    return found
  }

  /// The unchanged resources whose links (`related`, `replaced_by`) may name one of `codes`.
  func referrers(of codes: Set<ResourceCode>) -> [Int] {
    guard !codes.isEmpty else { return [] }
    let hashes = Set(codes.map(RegistryState.hash))
    var found: [Int] = []
    for resource in 0..<state.resourceCount where !removed[resource] {
      for index in state.related(resource) where hashes.contains(state.u64(.related, index)) {
        found.append(resource)
        break
      }
    }
    return found
  }

  // MARK: Judging

  mutating func run() throws {
    try readChanged()
    added += context.findings
    let present = changes.compactMap(\.entry)
    added += TreeLayout.check(present, requireDictionaries: false)
    try caseCollisions()
    for item in fresh { added += item.own }

    var codes = Set<ResourceCode>()
    for resource in removedList { if let code = state.fileCode(resource) { codes.insert(code) } }
    for item in fresh { codes.insert(item.digest.fileCode) }
    let oldHolders = holders(of: codes, all: true)
    var holders: [ResourceCode: [Current]] = [:]
    for (code, list) in oldHolders {
      for resource in list where !removed[resource] { holders[code, default: []].append(.old(resource)) }
    }
    for (index, item) in fresh.enumerated() { holders[item.digest.fileCode, default: []].append(.new(index)) }

    if settings.runs(CodeDuplicate.self) {
      let members = holders.values.flatMap { $0 }
      added += CodeDuplicate.check(try catalog(members))
      replace(.codeDuplicate, members)
    }
    if settings.runs(NameDuplicate.self) { try names() }
    if settings.runs(RelatedUnknown.self) {
      let cameOrWent = codes.filter { (oldHolders[$0]?.isEmpty ?? true) != (holders[$0]?.isEmpty ?? true) }
      let judged = referrers(of: Set(cameOrWent)).map(Current.old) + fresh.indices.map(Current.new)
      let digests = try judged.map { try digest($0) }
      var wanted = Set<ResourceCode>()
      for digest in digests {
        guard let content = digest.content else { continue }
        for (code, _) in content.related where !codes.contains(code) { wanted.insert(code) }
        if let text = content.replacedBy, let code = ResourceCode(text), !codes.contains(code) { wanted.insert(code) }
      }
      let others = self.holders(of: wanted)
      for digest in digests {
        added += RelatedUnknown.check(digest) { code in
          codes.contains(code) ? !(holders[code]?.isEmpty ?? true) : others[code] != nil
        }
      }
      replace(.relatedUnknown, judged)
    }
    if settings.runs(RelatedRetired.self) { try retired(codes: codes, oldHolders: oldHolders, holders: holders) }
    if settings.runs(ItemsOverlapsBase.self) { try overlaps() }
  }

  mutating func replace(_ kind: RegistryState.FindingKind, _ members: some Sequence<Current>) {
    for case .old(let resource) in members { replaced[kind, default: []].insert(entryOf(resource)) }
  }

  /// `name.duplicate` on the files of each folder that had or has a changed file's name.
  mutating func names() throws {
    var keys: [String: [String]] = [:]
    for resource in removedList where state.flags(resource).contains(.named) {
      let digest = try state.record(resource).digest
      keys[digest.folder, default: []].append(digest.name)
    }
    for item in fresh where item.digest.isRead && !item.digest.isRetired && !item.digest.name.isEmpty {
      keys[item.digest.folder, default: []].append(item.digest.name)
    }
    guard !keys.isEmpty else { return }
    var folders: [UInt32: (names: [String], hashes: Set<UInt64>, odd: Bool)] = [:]
    for (folder, names) in keys {
      guard let number = textNumbers[folder], Int(number) < state.textCount else { continue }
      folders[number] = (names, Set(names.map { RegistryState.hash($0.utf8) }), names.contains { !$0.isPlainNFC })
    }
    var members: [Current] = fresh.indices.filter { fresh[$0].digest.isRead && !fresh[$0].digest.isRetired }.map(Current.new)
    for resource in 0..<state.resourceCount where !removed[resource] && state.flags(resource).contains(.named) {
      guard let key = folders[state.u32(.folder, resource)] else { continue }
      guard key.odd || state.flags(resource).contains(.oddName) || key.hashes.contains(state.u64(.nameHash, resource))
      else { continue }
      let name = try state.record(resource).digest.name
      if key.names.contains(where: { $0 == name }) { members.append(.old(resource)) }
    }
    added += NameDuplicate.check(try catalog(members))
    replace(.nameDuplicate, members)
  }

  /// `related.retired` on the changed files, and on the files naming a code whose first
  /// holder is another, or was or is retired otherwise.
  mutating func retired(
    codes: Set<ResourceCode>, oldHolders: [ResourceCode: [Int]], holders: [ResourceCode: [Current]]
  ) throws {
    func view(_ current: Current?) throws -> String? {
      guard let current, let content = try digest(current).content else { return current == nil ? nil : "-" }
      return content.isRetired ? "retired " + (content.replacedBy ?? "") : "-"
    }
    var reaching = Set<ResourceCode>()
    for code in codes {
      let before = oldHolders[code]?.first.map(Current.old)
      let after = holders[code]?.min { PathOrder.compare(path($0), path($1)) < 0 }
      if try view(before) != view(after) { reaching.insert(code) }
    }
    let judged = referrers(of: reaching).map(Current.old) + fresh.indices.map(Current.new)
    var wanted = Set<ResourceCode>()
    for current in judged {
      for (code, _) in try digest(current).content?.related ?? [] { wanted.insert(code) }
    }
    var members = Set(judged)
    for (code, list) in holders where wanted.contains(code) { members.formUnion(list) }
    for list in self.holders(of: wanted.subtracting(codes)).values { members.formUnion(list.map(Current.old)) }
    let paths = Set(judged.map(path))
    added += RelatedRetired.check(try catalog(members)).filter { paths.contains($0.path) }
    replace(.relatedRetired, judged)
  }

  /// `items.overlaps-base`.
  mutating func overlaps() throws {
    // What a base resource is to the rule: its provider, code and item names.
    func view(_ digest: ResourceDigest) -> String? {
      guard let content = digest.content, !content.isRetired, digest.writtenCode.hasPrefix("1") else { return nil }
      return "\(content.providerCode) \(digest.code) \(content.items.sorted())"
    }
    var before: [String: String] = [:]
    var after: [String: String] = [:]
    for resource in removedList where state.flags(resource).contains(.base) {
      before[path(.old(resource))] = view(try state.record(resource).digest)
    }
    for item in fresh { after[item.path] = view(item.digest) }
    let everything = before != after
    // The base resources in path order.
    var bases: [Current] = []
    var providers: [Int32] = []
    var items: [[ItemNames.Symbol]] = []
    for item in fresh { _ = number(of: item.digest.content?.providerCode ?? item.digest.folder) }
    var freshBases = fresh.indices.filter { view(fresh[$0].digest) != nil }.makeIterator()
    var nextFresh = freshBases.next()
    func addFresh(_ index: Int) {
      bases.append(.new(index))
      let content = fresh[index].digest.content!
      providers.append(Int32(textNumbers[content.providerCode]!))
      items.append(content.items)
    }
    for resource in 0..<state.resourceCount where !removed[resource] && state.flags(resource).contains(.base) {
      let oldPath = state.pathBytes(entryOf(resource))
      while let index = nextFresh, PathOrder.compare(fresh[index].path, String(decoding: oldPath, as: UTF8.self)) < 0 {
        addFresh(index)
        nextFresh = freshBases.next()
      }
      bases.append(.old(resource))
      providers.append(Int32(state.u32(.provider, resource)))
      items.append(state.items(resource).map { state.u32(.items, $0) })
    }
    while let index = nextFresh {
      addFresh(index)
      nextFresh = freshBases.next()
    }
    let index = ItemsOverlapsBase.BaseIndex(
      positions: Array(bases.indices), providers: providers, ranks: (0..<Int32(bases.count)).map { $0 },
      items: items, commonCarriers: ItemsOverlapsBase.commonCarriers)
    var judged: [Current] = fresh.indices.filter { index in
      guard let content = fresh[index].digest.content, !content.isRetired, !content.items.isEmpty else { return false }
      return fresh[index].digest.writtenCode.hasPrefix("3")
    }.map(Current.new)
    if everything {
      judged += (0..<state.resourceCount).filter { !removed[$0] && state.flags($0).contains(.department) }.map(Current.old)
      replacedAll.insert(.overlapsBase)
    }
    guard !index.providers.isEmpty else { return }
    let (kept, freshItems, providerNumbers) = (state, fresh, textNumbers)
    let runs = stride(from: 0, to: judged.count, by: 2048).map { judged[$0..<min($0 + 2048, judged.count)] }
    let found = parallelMap(runs, workers: workers, run: 1) { (run: ArraySlice<Current>) -> [(Current, Int, Int, Int)] in
      var search = index.search()
      var found: [(Current, Int, Int, Int)] = []
      for current in run {
        let best: (base: Int, count: Int)?
        let names: Int
        switch current {
        case .old(let resource):
          let range = kept.items(resource)
          names = range.count
          best = search.best(items: range.lazy.map { kept.u32(.items, $0) }, provider: Int32(kept.u32(.provider, resource)))
        case .new(let position):
          let content = freshItems[position].digest.content!
          names = content.items.count
          best = search.best(items: content.items, provider: Int32(providerNumbers[content.providerCode]!))
        }
        if let best, ItemsOverlapsBase.repeats(best.count, of: names) { found.append((current, best.base, best.count, names)) }
      }
      return found
    }.flatMap { $0 }
    var baseCodes: [Int: String] = [:]
    for (current, base, count, names) in found {
      let digest = try digest(current)
      let baseCode = try baseCodes[base] ?? self.digest(bases[base]).code
      baseCodes[base] = baseCode
      added.append(
        ItemsOverlapsBase.finding(
          digest.path, at: digest.content?.itemsMark, code: digest.code, count: count, of: names, base: baseCode))
    }
  }

  /// `tree.case-collision` on the paths equal to a changed one but for case.
  mutating func caseCollisions() throws {
    let ascii = state.allASCII && changes.allSatisfy { $0.path.utf8.allSatisfy { $0 < 0x80 } }
    var entries: [SnapshotEntry] = changes.compactMap(\.entry)
    if ascii {
      let hashes = Set(changes.map { RegistryState.folded($0.path.utf8) })
      for entry in 0..<state.entryCount where hashes.contains(state.u64(.folded, entry)) && !changedEntries.contains(entry) {
        entries.append(SnapshotEntry(path: state.path(entry), kind: state.kind(entry)))
        replaced[.caseCollision, default: []].insert(entry)
      }
    } else {
      for entry in 0..<state.entryCount where !changedEntries.contains(entry) {
        entries.append(SnapshotEntry(path: state.path(entry), kind: state.kind(entry)))
      }
      replacedAll.insert(.caseCollision)
    }
    added += TreeCaseCollision.check(entries)
  }

  // MARK: The verdict

  /// The old findings that stand.
  func keptFindings() -> [Int] {
    var kept: [Int] = []
    kept.reserveCapacity(state.findingCount)
    for index in 0..<state.findingCount {
      let kind = state.findingKind(index)
      if kind == .context || replacedAll.contains(kind) { continue }
      let entry = Int(state.i32(.findingEntry, index))
      if entry >= 0 && (changedEntries.contains(entry) || replaced[kind]?.contains(entry) == true) { continue }
      kept.append(index)
    }
    return kept
  }

  func report() throws -> Report {
    var findings: [Finding] = []
    let kept = keptFindings()
    findings.reserveCapacity(kept.count + added.count)
    for index in kept { findings.append(try state.finding(index)) }
    return Report(findings: Validator.apply(settings, to: findings + added))
  }

  /// The state of the new snapshot.
  func newState(tree: ContentKey?, racySince: Int64) throws -> StateWriter {
    var writer = StateWriter(continuing: state, tree: tree, overrides: settings.overrides, racySince: racySince)
    var freshOf: [Int: Int] = [:]
    for (index, item) in fresh.enumerated() { freshOf[item.change] = index }
    var numbers = [Int32](repeating: -1, count: state.entryCount)
    var next = 0
    func addChange(_ position: Int) {
      let change = changes[position]
      guard let entry = change.entry else { return }
      let item = freshOf[position].map { fresh[$0] }
      writer.addEntry(
        change.path, kind: entry.kind, id: entry.contentID.flatMap(ContentKey.init(hex:)), stamp: change.stamp,
        resource: item != nil)
      if let item { writer.addResource(item.digest, items: item.items, findings: item.own) }
    }
    for entry in 0..<state.entryCount {
      let bytes = state.pathBytes(entry)
      while next < changes.count && changes[next].path.utf8.withContiguousStorageIfAvailable({ PathOrder.compare($0, bytes) < 0 })
        ?? (PathOrder.compare(changes[next].path, String(decoding: bytes, as: UTF8.self)) < 0)
      {
        addChange(next)
        next += 1
      }
      if changedEntries.contains(entry) { continue }
      let resource = Int(state.i32(.entryResource, entry))
      numbers[entry] = Int32(writer.entryCount)
      writer.copyEntry(entry, of: state, resource: resource >= 0)
      if resource >= 0 { writer.copyResource(resource, of: state) }
    }
    while next < changes.count {
      addChange(next)
      next += 1
    }
    for index in keptFindings() {
      let entry = Int(state.i32(.findingEntry, index))
      writer.copyFinding(index, of: state, entry: entry >= 0 ? Int(numbers[entry]) : -1)
    }
    for finding in added.sorted(by: Finding.ordered) {
      writer.addFinding(finding, entry: writer.entryNumber(of: finding.path) ?? -1)
    }
    return writer
  }
}
