import MuluCatalog
import MuluGit
import MuluParallel

#if canImport(Glibc)
  import Glibc
#endif

/// The semantic diff between two versions of a registry: what changed, in the terms of
/// the departments that use the resources. One engine for `mulu diff`, the hook's
/// preview, sync's merge message and the release notes.
///
/// Its cost grows with the change, not with the registry: Git's tree diff names the
/// changed files (equal subtrees are skipped by id), and only those are read, on both
/// sides, each blob once, on all cores.
public enum DiffEngine {
  /// Between two commits; nil stands for an empty registry.
  public static func diff(
    _ repository: Repository, from: ObjectID?, to: ObjectID?, fromLabel: String, toLabel: String
  ) throws -> SemanticDiff {
    try diff(
      repository, fromTree: from.map { try repository.commit($0).tree },
      toTree: to.map { try repository.commit($0).tree }, fromLabel: fromLabel, toLabel: toLabel)
  }

  /// Between two trees (nil: the empty tree), as the hook and sync have them. A blob of more
  /// than `limit` bytes is not read: it counts as unreadable (the hook's `max_file_bytes`).
  public static func diff(
    _ repository: Repository, fromTree: ObjectID?, toTree: ObjectID?, fromLabel: String, toLabel: String,
    limit: Int = .max
  ) throws -> SemanticDiff {
    try diff(
      repository, changes: try repository.diffTrees(fromTree, toTree), fromLabel: fromLabel, toLabel: toLabel,
      limit: limit)
  }

  /// Over changes of a tree diff the caller already has (the hook's, narrowed to the paths a
  /// branch changes itself). A blob of more than `limit` bytes is unreadable, and not loaded.
  public static func diff(
    _ repository: Repository, changes: [TreeChange], fromLabel: String, toLabel: String, limit: Int = .max
  ) throws -> SemanticDiff {
    var versions = Versions()
    for change in changes {
      if let id = change.oldID, let mode = change.oldMode {
        versions.add(change.path, mode: mode, at: .old, source: .blob(id))
      }
      if let id = change.newID, let mode = change.newMode {
        versions.add(change.path, mode: mode, at: .new, source: .blob(id))
      }
    }
    return try compare(versions, in: repository, fromLabel: fromLabel, toLabel: toLabel, limit: limit)
  }

  /// Between a commit (nil: an empty registry) and the files of the working tree at
  /// `root`, which must be `repository`'s working tree. The index's stat data tells
  /// which files may have changed; only those are read.
  /// With a `prefix` ("folder/"), the registry is that folder of the working tree at `root`.
  public static func diff(
    _ repository: Repository, from: ObjectID?, toWorkingTree root: String, prefix: String = "", fromLabel: String
  ) throws -> SemanticDiff {
    let tree = try from.map { try repository.commit($0).tree }
    var versions = Versions()
    // A file a sparse checkout leaves out is not deleted: its version is the index's.
    var skipped: [String: TreeEntry] = [:]
    for entry in try repository.skippedIndexEntries() where entry.path.hasPrefix(prefix) {
      skipped[String(entry.path.dropFirst(prefix.count))] = entry
    }
    for found in try repository.diffTreeToWorkingTree(tree, paths: [prefix + "catalogs"]) {
      var change = found
      change.path = String(found.path.dropFirst(prefix.count))
      let root = root + "/" + prefix
      if change.newMode == nil, let kept = skipped[change.path], access(root + change.path, F_OK) != 0 {
        if kept.id == change.oldID && kept.mode == change.oldMode { continue }
        if let id = change.oldID, let mode = change.oldMode {
          versions.add(change.path, mode: mode, at: .old, source: .blob(id))
        }
        versions.add(change.path, mode: kept.mode, at: .new, source: .blob(kept.id))
        continue
      }
      if let id = change.oldID, let mode = change.oldMode {
        versions.add(change.path, mode: mode, at: .old, source: .blob(id))
      }
      if let mode = change.newMode {
        versions.add(change.path, mode: mode, at: .new, source: .file(root + change.path))
      }
    }
    return try compare(versions, in: repository, fromLabel: fromLabel, toLabel: SemanticDiff.workingTree)
  }

  // MARK: Comparing

  private static func compare(
    _ versions: Versions, in repository: Repository, fromLabel: String, toLabel: String, limit: Int = .max
  ) throws -> SemanticDiff {
    let readings = try read(versions.all, in: repository, limit: limit)
    var changes: [ResourceChange] = []
    var unreadable: [Finding] = []
    for (old, new) in versions.pairs() {
      let before = old.map { ($0, readings.reading(of: $0)) }
      let after = new.map { ($0, readings.reading(of: $0)) }
      var unread = false
      if let side = before, case .unreadable(let finding) = side.1 {
        unreadable.append(unreadableFinding(finding, side.0, in: fromLabel))
        unread = true
      }
      if let side = after, case .unreadable(let finding) = side.1 {
        unreadable.append(unreadableFinding(finding, side.0, in: toLabel))
        unread = true
      }
      if unread { continue }
      if let change = resourceChange(old: before.flatMap(resolved), new: after.flatMap(resolved)) {
        changes.append(change)
      }
    }
    return SemanticDiff(from: fromLabel, to: toLabel, changes: changes, unreadable: unreadable)
  }

