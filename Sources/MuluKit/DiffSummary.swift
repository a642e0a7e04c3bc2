// The values of a semantic diff. The catalog layer defines what a change of a resource
// is (`ResourceComparison`); these add where it happened, for the diff, the hook's
// preview, sync's merge message and the release notes.

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
