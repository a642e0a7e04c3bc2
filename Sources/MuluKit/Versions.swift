import MuluCatalog
import MuluGit
import MuluParallel
#if canImport(Glibc)
  import Glibc
#endif

/// The resource files that differ between two sides, and how to pair them.
struct Versions {
  private(set) var old: [FileVersion] = []
  private(set) var new: [FileVersion] = []

  var all: [FileVersion] { old + new }

  /// Records a changed path when it is a resource file of the layout.
  mutating func add(_ path: String, mode: FileMode, at side: FileVersion.Side, source: FileVersion.Source) {
    guard case .resource(let folder, let code) = TreeLayout.role(of: path) else { return }
    let isFile = mode == .regular || mode == .executable
    let version = FileVersion(path: path, folder: folder, code: code, source: isFile ? source : .notAFile)
    switch side {
    case .old: old.append(version)
    case .new: new.append(version)
    }
  }

  /// The two sides of each changed resource: by path; then a file that went away and one
  /// that appeared with the same code (moved to another provider folder) are one resource.
  func pairs() -> [(FileVersion?, FileVersion?)] {
    var newByPath: [String: FileVersion] = [:]
    for version in new { newByPath[version.path] = version }
    var pairs: [(FileVersion?, FileVersion?)] = []
    var removed: [ResourceCode: [FileVersion]] = [:]
    for version in old {
      if let counterpart = newByPath.removeValue(forKey: version.path) {
        pairs.append((version, counterpart))
      } else {
        removed[version.code, default: []].append(version)
      }
    }
    var appeared: [ResourceCode: [FileVersion]] = [:]
    for version in new where newByPath[version.path] != nil {
      appeared[version.code, default: []].append(version)
    }
    for (code, gone) in removed {
      if gone.count == 1, let came = appeared[code], came.count == 1 {
        pairs.append((gone[0], came[0]))
        appeared[code] = nil
      } else {
        pairs += gone.map { ($0, nil) }
      }
    }
    for came in appeared.values { pairs += came.map { (nil, $0) } }
    return pairs
  }
}
