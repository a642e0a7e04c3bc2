import MuluCatalog
import MuluGit
import MuluKit
import MuluYAML

/// One change of a resource in a release.
struct HistoryItem: Sendable {
  var release: String
  var date: String
  var kind: ChangeKind
  var breaking: Bool
  var fields: [FieldChange]
}
