import MuluParallel

/// The engine on a change: the verdict on the changed files, with the rest of the registry read
/// only where a rule needs it. Cost grows with the change, not the registry.
///
/// It reads the changed files; the other files of their provider folders (`name.duplicate`);
/// the resources they name in `related`/`replaced_by`, and the files of the same code in the
/// folders of the departments that may publish it (`code.duplicate`). Rules that need the whole registry
/// (`items.overlaps-base`) are left to full validation; findings are reported only on changed paths.
///
/// A change to `registry.yaml` or a dictionary can make unchanged resources wrong (a renamed
/// department, a 项 with a new lead): it is judged by full validation of the whole snapshot, whose
/// errors are reported on every path and its warnings on the changed ones. That costs a full
/// validation (seconds on a national registry), but such changes are maintainers' and rare.
public enum ChangeValidator {
  /// The files every resource is judged against: a change to one is judged on the whole registry.
  public static let contextPaths: Set<String> = [
    "registry.yaml", "dictionaries/departments.yaml", "dictionaries/classification.yaml",
  ]

  /// `previous` is the registry before the change, when there is one: a resource whose name did
  /// not change needs no look at its neighbours. `settings`, when given, stand for those of the
  /// snapshot's `registry.yaml` (limits and severities; the file is still checked): a hook judges
  /// a push by the settings of the branch it protects, not by those the push brings.
  public static func validate(
    _ snapshot: any BrowsableSnapshot, changed paths: [String], previous: (any BrowsableSnapshot)? = nil,
    settings: RegistrySettings? = nil, workers: Int = Validator.defaultWorkers
  ) throws -> Report {
    guard let registryEntry = try snapshot.entry(at: "registry.yaml") else {
      throw CatalogError.notARegistry(snapshot.label)
    }
    let changed = Set(paths)
    if !changed.isDisjoint(with: contextPaths) {
      let full = try Validator.validate(snapshot, settings: settings, workers: workers)
      return Report(findings: full.findings.filter { $0.severity == .error || changed.contains($0.path) })
    }
    let context = try Validator.readContext(registryEntry, from: snapshot, settings: settings) {
      try snapshot.entry(at: $0)
    }
    let limit = context.settings.maxFileBytes
    let present = try presentEntries(changed, in: snapshot)
    var findings = context.findings + TreeLayout.check(present, requireDictionaries: false)
    findings += try caseCollisions(present, in: snapshot)

    let changedResources = resourceFiles(present)
    var parsed = try read(Array(changedResources.values), from: snapshot, limit: limit, workers: workers)
    let newNames = try namesNewToTheirFolder(changedResources, parsed, previous: previous, limit: limit)
    for (folder, names) in newNames {
      let neighbours = try neighbours(mayHolding: names, inFolder: folder, besides: changedResources, of: snapshot, limit: limit, workers: workers)
      for (path, result) in neighbours { parsed[path] = result }
    }
    let referenced = try referencedResources(of: changedResources, parsed, context, in: snapshot)
    parsed.merge(try read(Array(referenced.values), from: snapshot, limit: limit, workers: workers)) { old, _ in old }

    for path in changedResources.keys { findings += parsed[path]?.1 ?? [] }
    findings += judge(changedResources.keys.sorted(), parsed, context, label: snapshot.label)
    let scoped = findings.filter { changed.contains($0.path) }
    return Report(findings: Validator.apply(context.settings, to: scoped))
  }

  /// A resource file with its folder (the provider's code) and its code, as the layout places it.
  typealias Placed = (entry: SnapshotEntry, folder: String, code: ResourceCode)
  /// Resource files read, by path: the file and the findings of reading it.
  typealias Parsed = [String: (ResourceFile, [Finding])]

  /// The changed paths that exist in the snapshot (a deleted file has no entry), sorted.
  private static func presentEntries(_ changed: Set<String>, in snapshot: any BrowsableSnapshot) throws -> [SnapshotEntry] {
    try changed.sorted().compactMap { try snapshot.entry(at: $0) }
  }

  /// The entries that are resource files, by path.
  private static func resourceFiles(_ entries: [SnapshotEntry]) -> [String: Placed] {
    var placed: [String: Placed] = [:]
    for entry in entries where entry.isFile {
      if case .resource(let folder, let code) = TreeLayout.role(of: entry.path) { placed[entry.path] = (entry, folder, code) }
    }
    return placed
  }

