#if canImport(Glibc)
  import Glibc
#endif
import MuluParallel
import MuluYAML

/// The one validation engine: the same verdict on a working tree, a commit, a push or a sync.
public enum Validator {
  /// Validates a whole snapshot. `settings`, when given, stand for those of its `registry.yaml`
  /// (limits and severities; the file is still checked).
  public static func validate(
    _ snapshot: any Snapshot, settings: RegistrySettings? = nil, workers: Int = defaultWorkers
  ) throws -> Report {
    let (catalog, findings) = try load(snapshot, settings: settings, workers: workers)
    return Report(findings: apply(catalog.settings, to: findings + check(catalog)))
  }

  /// Both cores of the machine, or what it has.
  public static let defaultWorkers: Int = {
    let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return max(1, min(Int(count), 16))
  }()

  /// Reads a snapshot into a catalog, with the findings of reading (layout, syntax, schema,
  /// dictionaries) and of each file's own rules. `settings`, when given, stand for those of its
  /// `registry.yaml`.
  public static func load(
    _ snapshot: any Snapshot, settings: RegistrySettings? = nil, workers: Int = defaultWorkers
  ) throws -> (Catalog, [Finding]) {
    let (catalog, findings, _, _) = try load(
      snapshot, settings: settings, workers: workers, tally: NoTally.self, keepOwn: false)
    return (catalog, findings)
  }

  /// A full validation that also writes the `RegistryState` of the snapshot (see there) to
  /// `sink`, as it is made: its `entries` with the stat data `stamps` gives at the same positions
  /// (or their blob ids), and the tree it is, for a revision. Stat data changed at or after
  /// `racySince` are not kept. The flag is false when the sink refused a part.
  public static func validate(
    _ snapshot: any Snapshot, keepingStateAs context: String, stamps: [FileStamp?] = [], tree: ContentKey? = nil,
    racySince: Int64 = .max, workers: Int = defaultWorkers, to sink: @escaping (UnsafeRawBufferPointer) -> Bool
  ) throws -> (Report, Bool) {
    let names = ItemNames()
    // The catalog is let go before the state is made, and its digests as they are written.
    var (all, settings, digests, own): ([Finding], RegistrySettings, [ResourceDigest], [[Finding]]) = try {
      let (catalog, findings, _, own) = try load(
        snapshot, settings: nil, workers: workers, tally: NoTally.self, keepOwn: true, names: names)
      return (findings + check(catalog, workers: workers), catalog.settings, catalog.resources, own)
    }()
    let written = RegistryState.write(
      entries: snapshot.entries, stamps: stamps, digests: &digests, settings: settings, own: own, findings: all,
      names: names, context: context, tree: tree, racySince: racySince, to: sink)
    own = []
    digests = []
    all = apply(settings, to: all)
    return (Report(findings: all), written)
  }

  /// `load`, also adding every resource file, as it is read, to a tally of the caller's
  /// (`mulu report` counts what it needs of each resource in the one pass that validates it).
  public static func load<Tally: ResourceTally>(
    _ snapshot: any Snapshot, settings: RegistrySettings? = nil, workers: Int = defaultWorkers, tally: Tally.Type
  ) throws -> (Catalog, [Finding], Tally) {
    let (catalog, findings, tally, _) = try load(
      snapshot, settings: settings, workers: workers, tally: tally, keepOwn: false)
    return (catalog, findings, tally)
  }

