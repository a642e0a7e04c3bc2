import MuluCatalog
import MuluGit
import MuluKit
import MuluYAML

/// Everything a publish needs, read from the repository.
struct Site: Sendable {
  var revision: String
  var registryName: String
  var level: String
  var release: (tag: String?, commit: ObjectID, date: String)
  /// Newest first.
  var releases: [SiteRelease]
  var resources: [SiteResource]
  var byCode: [String: Int]
  var departments: [SiteDepartment]
  var departmentNames: [String: String]
  var histories: Histories
  var unreadable: [Finding]
  var commit: ObjectID
  /// The release tags of the repository (`mulu release list`), newest first.
  var entries: [Release.Entry]
}