  /// The names `name.duplicate` must look for among a folder's other resources: those new
  /// there (a new resource, a renamed or un-retired one), by folder.
  private static func namesNewToTheirFolder(
    _ changedResources: [String: Placed], _ parsed: Parsed, previous: (any BrowsableSnapshot)?, limit: Int
  ) throws -> [String: Set<String>] {
    var newNames: [String: Set<String>] = [:]
    for (path, placed) in changedResources {
      guard let resource = parsed[path]?.0.resource, !resource.isRetired, !resource.name.isEmpty else { continue }
      if let previous, let before = try previousResource(at: path, in: previous, limit: limit),
        before.name == resource.name, !before.isRetired
      {
        continue
      }
      newNames[placed.folder, default: []].insert(resource.name)
    }
    return newNames
  }

  /// The other resources of a folder that may hold one of `names`, read: files whose bytes
  /// cannot hold any of them are not parsed.
  private static func neighbours(
    mayHolding names: Set<String>, inFolder folder: String, besides changedResources: [String: Placed],
    of snapshot: any BrowsableSnapshot, limit: Int, workers: Int
  ) throws -> Parsed {
    let neighbours: [Placed] = try snapshot.files(in: "catalogs/" + folder).compactMap { entry in
      guard entry.isFile, changedResources[entry.path] == nil,
        case .resource(let folder, let code) = TreeLayout.role(of: entry.path)
      else { return nil }
      return (entry, folder, code)
    }
    let needles = names.map { Array($0.utf8) }
    let searchable = names.allSatisfy(NameFilter.isSearchable)
    let read = try parallelMap(neighbours, workers: workers) { entry, folder, code -> (ResourceFile, [Finding])? in
      if searchable {
        let bytes = try snapshot.read(entry)
        guard NameFilter.mayHold(needles, bytes) else { return nil }
      }
      return try Validator.readResource(entry, folder: folder, code: code, from: snapshot, limit: limit)
    }
    var parsed: Parsed = [:]
    for result in read.compactMap({ $0 }) { parsed[result.0.path] = result }
    return parsed
  }

  /// The resources the changed ones name (their own codes elsewhere, `related`, `replaced_by`)
  /// that are not read yet, by path.
  private static func referencedResources(
    of changedResources: [String: Placed], _ parsed: Parsed, _ context: Validator.Context, in snapshot: any BrowsableSnapshot
  ) throws -> [String: Placed] {
    var referenced: [ResourceCode] = []
    for placed in changedResources.values { referenced.append(placed.code) }
    for path in changedResources.keys {
      guard let resource = parsed[path]?.0.resource else { continue }
      referenced += (resource.related + [resource.retired?.replacedBy].compactMap { $0 }).compactMap { ResourceCode($0) }
    }
    var candidates: [String: (folder: String, code: ResourceCode)] = [:]
    for code in referenced {
      for folder in owners(of: code, context) where parsed["catalogs/\(folder)/\(code.fileName)"] == nil {
        candidates["catalogs/\(folder)/\(code.fileName)"] = (folder, code)
      }
    }
    // Looked up together: the folders they are in, often other departments' large ones, are
    // read side by side.
    let paths = candidates.keys.sorted()
    var more: [String: Placed] = [:]
    for (path, entry) in zip(paths, try snapshot.entries(at: paths)) {
      guard let entry, entry.isFile, let (folder, code) = candidates[path] else { continue }
      more[entry.path] = (entry, folder, code)
    }
    return more
  }

  /// The rules on the changed resources, with what was read around them as their catalog, and
  /// the registry rules that can judge a change.
  private static func judge(_ changedPaths: [String], _ parsed: Parsed, _ context: Validator.Context, label: String) -> [Finding] {
    let catalog = Catalog(
      label: label, settings: context.settings, departments: context.departments,
      classification: context.classification, dictionariesRead: context.dictionariesRead,
      resources: parsed.values.map(\.0).sorted { $0.path < $1.path })
    var findings: [Finding] = []
    for path in changedPaths {
      guard let file = parsed[path]?.0, let resource = file.resource else { continue }
      for rule in CatalogRules.resourceRules where context.settings.runs(rule) {
        findings += rule.check(file, resource, in: catalog)
      }
    }
    for rule in CatalogRules.registryRules where rule.judgedOnChanges && context.settings.runs(rule) {
      findings += rule.check(catalog)
    }
    return findings
  }

  private static func previousResource(at path: String, in previous: any BrowsableSnapshot, limit: Int) throws
    -> Resource?
  {
    guard let entry = try previous.entry(at: path), entry.isFile,
      case .resource(let folder, let code) = TreeLayout.role(of: path)
    else { return nil }
    return try Validator.readResource(entry, folder: folder, code: code, from: previous, limit: limit).0.resource
  }

  /// The departments dictionary of a registry (empty when there is none).
  public static func departments(of snapshot: any BrowsableSnapshot) throws -> [String: Department] {
    guard let registryEntry = try snapshot.entry(at: "registry.yaml") else { return [:] }
    return try Validator.readContext(registryEntry, from: snapshot) { try snapshot.entry(at: $0) }.departments
  }

