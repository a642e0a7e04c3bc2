import MuluCatalog

// The values of a semantic diff. The catalog layer defines what a change of a resource
// is (`ResourceComparison`); these add where it happened, for the diff, the hook's
// preview, sync's merge message and the release notes.

public typealias ChangeKind = MuluCatalog.ChangeKind
public typealias Impact = MuluCatalog.Impact
public typealias FieldChange = MuluCatalog.FieldChange

/// The semantic difference between two versions of a registry.
public struct SemanticDiff: Sendable {
  /// The old version as the user named it (a revision), and the new one.
  public var from: String
  public var to: String
  /// Every changed resource, in `ResourceChange.ordered` order.
  public var changes: [ResourceChange]
  /// Files that could not be read on a side (warnings): left out of `changes`, the diff goes on.
  public var unreadable: [Finding]
  /// After `breakingOnly()`: how many changed resources were left out as not breaking.
  public var compatibleLeftOut: Int?

  /// The label of the working tree as the new side.
  public static let workingTree = "working tree"

  public init(from: String, to: String, changes: [ResourceChange], unreadable: [Finding] = []) {
    self.from = from
    self.to = to
    self.changes = changes.sorted(by: ResourceChange.ordered)
    self.unreadable = unreadable.sorted(by: Finding.ordered)
  }

  public var summary: DiffSummary { DiffSummary(changes) }

  /// No changed resource and no unreadable file.
  public var isEmpty: Bool { changes.isEmpty && unreadable.isEmpty }

  /// Only the resources with a breaking change (each with all its field changes, so that
  /// a retirement keeps its reason and replacement).
  public func breakingOnly() -> SemanticDiff {
    var diff = SemanticDiff(from: from, to: to, changes: changes.filter(\.breaking), unreadable: unreadable)
    diff.compatibleLeftOut = changes.count - diff.changes.count
    return diff
  }
}