  /// `load` with a tally; with `keepOwn`, each resource file's own findings too (for a
  /// `RegistryState`).
  private static func load<Tally: ResourceTally>(
    _ snapshot: any Snapshot, settings: RegistrySettings?, workers: Int, tally: Tally.Type, keepOwn: Bool,
    names: ItemNames = ItemNames()
  ) throws -> (Catalog, [Finding], Tally, [[Finding]]) {
    let entries = snapshot.entries
    // The files the context is read from; the resource files are many and are not looked up.
    var byPath: [String: SnapshotEntry] = [:]
    for entry in entries where !entry.path.hasPrefix("catalogs/") { byPath[entry.path] = entry }
    guard let registryEntry = byPath["registry.yaml"] else { throw CatalogError.notARegistry(snapshot.label) }

    let layout = TreeLayout.layout(entries)
    var findings = layout.findings + TreeCaseCollision.check(entries)

    let context = try readContext(registryEntry, from: snapshot, settings: settings) { byPath[$0] }
    findings += context.findings
    let settings = context.settings

    let resourceEntries = resourceFiles(entries, roles: layout.roles)
    let index = Catalog(
      label: snapshot.label, settings: settings, departments: context.departments,
      classification: context.classification, dictionariesRead: context.dictionariesRead, digests: [],
      codes: CodeIndex(resourceEntries.map(\.2)))
    let (digests, fileFindings, tally, own) = try readAndJudge(
      resourceEntries, of: snapshot, in: index, workers: workers, tally: Tally.self, keepOwn: keepOwn, names: names)
    findings += fileFindings
    let catalog = index.with(digests: digests)
    return (catalog, findings, tally, own)
  }

  /// The resource files of a snapshot, with their folder and code; each folder's name is held
  /// once, however many files it has.
  private static func resourceFiles(_ entries: [SnapshotEntry], roles: [TreeLayout.Role]) -> [(SnapshotEntry, String, ResourceCode)] {
    var folders: [String: String] = [:]
    var found: [(SnapshotEntry, String, ResourceCode)] = []
    for (entry, role) in zip(entries, roles) {
      guard entry.isFile, case .resource(let folder, let code) = role else { continue }
      let shared = folders[folder] ?? folder
      folders[folder] = shared
      found.append((entry, shared, code))
    }
    // Resources stand in the byte order of their paths, whatever the snapshot's order (a sparse
    // checkout adds the files it leaves out at the end): the first of two files of one code is
    // the same in every snapshot of the same files.
    if !zip(found, found.dropFirst()).allSatisfy({ PathOrder.compare($0.0.path, $1.0.path) < 0 }) {
      found.sort { PathOrder.compare($0.0.path, $1.0.path) < 0 }
    }
    return found
  }

  /// Each file read, parsed and judged by its own rules on its own, in one pass, then kept as a
  /// digest only. The files are handed out in
  /// runs, whose digests are moved into one list as it is made.
  private static func readAndJudge<Tally: ResourceTally>(
    _ resourceEntries: [(SnapshotEntry, String, ResourceCode)], of snapshot: any Snapshot, in index: Catalog,
    workers: Int, tally: Tally.Type, keepOwn: Bool, names: ItemNames
  ) throws -> ([ResourceDigest], [Finding], Tally, [[Finding]]) {
    let settings = index.settings
    let resourceRules = CatalogRules.resourceRules.filter { settings.runs($0) }
    let runs = stride(from: 0, to: resourceEntries.count, by: 256).map { $0..<min($0 + 256, resourceEntries.count) }
    var read = try parallelMap(runs, workers: workers, run: 1) { run in
      var digests: [ResourceDigest] = []
      digests.reserveCapacity(run.count)
      var findings: [Finding] = []
      // Each file's own findings, but `related.unknown`'s, for a `RegistryState`.
      var own: [[Finding]] = []
      var tally = Tally()
      for position in run {
        let (entry, folder, code) = resourceEntries[position]
        let (file, fileFindings) = try readResource(
          entry, folder: folder, code: code, from: snapshot, limit: settings.maxFileBytes)
        var judged = fileFindings
        if let resource = file.resource {
          for rule in resourceRules { judged += rule.check(file, resource, in: index) }
        }
        tally.add(file)
        let digest = ResourceDigest(file, fileCode: code, folder: folder, names: names)
        findings += judged
        digests.append(digest)
        if keepOwn { own.append(judged.filter { $0.rule != RelatedUnknown.id }) }
      }
      return (digests, findings, tally, own)
    }
    var digests: [ResourceDigest] = []
    digests.reserveCapacity(resourceEntries.count)
    var findings: [Finding] = []
    var tally = Tally()
    var own: [[Finding]] = []
    for position in read.indices {
      digests += read[position].0
      findings += read[position].1
      tally.merge(read[position].2)
      own += read[position].3
      read[position] = ([], [], Tally(), [])
    }
    return (digests, findings, tally, own)
  }