  private static func resolved(_ side: (FileVersion, ResourceReading)) -> (FileVersion, Resource)? {
    guard case .read(let resource) = side.1 else { return nil }
    return (side.0, resource)
  }

  /// The change between two sides of one resource, or nil when nothing changed in meaning.
  static func resourceChange(old: (FileVersion, Resource)?, new: (FileVersion, Resource)?) -> ResourceChange? {
    guard let delta = ResourceComparison.compare(old: old?.1, new: new?.1),
      let version = new?.0 ?? old?.0
    else { return nil }
    func pick(_ value: (Resource) -> String) -> String {
      for resource in [new?.1, old?.1].compactMap({ $0 }) {
        let text = value(resource).trimmingWhitespace()
        if !text.isEmpty { return text }
      }
      return ""
    }
    return ResourceChange(
      code: version.code.description, path: version.path, provider: version.folder,
      providerName: pick(\.provider.name), name: pick(\.name), sharingType: pick(\.sharing.type),
      kind: delta.kind, fields: delta.fields, retiredOnBothSides: old?.1.isRetired == true && new?.1.isRetired == true)
  }

  /// A file that could not be read on one side: a warning that says which side.
  static func unreadableFinding(_ finding: Finding, _ version: FileVersion, in label: String) -> Finding {
    var warning = finding
    warning.path = version.path
    warning.code = version.code.description
    warning.severity = .warning
    warning.message = LocalizedText(
      zh: "在 \(label) 中无法读取，未计入差异：\(finding.message.zh)",
      en: "unreadable in \(label), left out of the diff: \(finding.message.en)")
    return warning
  }

  // MARK: Reading

  /// Reads and parses every version: each blob once, on all cores; working-tree files
  /// likewise. A blob of more than `limit` bytes is unreadable, and never loaded.
  static func read(_ versions: [FileVersion], in repository: Repository, limit: Int = .max) throws -> Readings {
    var blobs: [ObjectID] = []
    var files: [String] = []
    var seenBlobs = Set<ObjectID>()
    var seenFiles = Set<String>()
    for version in versions {
      switch version.source {
      case .blob(let id): if seenBlobs.insert(id).inserted { blobs.append(id) }
      case .file(let path): if seenFiles.insert(path).inserted { files.append(path) }
      case .notAFile: break
      }
    }
    var tooLarge: [ObjectID: ResourceReading] = [:]
    if limit < .max {
      for id in blobs {
        let size = try repository.blobSize(id)
        guard size > limit else { continue }
        let message = FileTooLarge.meaning.with(
          zh: "\(size) 字节，上限 \(limit) 字节", en: "\(size) bytes, the limit is \(limit)")
        tooLarge[id] = .unreadable(FileTooLarge.finding("", message: message))
      }
      blobs.removeAll { tooLarge[$0] != nil }
    }
    let workers = Validator.defaultWorkers
    let blobReadings = try repository.mapBlobs(blobs, workers: workers) { _, bytes in
      ResourceComparison.read(bytes, path: "", code: nil)
    }
    let fileReadings = parallelMap(files, workers: workers) { path -> ResourceReading in
      do {
        return ResourceComparison.read(try DirectorySnapshot.readFile(path, reportAs: path), path: path, code: nil)
      } catch {
        var reason = "\(error)"
        if case SnapshotError.unreadable(_, let why)? = error as? SnapshotError { reason = why }
        let message = LocalizedText(zh: "无法读取文件：\(reason)", en: "cannot read the file: \(reason)")
        return .unreadable(YAMLSyntax.finding(path, message: message))
      }
    }
    return Readings(
      blobs: Dictionary(uniqueKeysWithValues: zip(blobs, blobReadings)).merging(tooLarge) { $1 },
      files: Dictionary(uniqueKeysWithValues: zip(files, fileReadings)))
  }
}

// MARK: - Versions of files
extension DiffEngine {
  /// `mulu diff [FROM [TO]]`: FROM defaults to HEAD, TO to the working tree. Each
  /// revision must name a commit whose tree is a registry.
  public static func run(in workspace: Workspace, from: String?, to: String?) throws(Workspace.Failure)
    -> SemanticDiff
  {
    let repository = try workspace.repository()
    let prefix = workspace.registryPrefix(in: repository)
    let fromLabel = from ?? "HEAD"
    let fromCommit = try repository.registryCommit(fromLabel, prefix: prefix)
    do {
      if let to {
        let toCommit = try repository.registryCommit(to, prefix: prefix)
        return try diff(
          repository, fromTree: RegistryFolder.tree(ofCommit: fromCommit, prefix: prefix, in: repository),
          toTree: RegistryFolder.tree(ofCommit: toCommit, prefix: prefix, in: repository), fromLabel: fromLabel,
          toLabel: to)
      }
      guard let root = repository.workdir, access(root + "/" + prefix + "registry.yaml", F_OK) == 0 else {
        throw Workspace.Failure.notARegistry(repository.workdir ?? workspace.root)
      }
      return try diff(repository, from: fromCommit, toWorkingTree: root, prefix: prefix, fromLabel: fromLabel)
    } catch let failure as Workspace.Failure {
      throw failure
    } catch {
      throw .unreadable(workspace.root, error.message)
    }
  }
}
