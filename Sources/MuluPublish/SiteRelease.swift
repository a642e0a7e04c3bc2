import MuluCatalog
import MuluGit
import MuluKit
import MuluYAML

/// A release known to the published revision.
struct SiteRelease: Sendable {
  var tag: String
  var commit: ObjectID
  var date: String
  /// `Mulu-Resources` of the tag (nil for a tag without it, as `mulu release list` shows it).
  var resources: Int?
  var breaking: Int
  /// The previous release, nil for the first.
  var previous: String?
  var previousCommit: ObjectID?
  var summary: DiffSummary
  /// The number of changed resources.
  var changes: Int
}
