import MuluCatalog

/// `mulu validate`: the working tree or a revision, the report limited to some paths.
public enum Validation {
  /// Fails with a `Workspace.Failure`, or the engine's `CatalogError`.
  public static func run(in workspace: Workspace, revision: String? = nil, paths: [String] = []) throws -> Report {
    let snapshot: any Snapshot
    if let revision {
      snapshot = try workspace.snapshot(at: revision)
    } else {
      snapshot = try workspace.workingTree()
    }
    guard let limits = try limits(paths, in: workspace, snapshot: snapshot) else { return try Validator.validate(snapshot) }
    return try Validator.validate(snapshot).limited(to: limits)
  }

  /// `run`, with the validation cache of the registry's repository (`ValidationCache`) unless
  /// `cache` is false: files whose path and content were validated before are not read again.
  /// The report is the same either way; `notes` say what went wrong with the cache.
  /// Fails as `run` does.
  public static func run(in workspace: Workspace, revision: String? = nil, paths: [String] = [], cache: Bool)
    throws -> (report: Report, notes: [ValidationCache.Note])
  {
    guard cache, let store = workspace.validationCache() else {
      return (try run(in: workspace, revision: revision, paths: paths), [])
    }
    let snapshot: any Snapshot
    if let revision {
      snapshot = try workspace.snapshot(at: revision)
    } else {
      snapshot = try workspace.identifiedWorkingTree()
    }
    let limits = try limits(paths, in: workspace, snapshot: snapshot)
    let (results, note) = store.load(context: ValidationCache.context(of: snapshot))
    let report = try Validator.validate(snapshot, results: results)
    let notes = [note, store.save(results)].compactMap { $0 }
    guard let limits else { return (report, notes) }
    return (report.limited(to: limits), notes)
  }

  /// The registry paths that the PATHs a user gave name in `snapshot`, folders ending in "/"
  /// (empty: no PATH given); nil when one of them is the whole registry. A PATH outside the
  /// registry, or naming nothing in the snapshot, is `noSuchPath`.
  public static func limits(_ paths: [String], in workspace: Workspace, snapshot: any Snapshot) throws(Workspace.Failure)
    -> [String]?
  {
    var limits: [String] = []
    for path in paths {
      guard var registryPath = workspace.registryPath(path) else { throw .noSuchPath(path) }
      if registryPath.isEmpty { return nil }
      // A folder of the revision, which need not exist on disk (a bare repository, a folder deleted since).
      if !registryPath.hasSuffix("/"), !snapshot.entries.contains(where: { $0.path == registryPath }),
        snapshot.entries.contains(where: { $0.path.hasPrefix(registryPath + "/") })
      {
        registryPath += "/"
      }
      let known = snapshot.entries.contains {
        $0.path == registryPath || (registryPath.hasSuffix("/") && $0.path.hasPrefix(registryPath))
      }
      guard known else { throw .noSuchPath(path) }
      limits.append(registryPath)
    }
    return limits
  }
}
