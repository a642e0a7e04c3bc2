import MuluCatalog
import MuluGit
import MuluKit
import MuluYAML

/// One resource of the published revision, as every page that lists it needs it.
struct SiteResource: Sendable {
  var folder: String
  var code: ResourceCode
  var blob: ObjectID
  var name: String
  var providerName: String
  var sharingType: String
  var updateCycle: String
  var formatClass: String
  /// The first digit of the code written in the file (the search's class facet).
  var writtenClass: String
  var toPublic: Bool
  var retired: Bool
  /// What the evaluation counts of it.
  var counts: ResourceCounts
  /// The codes its page links to by name: `related` and `retired.replaced_by`.
  var links: [String]
  /// Its record in the state of the earlier publish when it was taken from there (its file is
  /// the same), else -1.
  var earlier = -1
  /// The record of the earlier state at its path, whatever its file (-1: none).
  var record = -1

  var codeText: String { code.description }
  var path: String { "catalogs/\(folder)/\(code.fileName)" }
  /// `resources/<分类码>/<顺序码>`, without an extension.
  var stem: String { "resources/\(code.classification)/\(code.sequence)" }
  /// 1 基础, 2 主题, 3 部门 (the first digit of the code).
  var catalogClass: String { String(code.classification.prefix(1)) }
}