  /// Runs the registry-wide rules (`load` has run each file's own rules), each on its own core;
  /// not those that `registry.yaml` turns off.
  public static func check(_ catalog: Catalog, workers: Int = defaultWorkers) -> [Finding] {
    let rules = CatalogRules.registryRules.filter { catalog.settings.runs($0) }
    return parallelMap(rules, workers: workers, run: 1) { $0.check(catalog) }.flatMap { $0 }
  }

  /// The severities `registry.yaml` sets: `off` drops a rule's findings (those of reading a
  /// file, which run whatever the settings; the other rules are not run when off).
  public static func apply(_ settings: RegistrySettings, to findings: [Finding]) -> [Finding] {
    guard !settings.overrides.isEmpty else { return findings }
    return findings.compactMap { finding in
      switch settings.overrides[finding.rule] {
      case nil: return finding
      case .off: return nil
      case .error: return with(finding, severity: .error)
      case .warning: return with(finding, severity: .warning)
      }
    }
  }

  private static func with(_ finding: Finding, severity: Severity) -> Finding {
    var copy = finding
    copy.severity = severity
    return copy
  }

  /// The registry's settings and dictionaries, read as validation reads them, and none of its
  /// resource files: for a caller that knows the verdict and needs the dictionaries.
  public static func context(of snapshot: any BrowsableSnapshot) throws -> Catalog {
    guard let registryEntry = try snapshot.entry(at: "registry.yaml") else {
      throw CatalogError.notARegistry(snapshot.label)
    }
    let context = try readContext(registryEntry, from: snapshot) { try snapshot.entry(at: $0) }
    return Catalog(
      label: snapshot.label, settings: context.settings, departments: context.departments,
      classification: context.classification, dictionariesRead: context.dictionariesRead, resources: [])
  }

  /// `registry.yaml` and the dictionaries, read.
  struct Context {
    var settings = RegistrySettings()
    var departments: [String: Department] = [:]
    var classification = Classification()
    var dictionariesRead = true
    var findings: [Finding] = []
  }

  /// Reads `registry.yaml`, the dictionaries, `access.yaml` and `sources.yaml`; `lookup` finds an entry by path.
  /// One that is not a file (a symbolic link, a folder) is not read: `tree.layout` reports it.
  /// `settings`, when given, stand for those `registry.yaml` sets.
  static func readContext(
    _ registryEntry: SnapshotEntry, from snapshot: any Snapshot, settings: RegistrySettings? = nil,
    lookup: (String) throws -> SnapshotEntry?
  ) throws -> Context {
    var context = Context()
    func file(_ path: String) throws -> SnapshotEntry? { try lookup(path).flatMap { $0.isFile ? $0 : nil } }
    let registryFile =
      registryEntry.isFile
      ? try readMetadata(registryEntry, from: snapshot, shape: Schemas.registry, limit: 1 << 20)
      : YAMLFile(root: nil, findings: [])
    context.findings += registryFile.findings
    context.settings = settings ?? registryFile.root.map(RegistrySettings.init) ?? RegistrySettings()
    context.findings += unknownRuleIDs(registryFile.root) + EvaluationPolicy.findings(registryFile.root)
    let limit = context.settings.maxFileBytes
    if let entry = try file("dictionaries/departments.yaml") {
      // The departments dictionary of a national registry is long: it may be larger than one resource.
      let (sixteenTimes, overflow) = limit.multipliedReportingOverflow(by: 16)
      let file = try readMetadata(
        entry, from: snapshot, shape: Schemas.departments, limit: overflow ? Int.max : sixteenTimes)
      context.findings += file.findings
      context.dictionariesRead = context.dictionariesRead && file.root != nil
      (context.departments, context.findings) = readDepartments(file.root, path: entry.path, findings: context.findings)
    } else {
      context.dictionariesRead = false
    }
    if let entry = try file("dictionaries/classification.yaml") {
      let file = try readMetadata(entry, from: snapshot, shape: Schemas.classification, limit: limit)
      context.findings += file.findings
      context.dictionariesRead = context.dictionariesRead && file.root != nil
      (context.classification, context.findings) = readClassification(
        file.root, path: entry.path, departments: context.departments, findings: context.findings)
    } else {
      context.dictionariesRead = false
    }
    if let entry = try file("access.yaml") {
      context.findings += try readMetadata(entry, from: snapshot, shape: Schemas.access, limit: limit).findings
    }
    if let entry = try file(SourceList.path) {
      let file = try readMetadata(entry, from: snapshot, shape: Schemas.sources, limit: limit)
      context.findings += file.findings + SourceList.check(file.root).1
    }
    return context
  }

