import MuluCatalog

// The values of a semantic diff. The catalog layer defines what a change of a resource
// is (`ResourceComparison`); these add where it happened, for the diff, the hook's
// preview, sync's merge message and the release notes.

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
