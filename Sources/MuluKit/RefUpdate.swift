import MuluCatalog
import MuluGit

/// One line of a pre-receive hook's input: `<old-id> <new-id> <ref-name>`.
public struct RefUpdate: Sendable, Hashable {
  /// All zeros when the push creates the ref.
  public var old: ObjectID
  /// All zeros when the push deletes the ref.
  public var new: ObjectID
  /// The full name, e.g. `refs/heads/main`, `refs/tags/v2026.03.1`.
  public var name: String

  public init(old: ObjectID, new: ObjectID, name: String) {
    self.old = old
    self.new = new
    self.name = name
  }

  public var isCreation: Bool { old.isZero }
  public var isDeletion: Bool { new.isZero }

  /// The branch name of `refs/heads/<name>`, else nil.
  public var branch: String? { name.hasPrefix("refs/heads/") ? String(name.dropFirst(11)) : nil }
  /// The tag name of `refs/tags/<name>`, else nil.
  public var tag: String? { name.hasPrefix("refs/tags/") ? String(name.dropFirst(10)) : nil }

  /// Git's input to a pre-receive hook: one update per line. Anything else is a failure.
  public static func parse(_ text: String) throws(HookFailure) -> [RefUpdate] {
    var updates: [RefUpdate] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let fields = line.split(separator: " ", omittingEmptySubsequences: false)
      guard fields.count == 3, let old = ObjectID(hex: String(fields[0])), let new = ObjectID(hex: String(fields[1])),
        fields[2].hasPrefix("refs/"), !(old.isZero && new.isZero)
      else { throw .badInput(String(line)) }
      updates.append(RefUpdate(old: old, new: new, name: String(fields[2])))
    }
    return updates
  }
}

extension ObjectID {
  /// The first ten hex digits, as the hooks name objects to a pusher.
  var short: String { abbreviated(10) }
}
