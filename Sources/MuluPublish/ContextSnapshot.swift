import MuluCatalog
import MuluGit
import MuluKit
import MuluYAML

/// The files of a snapshot other than the resource files: what `Validator.load` reads the
/// settings and dictionaries from.
struct ContextSnapshot: Snapshot {
  let base: GitSnapshot

  /// The files at the top and in `dictionaries/`, looked up without listing the whole tree.
  var entries: [SnapshotEntry] {
    ((try? base.files(in: "")) ?? []) + ((try? base.files(in: "dictionaries")) ?? [])
  }
  func read(_ entry: SnapshotEntry) throws -> [UInt8] { try base.read(entry) }
  var label: String { base.label }
}