  /// How many resource files of one provider folder are active and how many retired. A file
  /// whose bytes cannot hold a `retired` key (`NameFilter.mayHoldKey`) is active without being
  /// parsed, so the cost is reading the folder's files, not parsing them.
  public static func tally(inFolder code: String, of snapshot: any BrowsableSnapshot, workers: Int = Validator.defaultWorkers)
    throws -> (active: Int, retired: Int)
  {
    let limit = try fileLimit(of: snapshot)
    let entries: [Placed] = try snapshot.files(in: "catalogs/" + code).compactMap { entry in
      guard entry.isFile, case .resource(let folder, let code) = TreeLayout.role(of: entry.path) else { return nil }
      return (entry, folder, code)
    }
    let key = Array("retired".utf8)
    let retired = try parallelMap(entries, workers: workers) { entry, folder, code -> Bool in
      guard NameFilter.mayHoldKey(key, try snapshot.read(entry)) else { return false }
      let read = try Validator.readResource(entry, folder: folder, code: code, from: snapshot, limit: limit)
      return read.0.resource?.isRetired == true
    }
    let count = retired.filter { $0 }.count
    return (entries.count - count, count)
  }

  /// The largest file the snapshot's `registry.yaml` lets a rule read.
  private static func fileLimit(of snapshot: any BrowsableSnapshot) throws -> Int {
    guard let entry = try snapshot.entry(at: "registry.yaml"),
      let root = try Validator.readMetadata(entry, from: snapshot, shape: Schemas.registry, limit: 1 << 20).root
    else { return RegistrySettings().maxFileBytes }
    return RegistrySettings(root).maxFileBytes
  }

  /// The folders where a resource of this code may stand: every department that may publish
  /// under its 分类码 (`Classification.mayPublish`: each one whose prefix it starts with, a
  /// sub-department's and its parent's alike, and the 项's lead for base and theme resources),
  /// and the lead named in the dictionary even when it is not listed.
  static func owners(of code: ResourceCode, _ context: Validator.Context) -> [String] {
    var owners = Set(
      context.departments.values.filter { context.classification.mayPublish($0, under: code.classification) }.map(\.code))
    if code.catalogClass == "1" || code.catalogClass == "2",
      let lead = context.classification.item(for: code.classification)?.lead
    {
      owners.insert(lead)
    }
    return owners.sorted()
  }

  private static func read(
    _ entries: [(SnapshotEntry, String, ResourceCode)], from snapshot: any Snapshot, limit: Int, workers: Int
  ) throws -> [String: (ResourceFile, [Finding])] {
    let results = try parallelMap(entries, workers: workers) { entry, folder, code in
      try Validator.readResource(entry, folder: folder, code: code, from: snapshot, limit: limit)
    }
    var byPath: [String: (ResourceFile, [Finding])] = [:]
    for result in results { byPath[result.0.path] = result }
    return byPath
  }

  /// Collisions of each changed path with the names beside it, folder by folder. Each folder
  /// is read once, for the names that may collide with one asked there
  /// (`TreeCaseCollision.Candidates`): a few names out of a provider folder's thousands.
  private static func caseCollisions(_ entries: [SnapshotEntry], in snapshot: any BrowsableSnapshot) throws -> [Finding] {
    var asked: [String: [String]] = [:]
    for entry in entries {
      var folder = ""
      for component in entry.path.split(separator: "/").map(String.init) {
        asked[folder, default: []].append(component)
        folder = folder.isEmpty ? component : folder + "/" + component
      }
    }
    var findings: [Finding] = []
    var listings: [String: TreeCaseCollision.FolderNames] = [:]
    for entry in entries {
      var folder = ""
      for component in entry.path.split(separator: "/").map(String.init) {
        var names = try listings.removeValue(forKey: folder) ?? {
          let candidates = TreeCaseCollision.Candidates(asking: asked[folder] ?? [])
          // Lower-case ASCII names asked of a folder of lower-case ASCII names: none collides.
          if candidates.keepsOnlyUpperCaseOrNonASCII, try snapshot.namesAreLowerCaseASCII(in: folder) == true {
            return TreeCaseCollision.FolderNames(FolderListing())
          }
          return TreeCaseCollision.FolderNames(try snapshot.listing(of: folder, keeping: candidates.mayCollide))
        }()
        let collision = names.collision(with: component)
        listings[folder] = names
        if let other = collision {
          let otherPath = folder.isEmpty ? other : folder + "/" + other
          findings.append(TreeCaseCollision.finding(entry.path, detail: otherPath))
          break
        }
        folder = folder.isEmpty ? component : folder + "/" + component
      }
    }
    return findings
  }
}