  // MARK: Reading files

  static func readResource(
    _ entry: SnapshotEntry, folder: String, code: ResourceCode, from snapshot: any Snapshot, limit: Int
  ) throws -> (ResourceFile, [Finding]) {
    var file = ResourceFile(path: entry.path, folder: folder, fileCode: code)
    if let size = entry.size, size > limit {
      return (file, [FileTooLarge.finding(entry.path, size: size, limit: limit)])
    }
    let bytes = try readBytes(entry, from: snapshot)
    if bytes.count > limit {
      return (file, [FileTooLarge.finding(entry.path, size: bytes.count, limit: limit)])
    }
    let read = YAMLFile.read(bytes, path: entry.path, shape: Schemas.resource, code: code.description)
    file.root = read.root
    file.resource = read.root.map(Resource.init)
    return (file, read.findings)
  }

  static func readMetadata(_ entry: SnapshotEntry, from snapshot: any Snapshot, shape: FieldShape, limit: Int) throws
    -> YAMLFile
  {
    if let size = entry.size, size > limit {
      return YAMLFile(root: nil, findings: [FileTooLarge.finding(entry.path, size: size, limit: limit)])
    }
    let bytes = try readBytes(entry, from: snapshot)
    if bytes.count > limit {
      return YAMLFile(root: nil, findings: [FileTooLarge.finding(entry.path, size: bytes.count, limit: limit)])
    }
    return YAMLFile.read(bytes, path: entry.path, shape: shape)
  }

  private static func readBytes(_ entry: SnapshotEntry, from snapshot: any Snapshot) throws -> [UInt8] {
    do {
      return try snapshot.read(entry)
    } catch let error as SnapshotError {
      if case .unreadable(let path, let reason) = error { throw CatalogError.unreadable(path: path, reason: reason) }
      throw CatalogError.unreadable(path: entry.path, reason: "\(error)")
    } catch let error as CatalogError {
      throw error
    } catch {
      throw CatalogError.unreadable(path: entry.path, reason: "\(error)")
    }
  }

  // MARK: Dictionaries

  private static func unknownRuleIDs(_ root: YAMLMapping?) -> [Finding] {
    guard let rules = root?.mapping("rules") else { return [] }
    return rules.pairs.compactMap { pair in
      guard !RuleIDs.known.contains(pair.key.value) else { return nil }
      return DictionaryInvalid.finding(
        "registry.yaml", at: pair.key.mark,
        message: DictionaryInvalid.meaning.with(zh: "没有规则 \(pair.key.value)", en: "there is no rule \(pair.key.value)"))
    }
  }

