import MuluCatalog
import MuluGit

extension Sync {
  /// After a pull, one owned department: its resources in the fork and in this registry after
  /// the merge, and if they differ, why.
  public struct Reconciliation: Sendable, Hashable {
    public var department: String
    /// The department's name in the merged registry's dictionary ("" when it is not listed).
    public var name: String
    /// Resource files in `catalogs/<code>/` at the fork's tip, and after the merge.
    public var forkResources: Int
    public var mergedResources: Int
    /// After the merge: resources in force and retired.
    public var active: Int
    public var retired: Int
    /// The paths where the folder after the merge differs from the fork's; empty when equal.
    public var differences: [Difference]
    /// What the merge brought for this department.
    public var added: Int
    public var modified: Int
    public var retiredByMerge: Int
    public var unretired: Int
    public var deleted: Int
    /// Of those, the resources with a breaking change.
    public var breaking: Int

    public var isEqual: Bool { differences.isEmpty }
  }

  /// A path of an owned folder that differs between the fork's tip and the merge.
  public struct Difference: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
      /// This registry added the file since the merge base; the fork does not have it yet.
      case addedHere
      /// This registry changed the file since the merge base; the fork has the older version.
      case changedHere
      /// This registry removed the file since the merge base; the fork still has it.
      case removedHere
    }

    public var path: String
    public var code: String?
    public var reason: Reason

    public init(path: String, code: String?, reason: Reason) {
      self.path = path
      self.code = code
      self.reason = reason
    }
  }

  /// Compares each owned folder of the fork's tip with the merged tree. Both trees hold every
  /// change of the fork, so a difference is a change this registry made that the fork has not
  /// taken yet.
  static func reconcile(_ prepared: Prepared, in repository: Repository) throws -> [Reconciliation] {
    let forkTree = try repository.tree(ofCommit: prepared.forkTip)
    var result: [Reconciliation] = []
    for code in prepared.source.owns {
      let folder = "catalogs/" + code
      let forkFolder = try repository.entry(at: folder, inTree: forkTree)?.id
      let mergedFolder = try repository.entry(at: folder, inTree: prepared.mergedTree)?.id
      var differences: [Difference] = []
      for change in try repository.diffTrees(forkFolder, mergedFolder) {
        let path = folder + "/" + change.path
        let reason: Difference.Reason
        switch change.status {
        case .added: reason = .addedHere
        case .deleted: reason = .removedHere
        case .modified, .typeChanged: reason = .changedHere
        }
        var resourceCode: String? = nil
        if case .resource(_, let parsed) = TreeLayout.role(of: path) { resourceCode = parsed.description }
        differences.append(Difference(path: path, code: resourceCode, reason: reason))
      }
      let count = prepared.departments[code]
      let brought = DiffSummary(prepared.diff.changes.filter { $0.provider == code })
      result.append(
        Reconciliation(
          department: code, name: count?.name ?? "",
          forkResources: try resourceFiles(in: forkFolder, repository),
          mergedResources: try resourceFiles(in: mergedFolder, repository),
          active: count?.active ?? 0, retired: count?.retired ?? 0, differences: differences,
          added: brought.added, modified: brought.modified, retiredByMerge: brought.retired,
          unretired: brought.unretired, deleted: brought.deleted, breaking: brought.breaking))
    }
    return result
  }

  private static func resourceFiles(in folder: ObjectID?, _ repository: Repository) throws -> Int {
    guard let folder else { return 0 }
    return try repository.treeChildren(folder).count { entry in
      entry.mode != .tree && ResourceCode(fileName: String(entry.path)) != nil
    }
  }
}
