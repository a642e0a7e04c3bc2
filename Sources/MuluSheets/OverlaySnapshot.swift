import Foundation
import MuluCatalog
import MuluKit
import MuluYAML

/// The working tree with the files an import would write in place.
struct OverlaySnapshot: Snapshot {
  let base: any Snapshot
  let files: [String: [UInt8]]

  var label: String { base.label }

  var entries: [SnapshotEntry] {
    var list = base.entries.filter { files[$0.path] == nil }
    for (path, bytes) in files { list.append(SnapshotEntry(path: path, kind: .regular, size: bytes.count)) }
    return list
  }

  func read(_ entry: SnapshotEntry) throws -> [UInt8] {
    if let bytes = files[entry.path] { return bytes }
    return try base.read(entry)
  }
}
