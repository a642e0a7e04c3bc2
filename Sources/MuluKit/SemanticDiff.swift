import MuluCatalog

// The values of a semantic diff. The catalog layer defines what a change of a resource
// is (`ResourceComparison`); these add where it happened, for the diff, the hook's
// preview, sync's merge message and the release notes.

public typealias ChangeKind = MuluCatalog.ChangeKind
public typealias Impact = MuluCatalog.Impact
public typealias FieldChange = MuluCatalog.FieldChange

/// One resource that changed between two versions of a registry, keyed by its code.
public struct ResourceChange: Sendable, Hashable {
  /// The code the file name gives (信息资源代码).
  public var code: String
  /// The file's path on the new side, else on the old.
  public var path: String
  /// The provider code: the folder the file stands in (new side, else old).
  public var provider: String
  /// The provider's name as the file writes it (new side, else old).
  public var providerName: String
  /// The resource's name (new side, else old).
  public var name: String
  /// The sharing type of the new side, else of the old (empty when neither says).
  public var sharingType: String
  public var kind: ChangeKind
  /// The fields that changed, in the order of the file; empty for `added` and `deleted`.
  public var fields: [FieldChange]
  /// Whether the resource is retired on both sides.
  public var retiredOnBothSides = false

  public init(
    code: String, path: String, provider: String, providerName: String, name: String, sharingType: String,
    kind: ChangeKind, fields: [FieldChange], retiredOnBothSides: Bool = false
  ) {
    self.retiredOnBothSides = retiredOnBothSides
    self.code = code
    self.path = path
    self.provider = provider
    self.providerName = providerName
    self.name = name
    self.sharingType = sharingType
    self.kind = kind
    self.fields = fields
  }

  /// A retired resource whose only change is `provider.name`: its department was renamed in
  /// `dictionaries/departments.yaml` (机构改革), and the file follows the dictionary, which
  /// `retire.immutable` allows.
  public var isRetiredProviderRename: Bool {
    kind == .modified && retiredOnBothSides && fields.map(\.field) == ["provider.name"]
  }

  /// Retired, deleted, or at least one breaking field change.
  public var breaking: Bool { ResourceComparison.isBreaking(kind: kind, fields: fields) }

  /// By provider, then by code, then by path: two runs print the same bytes.
  public static func ordered(_ a: ResourceChange, _ b: ResourceChange) -> Bool {
    if a.provider != b.provider { return a.provider.utf8.lexicographicallyPrecedes(b.provider.utf8) }
    if a.code != b.code {
      if let left = ResourceCode(a.code), let right = ResourceCode(b.code) { return left < right }
      return a.code.utf8.lexicographicallyPrecedes(b.code.utf8)
    }
    return a.path.utf8.lexicographicallyPrecedes(b.path.utf8)
  }
}

/// How many resources changed, by kind; `breaking` counts those with a breaking change.
public struct DiffSummary: Sendable, Hashable {
  public var added = 0
  public var modified = 0
  public var retired = 0
  public var unretired = 0
  public var deleted = 0
  public var breaking = 0

  public init() {}

  public init<Changes: Sequence<ResourceChange>>(_ changes: Changes) {
    for change in changes {
      switch change.kind {
      case .added: added += 1
      case .modified: modified += 1
      case .retired: retired += 1
      case .unretired: unretired += 1
      case .deleted: deleted += 1
      }
      if change.breaking { breaking += 1 }
    }
  }

  /// The number of changed resources.
  public var total: Int { added + modified + retired + unretired + deleted }

  public subscript(kind: ChangeKind) -> Int {
    switch kind {
    case .added: added
    case .modified: modified
    case .retired: retired
    case .unretired: unretired
    case .deleted: deleted
    }
  }
}

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
