import Foundation
import MuluCatalog
import MuluKit
import MuluYAML

/// One file the import would write.
struct PlannedWrite: Sendable {
  var text: String
  /// The resource as it was; nil for a new one.
  var old: Resource?
  var new: Resource
  var code: ResourceCode
  var folder: String
  /// The rows the resource came from, and where each of its columns got its value.
  var rows: [TableRow]
  var sources: [Column: CellPlace]
  /// The row of each data item.
  var itemRows: [TableRow]
}