  private static func readDepartments(_ root: YAMLMapping?, path: String, findings: [Finding])
    -> ([String: Department], [Finding])
  {
    var findings = findings
    var departments: [String: Department] = [:]
    var prefixes: [String: String] = [:]
    for node in root?.sequence("departments") ?? [] {
      guard case .mapping(let map) = node, let code = map.text("code") else { continue }
      let department = Department(
        code: code, name: map.text("name") ?? "", prefix: map.text("prefix") ?? "", parent: map.text("parent"),
        status: map.text("status") ?? "active", mark: map.mark)
      if !CreditCode.isValid(code) {
        findings.append(ProviderChecksum.finding(path, at: map.mark(["code"]), message: ProviderChecksum.detail(code)))
      }
      if departments[code] != nil {
        findings.append(DictionaryInvalid.finding(path, at: map.mark(["code"]), detail: code))
        continue
      }
      if !department.prefix.isEmpty {
        if !(ResourceCode.isClassification(department.prefix) && department.prefix.hasPrefix("3")) {
          findings.append(
            DictionaryInvalid.finding(
              path, at: map.mark(["prefix"]),
              message: DictionaryInvalid.meaning.with(
                zh: "前缀 \(department.prefix) 应为类 3 的分类码（至少 6 位数字）",
                en: "prefix \(department.prefix) should be a 类 3 分类码 of at least 6 digits")))
        }
        if let other = prefixes[department.prefix] {
          findings.append(
            DictionaryInvalid.finding(
              path, at: map.mark(["prefix"]),
              message: DictionaryInvalid.meaning.with(
                zh: "前缀 \(department.prefix) 已属于 \(other)", en: "prefix \(department.prefix) already belongs to \(other)")))
        }
        prefixes[department.prefix] = code
      }
      departments[code] = department
    }
    for department in departments.values {
      if let parent = department.parent, departments[parent] == nil {
        findings.append(
          DictionaryInvalid.finding(
            path, at: department.mark,
            message: DictionaryInvalid.meaning.with(zh: "上级部门 \(parent) 未登记", en: "parent \(parent) is not listed")))
      }
    }
    return (departments, findings)
  }

  private static func readClassification(
    _ root: YAMLMapping?, path: String, departments: [String: Department], findings: [Finding]
  ) -> (Classification, [Finding]) {
    var findings = findings
    var classification = Classification()
    for node in root?.sequence("classes") ?? [] {
      guard case .mapping(let classMap) = node, let classCode = classMap.text("code") else { continue }
      if classCode.utf8.count != 1 || !classCode.utf8.allSatisfy(ResourceCode.isDigit)
        || classification.classes[classCode] != nil
      {
        findings.append(DictionaryInvalid.finding(path, at: classMap.mark(["code"]), detail: "类 \(classCode)"))
        continue
      }
      classification.classes[classCode] = classMap.text("name") ?? ""
      for itemNode in classMap.sequence("items") ?? [] {
        guard case .mapping(let itemMap) = itemNode, let itemCode = itemMap.text("code") else { continue }
        let key = classCode + itemCode
        if itemCode.utf8.count != 2 || !itemCode.utf8.allSatisfy(ResourceCode.isDigit)
          || classification.items[key] != nil
        {
          findings.append(DictionaryInvalid.finding(path, at: itemMap.mark(["code"]), detail: "项 \(classCode) \(itemCode)"))
          continue
        }
        let lead = itemMap.text("lead")
        if let lead, departments[lead] == nil {
          findings.append(
            DictionaryInvalid.finding(
              path, at: itemMap.mark(["lead"]),
              message: DictionaryInvalid.meaning.with(zh: "牵头部门 \(lead) 未登记", en: "lead department \(lead) is not listed")))
        }
        classification.items[key] = ClassificationItem(
          catalogClass: classCode, code: itemCode, name: itemMap.text("name") ?? "", lead: lead, mark: itemMap.mark)
      }
    }
    return (classification, findings)
  }
}
